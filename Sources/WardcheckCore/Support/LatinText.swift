/// Text made only of printable ASCII and the Latin letters (U+00A0–U+02FF but the soft hyphen,
/// U+1E00–U+1EFF: Vietnamese's among them), checked on its UTF-8 bytes. Nearly every unit name,
/// remedy and fact value is such text, and for it a caller can skip looking at each character:
/// validation knows it holds nothing hidden, a report knows it needs no escaping. "No" only means
/// "look closer", never "refuse".
public enum LatinText {
    /// ASCII characters that also send text down the caller's careful path: those a report's
    /// format gives a meaning (quotes, backslash, `<`, `>`, `&`).
    public struct Refusing: Sendable {
        /// What each byte is, looked up rather than worked out byte by byte: `simple`, `careful`
        /// (a control, DEL, a refused character, a byte no simple text has) or the lead byte of a
        /// letter (`latin1` for C2, `latin2` for C3–CB, `extended` for E1).
        fileprivate let classes: [UInt8]

        public init(_ characters: String) {
            var classes = [UInt8](repeating: careful, count: 256)
            for byte in 0x20...0x7E { classes[byte] = simple }
            for byte in characters.utf8 where byte < 0x80 { classes[Int(byte)] = careful }
            classes[0xC2] = latin1
            for byte in 0xC3...0xCB { classes[byte] = latin2 }
            classes[0xE1] = extended
            self.classes = classes
        }

        public static let nothing = Refusing("")
    }

    private static let simple: UInt8 = 0, careful: UInt8 = 1, latin1: UInt8 = 2, latin2: UInt8 = 3, extended: UInt8 = 4

    public static func isSimple(_ utf8: String.UTF8View, refusing special: Refusing = .nothing) -> Bool {
        // Native strings hand out their bytes: a pointer walk is several times faster than the iterator.
        if let answer = utf8.withContiguousStorageIfAvailable({ isSimple($0, refusing: special) }) { return answer }
        return Array(utf8).withUnsafeBufferPointer { isSimple($0, refusing: special) }
    }

    /// The same, on bytes already in one piece, read through a pointer with a table of classes:
    /// the reports ask this of every text they write.
    public static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>, refusing special: Refusing = .nothing) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        return special.classes.withUnsafeBufferPointer { classes in
            var i = 0
            while i < count {
                switch classes[Int(base[i])] {
                case simple:
                    i += 1
                case latin1:
                    // U+00A0–U+00BF, but not U+00AD (soft hyphen, an invisible format character); C1 controls are C2 80–9F.
                    guard i + 1 < count, base[i + 1] >= 0xA0, base[i + 1] != 0xAD else { return false }
                    i += 2
                case latin2:
                    // U+00C0–U+02FF: Latin-1 letters, Latin Extended-A and -B, IPA, spacing modifiers.
                    guard i + 1 < count else { return false }
                    i += 2
                case extended:
                    // U+1E00–U+1EFF, Latin Extended Additional: ạ, ế, ử, …
                    guard i + 2 < count, base[i + 1] >= 0xB8, base[i + 1] <= 0xBB else { return false }
                    i += 3
                default:
                    return false
                }
            }
            return true
        }
    }
}
