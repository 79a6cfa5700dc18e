import Foundation

/// CSV for spreadsheets (RFC 4180, CRLF line ends), hardened for text nobody vetted.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel
/// and LibreOffice, so such a cell is prefixed with a single quote (OWASP "CSV injection"). That
/// applies to every cell, numbers included: the rule must not depend on which column is hostile.
public enum CSV {
    /// The UTF-8 byte order mark. Without it Excel reads the file as the local code page and
    /// Vietnamese comes out garbled.
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"

    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as it must be written: neutralised, then quoted when it holds a comma, a quote or a line break.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaStarts.contains(Character(first)) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, CRLF-terminated.
    public static func row(_ values: [String]) -> String {
        values.map(cell).joined(separator: ",") + lineEnd
    }
}
