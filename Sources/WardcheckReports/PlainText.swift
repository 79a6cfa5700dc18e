/// Text that every escaper in the reports writes as it is: printable ASCII other than the
/// characters a format gives a meaning (quotes, backslash, `<`, `&`, `>`, `'`), and the letters
/// of Latin-1 and Latin Extended, Vietnamese's among them. Checking this first lets a report copy
/// a unit's name or a remedy's text in one go instead of looking at every character, which was
/// a third of the time spent writing a report. Anything else takes the escaper's careful path.
enum PlainText {
    static func isPlain(_ utf8: String.UTF8View) -> Bool {
        // Native strings hand out their bytes: a pointer walk is several times faster than the iterator.
        if let answer = utf8.withContiguousStorageIfAvailable({ isPlain(bytes: $0) }) { return answer }
        return isPlain(bytes: Array(utf8))
    }

    private static func isPlain<Bytes: Sequence>(bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x20...0x7E:
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"): return false
                default: continue
                }
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
