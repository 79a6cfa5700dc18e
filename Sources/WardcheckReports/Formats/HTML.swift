import WardcheckCore

/// HTML text helpers. Ward files are written by many hands and are never trusted: every piece
/// of their text goes through `escape` before it reaches a page, in content and in attributes.
public enum HTML {
    /// Escapes the five characters that can end a text run or an attribute value: & < > " '.
    /// Hidden characters (controls, bidirectional overrides, zero-width ones) are shown as
    /// `\u{202E}`, so a name cannot display as another on the page; line breaks and tabs, which
    /// HTML shows as spaces, are kept.
    ///
    /// A space after a digit does not break ("25&#160;máy tính", "1.000.000&#160;₫", "8&#160;Mbps"):
    /// a number stays on the line of what it counts, and an amount never leaves "₫" alone on a line.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var afterDigit = false
        for ch in HiddenCharacters.escaped(text, keeping: ["\n", "\t"]).unicodeScalars {
            defer { afterDigit = ch.value >= 0x30 && ch.value <= 0x39 }
            switch ch {
            case " " where afterDigit: out += "&#160;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
