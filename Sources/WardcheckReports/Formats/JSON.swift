import Foundation
import WardcheckCore

/// A JSON value with keys kept in the order written, so reports read top-down the way they are
/// documented. Serialisation escapes every control character; ward text is never trusted.
public indirect enum JSON: Sendable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case number(String)
    case bool(Bool)
    case null

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func optional(_ i: Int?) -> JSON { i.map(JSON.int) ?? .null }

    public func serialised(pretty: Bool = true) -> String {
        var writer = Writer(pretty: pretty)
        writer.write(self, level: 0)
        if pretty { writer.bytes.append(0x0A) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends the value, pretty-printed as `serialised()` writes it where it sits `level`
    /// containers deep: a document written piece by piece (`JSONStream`) comes out byte for byte
    /// the same as one serialised whole.
    func write(into bytes: inout [UInt8], level: Int) {
        var writer = Writer(pretty: true, reserving: 0)
        swap(&writer.bytes, &bytes)
        writer.write(self, level: level)
        swap(&writer.bytes, &bytes)
    }

    /// Writes UTF-8 bytes straight into one buffer: reports of thousands of units are tens of
    /// megabytes, and building them from String pieces was the slowest part of `check`.
    private struct Writer {
        var bytes: [UInt8] = []
        let pretty: Bool

        init(pretty: Bool, reserving capacity: Int = 1 << 16) {
            self.pretty = pretty
            bytes.reserveCapacity(capacity)
        }

        mutating func write(_ value: JSON, level: Int) {
            switch value {
            case .null: append("null")
            case .bool(let b): append(b ? "true" : "false")
            case .int(let i): append(String(i))
            case .number(let n): append(n)
            case .string(let s): JSON.escape(s, into: &bytes)
            case .array(let items):
                if items.isEmpty { append("[]"); return }
                bytes.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(level + 1)
                    write(item, level: level + 1)
                }
                newline(level)
                bytes.append(UInt8(ascii: "]"))
            case .object(let members):
                if members.isEmpty { append("{}"); return }
                bytes.append(UInt8(ascii: "{"))
                for (i, (key, member)) in members.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(level + 1)
                    JSON.escape(key, into: &bytes)
                    append(pretty ? ": " : ":")
                    write(member, level: level + 1)
                }
                newline(level)
                bytes.append(UInt8(ascii: "}"))
            }
        }

        private mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// A line break and two spaces a level. A piece of a streamed document is written by a
        /// writer of its own, so the spaces are counted out, not kept in a table per writer.
        private mutating func newline(_ level: Int) {
            guard pretty else { return }
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
    }

    /// A JSON string. Controls, DEL, and the hidden characters of `HiddenCharacters` (C1 controls,
    /// bidirectional overrides, zero-width characters, U+2028/U+2029) are written as `\\uXXXX`:
    /// the value a program reads is unchanged, and a person who opens the file sees the escape,
    /// not a line that displays as something else.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape at all: copy it whole (see `PlainText`), from the string's
        // own bytes when it has them in one piece, looked at once.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard PlainText.isPlain(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        if plain == nil, PlainText.isPlain(s.utf8) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            // Keeps JSON embeddable in HTML <script>.
            case UInt8(ascii: "<"): unicodeEscape(0x3C, into: &out)
            case 0x00..<0x20, 0x7F: unicodeEscape(UInt32(b), into: &out)
            case 0x80...:
                // Swift strings are valid UTF-8: the lead byte gives the width.
                let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07))
                for k in 1..<width { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), HiddenCharacters.isHidden(scalar) {
                    if value > 0xFFFF {
                        let v = value - 0x10000
                        unicodeEscape(0xD800 + (v >> 10), into: &out)
                        unicodeEscape(0xDC00 + (v & 0x3FF), into: &out)
                    } else {
                        unicodeEscape(value, into: &out)
                    }
                } else {
                    out.append(contentsOf: utf8[i..<(i + width)])
                }
                i += width
                continue
            default: out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"),
                                hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]])
    }
}
