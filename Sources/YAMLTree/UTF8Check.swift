/// Finds the first byte that is not well-formed UTF-8, with its line and column, so the error
/// can point at it: libyaml would only say "invalid leading UTF-8 octet" with a byte offset.
enum UTF8Check {
    static func firstInvalid(in bytes: [UInt8]) -> Mark? {
        var line = 1
        var column = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            let width: Int
            var lowest: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: width = 2; lowest = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: width = 3; lowest = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: width = 4; lowest = 0x10000; scalar = UInt32(b & 0x07)
            default: return Mark(line: line, column: column)
            }
            guard i + width <= n else { return Mark(line: line, column: column) }
            for k in 1..<width {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return Mark(line: line, column: column) }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            if scalar < lowest || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return Mark(line: line, column: column)
            }
            column += 1
            i += width
        }
        return nil
    }
}
