/// Finds the first byte that is not well-formed UTF-8, with its line and column, so the error
/// can point at it: libyaml would only say "invalid leading UTF-8 octet" with a byte offset.
enum UTF8Check {
    static func firstInvalid(in bytes: [UInt8]) -> Mark? {
        guard let offset = firstInvalidOffset(in: bytes) else { return nil }
        // Where it is, counted only for a file that has one: every byte before it belongs to a
        // well-formed character, so a character is a byte that does not continue one.
        var line = 1
        var column = 1
        for b in bytes[..<offset] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Mark(line: line, column: column)
    }

    /// The offset of the first byte that does not start a well-formed character.
    private static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time: most of a Vietnamese file is ASCII.
                if i + 8 <= n, let base = buffer.baseAddress,
                   UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buffer[i]
                if b < 0x80 {
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
                default: return i
                }
                guard i + width <= n else { return i }
                for k in 1..<width {
                    let c = buffer[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    scalar = (scalar << 6) | UInt32(c & 0x3F)
                }
                if scalar < lowest || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += width
            }
            return nil
        }
    }
}
