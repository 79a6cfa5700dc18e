/// Characters that change what text looks like without being seen: controls (C0, DEL, C1: line
/// breaks, terminal escapes), format characters (bidirectional overrides and isolates such as
/// U+202E and U+2066–U+2069, zero-width space and joiners U+200B–U+200D, word joiner U+2060,
/// U+FEFF, soft hyphen) and the line and paragraph separators U+2028 and U+2029.
///
/// Ward files are written by anyone who can open a pull request, so a unit name holding one of
/// these could display as another unit's name, or forge lines in a CI log. Validation refuses them
/// in one-line text (`ScalarReading.line`); every renderer shows whatever still reaches it (a file
/// name, a key quoted in a diagnostic) as `\u{202E}`, never raw.
public enum HiddenCharacters {
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        // Looking a character's category up costs more than reading a ward file's line of it:
        // the ranges that hold all of ASCII and Vietnamese are answered without it.
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x1E00..<0x1F00: return false
        case 0..<0x20, 0x7F..<0xA0: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The text with each hidden character written as `\u{…}` (uppercase hex), except those kept.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard !isVisible(text.utf8), text.unicodeScalars.contains(where: { isHidden($0) && !kept.contains($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar), !kept.contains(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The first hidden character other than those allowed, with its 1-based place in the text
    /// counted in Unicode scalars (which, in NFC Vietnamese, are the letters a reader counts; a
    /// zero-width joiner is not folded into the letter before it).
    public static func first(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> (position: Int, scalar: Unicode.Scalar)? {
        if isVisible(text.utf8) { return nil }
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if isHidden(scalar), !allowed.contains(scalar) { return (position, scalar) }
        }
        return nil
    }

    /// True when the text certainly holds no hidden character; false only means "look closer".
    static func isVisible(_ utf8: String.UTF8View) -> Bool { LatinText.isSimple(utf8) }

    /// "U+202E RIGHT-TO-LEFT OVERRIDE", for a message that must name what it refused.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = scalar.properties.name ?? scalar.properties.nameAlias { return code + " " + name }
        return code
    }
}
