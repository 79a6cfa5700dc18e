import WardcheckCore

/// A small XML tree, attributes kept in the order written, for the JUnit report. Serialisation
/// escapes every text and drops what XML 1.0 cannot carry: ward text is never trusted.
public indirect enum XML: Sendable {
    case element(String, attributes: [(String, String)] = [], children: [XML] = [])
    case text(String)

    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// The document with its declaration, two spaces an indent level, text kept on its element's line.
    public func document() -> String {
        var out = XML.declaration
        write(into: &out, level: 0)
        return out
    }

    /// The element as `document()` writes it `level` elements deep: a document whose root holds
    /// thousands of children is written child by child, in the same bytes as the whole.
    public func fragment(level: Int) -> String {
        var out = ""
        write(into: &out, level: level)
        return out
    }

    /// The start tag of an element whose children are written one by one (`fragment(level: level + 1)`),
    /// on its own line; `empty` for one that has none, which `document()` writes as `<name …/>`.
    public static func startTag(_ name: String, attributes: [(String, String)], level: Int, empty: Bool) -> String {
        indent(level) + tag(name, attributes) + (empty ? "/>\n" : ">\n")
    }

    /// The end tag `startTag` opened.
    public static func endTag(_ name: String, level: Int) -> String {
        indent(level) + "</\(name)>\n"
    }

    private func write(into out: inout String, level: Int) {
        switch self {
        case .text(let s):
            out += XML.escapeText(s)
        case .element(let name, let attributes, let children):
            if children.isEmpty {
                out += XML.startTag(name, attributes: attributes, level: level, empty: true)
            } else if children.allSatisfy(\.isText) {
                out += XML.indent(level) + XML.tag(name, attributes) + ">"
                for child in children { child.write(into: &out, level: 0) }
                out += "</\(name)>\n"
            } else {
                out += XML.startTag(name, attributes: attributes, level: level, empty: false)
                for child in children {
                    if child.isText { out += XML.indent(level + 1) }
                    child.write(into: &out, level: level + 1)
                    if child.isText { out += "\n" }
                }
                out += XML.endTag(name, level: level)
            }
        }
    }

    private static func indent(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// `<name key="value" …`, unfinished: the caller closes it one way or another.
    private static func tag(_ name: String, _ attributes: [(String, String)]) -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"" + escapeAttribute(value) + "\"" }
        return out
    }

    private var isText: Bool {
        if case .text = self { return true }
        return false
    }

    /// Character data: the five special characters as entities, `\r` kept as a reference so a
    /// parser does not fold it away, characters XML 1.0 forbids and every other hidden character
    /// (C1 controls, bidirectional overrides, zero-width ones) shown as `\u{…}`, which CI report
    /// viewers then display instead of obeying.
    public static func escapeText(_ s: String) -> String {
        escape(s, attribute: false)
    }

    /// An attribute value: as text, and also tab and newlines as references, which attribute-value
    /// normalisation would otherwise turn into spaces.
    public static func escapeAttribute(_ s: String) -> String {
        escape(s, attribute: true)
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in HiddenCharacters.escaped(s, keeping: ["\t", "\n", "\r"]).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    /// Swift scalars are never surrogates, so the gap at #xD800 needs no test.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
