import WardcheckCore

/// Renders diagnostics the way rustc does: `file:line:col: error[CODE]: message`, a hint, and
/// the source line with a caret under the place.
public enum DiagnosticText {
    public static func render(_ diagnostic: Diagnostic, language: Language, colour: Bool = false) -> String {
        var d = diagnostic
        // A diagnostic may quote what the file says; never let it drive the terminal.
        d.message = d.message.map(Terminal.safe)
        d.hint = d.hint.map { $0.map(Terminal.safe) }
        d.file = Terminal.safe(d.file)
        let original = d.sourceLine ?? ""
        d.sourceLine = d.sourceLine.map { HiddenCharacters.escaped($0, keeping: ["\t"]) }
        // The severity word stays English in both languages: CI tools and editors match on it.
        let severity = d.severity.rawValue
        let paint = Painter(enabled: colour)
        var out = "\(d.file):\(d.start.line):\(d.start.column): "
            + paint(d.severity == .error ? .red : .yellow, "\(severity)[\(d.code.rawValue)]")
            + ": " + d.message.text(language) + "\n"
        if var line = d.sourceLine {
            let number = String(d.start.line)
            let gutter = String(repeating: " ", count: number.count)
            // A long line is quoted around the place only, each cut marked with "…".
            let cutBefore = d.sourceColumn > 1
            if cutBefore { line = "…" + line }
            if d.sourceCutAtEnd { line += "…" }
            // Under the original characters, so the caret stays under its place when some are shown escaped.
            let prefix = (cutBefore ? " " : "") + original.unicodeScalars.prefix(max(0, d.start.column - d.sourceColumn)).map { scalar in
                scalar == "\t" ? "\t" : String(repeating: " ", count: HiddenCharacters.escaped(String(scalar)).unicodeScalars.count)
            }.joined()
            var width = 1
            if let end = d.end, end.line == d.start.line, end.column > d.start.column {
                width = end.column - d.start.column
            }
            out += "\(gutter) |\n\(number) | \(line)\n\(gutter) | \(prefix)" + paint(.red, String(repeating: "^", count: width)) + "\n"
        }
        if let hint = d.hint {
            out += "  = " + paint(.cyan, language == .vi ? "gợi ý" : "hint") + ": " + hint.text(language) + "\n"
        }
        return out
    }
}

/// Makes ward text safe to print on one line: controls (line breaks, tabs, terminal escapes),
/// bidirectional overrides and zero-width characters are shown as `\u{202E}`, never sent.
enum Terminal {
    static func safe(_ text: String) -> String {
        HiddenCharacters.escaped(text)
    }
}

/// ANSI colour, only when writing to a terminal.
struct Painter {
    enum Colour: String {
        case red = "31", green = "32", yellow = "33", magenta = "35", cyan = "36", bold = "1", dim = "2"
    }

    let enabled: Bool

    func callAsFunction(_ colour: Colour, _ text: String) -> String {
        enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
