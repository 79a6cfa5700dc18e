import Foundation

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

    /// Writes UTF-8 bytes straight into one buffer: reports of thousands of units are tens of
    /// megabytes, and building them from String pieces was the slowest part of `check`.
    private struct Writer {
        var bytes: [UInt8] = []
        let pretty: Bool
        private var indents: [[UInt8]] = [[]]

        init(pretty: Bool) {
            self.pretty = pretty
            bytes.reserveCapacity(1 << 16)
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

        private mutating func newline(_ level: Int) {
            guard pretty else { return }
            while indents.count <= level { indents.append(indents[indents.count - 1] + [0x20, 0x20]) }
            bytes.append(0x0A)
            bytes.append(contentsOf: indents[level])
        }
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
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
            // Keeps JSON embeddable in HTML <script> and safe from line-separator quirks.
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                out.append(contentsOf: Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 2
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }
}
