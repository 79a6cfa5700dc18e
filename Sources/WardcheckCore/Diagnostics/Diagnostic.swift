import YAMLTree

/// One problem found in one file: where, which code, what is wrong, and what to write instead.
public struct Diagnostic: Sendable {
    public var file: String
    public var start: Mark
    public var end: Mark?
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: Localized
    public var hint: Localized?
    /// The same problem said to someone who never opens the file (a ward official, the city
    /// office): in the schema's words, with no key path, code, line or raw value's syntax
    /// ("Tường lửa: «yes» không phải câu trả lời có hoặc không"). Nil when there is none yet:
    /// `people` falls back on the code's title.
    public var plain: Localized?
    /// The source line the diagnostic points into, attached once the file's text is at hand; a
    /// window of it around the place when the line is long (a one-line file of a megabyte is
    /// quoted in a few hundred characters, not once per diagnostic in full).
    public var sourceLine: String?
    /// The column the quoted `sourceLine` starts at: 1, or further right when its start was cut.
    public var sourceColumn = 1
    /// Whether the quoted line was cut before its end.
    public var sourceCutAtEnd = false

    public init(file: String, at start: Mark, end: Mark? = nil, code: DiagnosticCode, severity: Severity = .error,
                message: Localized, hint: Localized? = nil, plain: Localized? = nil) {
        self.file = file
        self.start = start
        self.end = end
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
        self.plain = plain
    }

    public var isError: Bool { severity == .error }

    /// What a person who never opens the file reads about this problem.
    public var people: Localized { plain ?? code.title }
}

/// Collects diagnostics for one file and attaches source lines to them at the end.
///
/// A file shows at most `shownPerFile` diagnostics, then one note "… and N more": a hostile file
/// of 100,000 unknown keys must not print 600,000 lines. The kinds that can repeat without bound
/// (unknown keys, duplicate keys, anchors, tags) are only counted once `isFull`, so such a file
/// costs a counter, not 100,000 messages; the others (a missing required field, a wrong value of
/// a known field) are bounded by the schema and always kept, so they are never crowded out.
public final class DiagnosticSink {
    public static let shownPerFile = 100
    /// How much of a long source line a diagnostic quotes: so many characters before its place, and after.
    public static let quotedBefore = 80
    public static let quotedAfter = 160

    /// The part of a line a diagnostic at `column` quotes, and the column that part starts at.
    static func window(_ line: Substring, around column: Int) -> (text: String, column: Int, cutAtEnd: Bool) {
        let scalars = line.unicodeScalars
        guard scalars.count > quotedBefore + quotedAfter else { return (String(line), 1, false) }
        let first = max(0, column - 1 - quotedBefore)
        let last = min(scalars.count, max(column - 1, 0) + quotedAfter)
        let start = scalars.index(scalars.startIndex, offsetBy: first)
        let end = scalars.index(scalars.startIndex, offsetBy: last)
        return (String(String.UnicodeScalarView(scalars[start..<end])), first + 1, last < scalars.count)
    }
    static let keptPerFile = 1_000

    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// Diagnostics counted but not kept, and whether one of them was an error.
    private var dropped = 0
    private var droppedError = false

    public init(file: String) { self.file = file }

    public func error(_ code: DiagnosticCode, at start: Mark, end: Mark? = nil, _ message: Localized, hint: Localized? = nil, plain: Localized? = nil) {
        append(Diagnostic(file: file, at: start, end: end, code: code, message: message, hint: hint, plain: plain))
    }

    public func warning(_ code: DiagnosticCode, at start: Mark, end: Mark? = nil, _ message: Localized, hint: Localized? = nil, plain: Localized? = nil) {
        append(Diagnostic(file: file, at: start, end: end, code: code, severity: .warning, message: message, hint: hint, plain: plain))
    }

    public func append(_ diagnostic: Diagnostic) {
        var d = diagnostic
        // A message may quote what the file says (up to a scalar's 8 KiB): never more than a few lines of it.
        d.message = d.message.map(Self.shortened)
        d.hint = d.hint.map { $0.map(Self.shortened) }
        d.plain = d.plain.map { $0.map(Self.shortened) }
        diagnostics.append(d)
    }

    /// The longest message, hint or plain sentence kept, in characters.
    public static let longestMessage = 400

    static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > longestMessage else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(longestMessage - 1))) + "…"
    }

    /// Enough are kept: a caller reporting a kind that can repeat without bound counts it instead.
    public var isFull: Bool { diagnostics.count >= Self.keptPerFile }

    /// One more diagnostic, counted only.
    public func count(error: Bool) {
        dropped += 1
        if error { droppedError = true }
    }

    /// Every diagnostic reported, kept or only counted.
    public var total: Int { diagnostics.count + dropped }

    public var hasErrors: Bool { droppedError || diagnostics.contains(where: \.isError) }

    /// Sorted by position, each with the line it points at; at most `shownPerFile` of them, and
    /// then a note saying how many more there are.
    public func finished(source: String) -> [Diagnostic] {
        // Most files in an audit have no diagnostics; only split the text when one needs quoting.
        guard !diagnostics.isEmpty else { return [] }
        let sorted = diagnostics.sorted { ($0.start, $0.code.rawValue) < ($1.start, $1.code.rawValue) }
        var shown = Array(sorted.prefix(Self.shownPerFile))
        let more = total - shown.count
        if more > 0 {
            // At the first one not shown (past those kept, only counted: after the last one kept).
            let at = shown.count < sorted.count ? sorted[shown.count].start : sorted.last?.start ?? .start
            shown.append(Diagnostic(file: file, at: at, code: .moreDiagnostics, severity: .note, message: Localized(
                vi: "… và \(NumberText.grouped(more, .vi)) vấn đề khác không hiển thị (tối đa \(Self.shownPerFile) mỗi tệp)",
                en: "… and \(NumberText.grouped(more, .en)) more not shown (at most \(Self.shownPerFile) per file)"),
                hint: Localized(vi: "sửa các lỗi trên rồi kiểm tra lại", en: "fix the errors above and check again")))
        }
        // Split on every line break libyaml counts: "\r\n" is one Character, never equal to "\n".
        let lines = source.isEmpty ? [] : source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return shown
            .map { diagnostic in
                var d = diagnostic
                let index = d.start.line - 1
                if index >= 0, index < lines.count {
                    var line = Substring(lines[index])
                    if line.hasSuffix("\r") { line.removeLast() }
                    let window = Self.window(line, around: d.start.column)
                    d.sourceLine = window.text
                    d.sourceColumn = window.column
                    d.sourceCutAtEnd = window.cutAtEnd
                }
                if d.code == .yamlSyntax, let hint = Indentation.hint(line: d.start.line, in: lines) { d.hint = hint }
                return d
            }
    }
}
