/// Most text needs no Unicode normalisation, and asking Foundation to do it anyway costs more
/// than reading the whole file: Vietnamese written in NFC uses only characters that are
/// composed already and never combine with a neighbour.
enum NFC {
    /// True when the UTF-8 text is certainly in NFC: every character lies in U+0000–U+02FF
    /// (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers) or U+1E00–U+1EFF (Latin
    /// Extended Additional: ạ, ế, ử, …). Each of them is NFC on its own (NFC_Quick_Check=Yes) and
    /// a starter (combining class 0), so no sequence of them changes under NFC. Anything else,
    /// a combining mark above all (U+0300…), is left to the full normalisation.
    static func isPlainlyComposed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let byte = utf8[i]
            if byte < 0x80 {
                i += 1
            } else if byte >= 0xC2, byte <= 0xCB {
                // Two bytes up to U+02FF; 0xCC starts U+0300, the combining marks.
                i += 2
            } else if byte == 0xE1, i + 1 < n, utf8[i + 1] >= 0xB8, utf8[i + 1] <= 0xBB {
                // E1 B8 80 … E1 BB BF: U+1E00 … U+1EFF.
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}
