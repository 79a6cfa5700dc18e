import WardcheckCore

/// Ward text in Markdown, for every report written as Markdown.
public enum Markdown {
    /// Ward text inside Markdown: line breaks flattened, characters that open emphasis, code, links
    /// or table cells backslash-escaped, and `<`, `>`, `&` written as entities so no HTML gets through.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in AuditLayout.plain(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "#":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
