/// Text made only of printable ASCII and the Latin letters (U+00A0–U+02FF but the soft hyphen,
/// U+1E00–U+1EFF: Vietnamese's among them), checked on its UTF-8 bytes. Nearly every unit name,
/// remedy and fact value is such text, and for it a caller can skip looking at each character:
/// validation knows it holds nothing hidden, a report knows it needs no escaping. "No" only means
/// "look closer", never "refuse".
public enum LatinText {
    /// ASCII characters that also send text down the caller's careful path: those a report's
    /// format gives a meaning (quotes, backslash, `<`, `>`, `&`).
    public struct Refusing: Sendable {
        fileprivate let mask: (UInt64, UInt64)

        public init(_ characters: String) {
            var low: UInt64 = 0, high: UInt64 = 0
            for byte in characters.utf8 where byte < 0x80 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
            mask = (low, high)
        }

        public static let nothing = Refusing("")

        @inline(__always) fileprivate func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? mask.0 & (1 << UInt64(byte)) != 0 : mask.1 & (1 << UInt64(byte - 64)) != 0
        }
    }

    public static func isSimple(_ utf8: String.UTF8View, refusing special: Refusing = .nothing) -> Bool {
        // Native strings hand out their bytes: a pointer walk is several times faster than the iterator.
        if let answer = utf8.withContiguousStorageIfAvailable({ isSimple(bytes: $0, refusing: special) }) { return answer }
        return isSimple(bytes: Array(utf8), refusing: special)
    }

    /// The same, on bytes already in one piece.
    public static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>, refusing special: Refusing = .nothing) -> Bool {
        isSimple(bytes: bytes, refusing: special)
    }

    private static func isSimple<Bytes: Sequence>(bytes: Bytes, refusing special: Refusing) -> Bool where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x20...0x7E:
                if special.contains(byte) { return false }
            case 0xC2:
                // U+00A0–U+00BF, but not U+00AD (soft hyphen, an invisible format character); C1 controls are C2 80–9F.
                guard let next = iterator.next(), next >= 0xA0, next != 0xAD else { return false }
            case 0xC3...0xCB:
                // U+00C0–U+02FF: Latin-1 letters, Latin Extended-A and -B, IPA, spacing modifiers.
                guard iterator.next() != nil else { return false }
            case 0xE1:
                // U+1E00–U+1EFF, Latin Extended Additional: ạ, ế, ử, …
                guard let second = iterator.next(), second >= 0xB8, second <= 0xBB, iterator.next() != nil else { return false }
            default:
                return false
            }
        }
        return true
    }
}
