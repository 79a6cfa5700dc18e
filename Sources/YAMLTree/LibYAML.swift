import CYAML
import Foundation

/// libyaml's C values as both readers of its events take them, so that the tree and the event
/// reader agree on every position, style and text.
enum LibYAML {
    /// libyaml counts from 0; people and editors count lines and columns from 1.
    static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    static func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// Text typed on different systems mixes NFC and NFD; compare and show it in NFC only.
    static func normalised(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        let buffer = UnsafeBufferPointer(start: pointer, count: length)
        let text = String(decoding: buffer, as: UTF8.self)
        if NFC.isPlainlyComposed(buffer) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
