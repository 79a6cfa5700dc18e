/// HTML text helpers. Ward files are written by many hands and are never trusted: every piece
/// of their text goes through `escape` before it reaches a page, in content and in attributes.
public enum HTML {
    /// Escapes the five characters that can end a text run or an attribute value: & < > " '.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
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
