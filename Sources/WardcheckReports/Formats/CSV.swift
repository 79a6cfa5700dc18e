import Foundation
import WardcheckCore

/// CSV for spreadsheets (RFC 4180 quoting, CRLF line ends), hardened for text nobody vetted.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel
/// and LibreOffice, so such a cell is prefixed with a single quote (OWASP "CSV injection"). That
/// applies to every cell, numbers included: the rule must not depend on which column is hostile.
///
/// The separator follows the reader's Excel: Vietnamese Windows uses `,` as the decimal mark and
/// so `;` as the list separator, and opens a comma-separated file as one column; English Excel
/// wants `,`. A `sep=;` first line would also tell Excel, but Excel then ignores the byte-order
/// mark and garbles the Vietnamese, so the separator is chosen instead (`--csv-separator`).
public enum CSV {
    /// The UTF-8 byte order mark. Without it Excel reads the file as the local code page and
    /// Vietnamese comes out garbled.
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"

    public enum Separator: String, Sendable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab = "tab"

        public var character: String { self == .tab ? "\t" : rawValue }

        /// What the language's Excel expects: `;` where the decimal mark is a comma (Vietnamese).
        public static func `default`(for language: Language) -> Separator { language == .vi ? .semicolon : .comma }

        /// The decimal mark that goes with the separator: Excel reads "13,4" where `;` separates.
        public var decimalLanguage: Language { self == .comma ? .en : .vi }
    }

    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as it must be written: neutralised, then quoted when it holds the separator, a quote or a line break.
    public static func cell(_ value: String, separator: Separator = .comma) -> String {
        // Line breaks and tabs are CSV's to quote and neutralise (RFC 4180, below); any other hidden
        // character (a bidirectional override, a zero-width one, a terminal escape) is shown as
        // `\u{202E}` in the sheet, never obeyed.
        var text = HiddenCharacters.escaped(value, keeping: ["\n", "\r", "\t"])
        if let first = text.unicodeScalars.first, formulaStarts.contains(Character(first)) {
            text = "'" + text
        }
        // Both usual separators are quoted whichever is used, so a reader that guesses wrong still splits right.
        let mark = separator.character.unicodeScalars.first!
        let needsQuotes = text.unicodeScalars.contains { $0 == mark || $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, CRLF-terminated.
    public static func row(_ values: [String], separator: Separator = .comma) -> String {
        values.map { cell($0, separator: separator) }.joined(separator: separator.character) + lineEnd
    }
}
