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
    /// The source line the diagnostic points into, attached once the file's text is at hand.
    public var sourceLine: String?

    public init(file: String, at start: Mark, end: Mark? = nil, code: DiagnosticCode, severity: Severity = .error,
                message: Localized, hint: Localized? = nil) {
        self.file = file
        self.start = start
        self.end = end
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public var isError: Bool { severity == .error }
}

/// Collects diagnostics for one file and attaches source lines to them at the end.
public final class DiagnosticSink {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public func error(_ code: DiagnosticCode, at start: Mark, end: Mark? = nil, _ message: Localized, hint: Localized? = nil) {
        diagnostics.append(Diagnostic(file: file, at: start, end: end, code: code, message: message, hint: hint))
    }

    public func warning(_ code: DiagnosticCode, at start: Mark, end: Mark? = nil, _ message: Localized, hint: Localized? = nil) {
        diagnostics.append(Diagnostic(file: file, at: start, end: end, code: code, severity: .warning, message: message, hint: hint))
    }

    public func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// Sorted by position, each with the line it points at.
    public func finished(source: String) -> [Diagnostic] {
        // Most files in an audit have no diagnostics; only split the text when one needs quoting.
        guard !diagnostics.isEmpty else { return [] }
        // Split on every line break libyaml counts: "\r\n" is one Character, never equal to "\n".
        let lines = source.isEmpty ? [] : source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return diagnostics
            .sorted { ($0.start, $0.code.rawValue) < ($1.start, $1.code.rawValue) }
            .map { diagnostic in
                var d = diagnostic
                let index = d.start.line - 1
                if index >= 0, index < lines.count {
                    var line = String(lines[index])
                    if line.hasSuffix("\r") { line.removeLast() }
                    d.sourceLine = line
                }
                if d.code == .yamlSyntax, let hint = Indentation.hint(line: d.start.line, in: lines) { d.hint = hint }
                return d
            }
    }
}
