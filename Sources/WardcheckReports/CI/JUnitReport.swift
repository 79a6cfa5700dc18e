import WardcheckCore

/// `--format junit` for CI test views: one <testsuite> a file, one <testcase> a criterion.
/// Failed and not reported are <failure>s (type `failed` / `not_reported`), waived is <skipped>,
/// an invalid file is one testcase `validate` with an <error> carrying its diagnostics.
/// Counts are the scorecard's: failures = failed + not reported, skipped = waived.
public enum JUnitReport {
    /// `check --format junit`.
    public static func check(_ reports: [UnitReport], language: Language) -> String {
        document(name: checkName, parts: reports.map { part($0, language) })
    }

    /// The name of a `check` run, on the root element.
    public static let checkName = "wardcheck check"

    /// One file's <testsuite>, serialised where it sits under the root, and what it adds to the
    /// root's counts: a report of many files is written part by part (see `JUnitStream`).
    public struct Part: Sendable {
        public var text: String
        public var counts: Counts
    }

    /// `check`'s part for one unit.
    public static func part(_ report: UnitReport, _ language: Language) -> Part {
        part(suite(report, language))
    }

    /// `validate --format junit`: one testcase `validate` a file.
    public static func validate(_ files: [FactsFile], language: Language) -> String {
        document(name: "wardcheck validate", parts: files.map { file in
            part(file.isValid
                ? Suite(name: file.path, counts: Counts(tests: 1), properties: [],
                        cases: [.element("testcase", attributes: [("classname", file.path), ("name", "validate"), ("file", file.path)])],
                        output: diagnosticLines(file.diagnostics, language))
                : invalidSuite(file.path, file.diagnostics, language))
        })
    }

    /// The root's counts are the sums of its suites'.
    public struct Counts: Sendable, Equatable {
        public var tests = 0, failures = 0, errors = 0, skipped = 0

        public init(tests: Int = 0, failures: Int = 0, errors: Int = 0, skipped: Int = 0) {
            self.tests = tests
            self.failures = failures
            self.errors = errors
            self.skipped = skipped
        }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped)
        }

        var attributes: [(String, String)] {
            [("tests", String(tests)), ("failures", String(failures)), ("errors", String(errors)), ("skipped", String(skipped))]
        }
    }

    struct Suite {
        var name: String
        var counts: Counts
        var properties: [(String, String)]
        var cases: [XML]
        var output: String
    }

    private static func document(name: String, parts: [Part]) -> String {
        opening(name: name, total: parts.map(\.counts).reduce(Counts(), +), empty: parts.isEmpty)
            + parts.map(\.text).joined() + closing(empty: parts.isEmpty)
    }

    /// The declaration and the root's start tag, which carries the totals: it can only be
    /// written once every suite is counted. `empty`: there is no suite (the root closes itself).
    public static func opening(name: String, total: Counts, empty: Bool) -> String {
        XML.declaration + XML.startTag("testsuites", attributes: [("name", name)] + total.attributes, level: 0, empty: empty)
    }

    /// The root's end tag, after the last suite.
    public static func closing(empty: Bool) -> String {
        empty ? "" : XML.endTag("testsuites", level: 0)
    }

    private static func part(_ s: Suite) -> Part {
        var children: [XML] = []
        if !s.properties.isEmpty {
            children.append(.element("properties", children: s.properties.map {
                .element("property", attributes: [("name", $0.0), ("value", $0.1)])
            }))
        }
        children += s.cases
        if !s.output.isEmpty { children.append(.element("system-out", children: [.text(s.output)])) }
        let element = XML.element("testsuite", attributes: [("name", s.name)] + s.counts.attributes + [("file", s.name)], children: children)
        return Part(text: element.fragment(level: 1), counts: s.counts)
    }

    private static func suite(_ report: UnitReport, _ language: Language) -> Suite {
        guard let card = report.scorecard else { return invalidSuite(report.file, report.diagnostics, language) }
        let counts = Counts(tests: card.total, failures: card.count(.failed) + card.count(.notReported),
                            errors: 0, skipped: card.count(.waived))
        var properties: [(String, String)] = []
        if let code = card.code { properties.append(("unit_code", code)) }
        if let name = card.name { properties.append(("unit_name", name)) }
        if let asOf = card.asOf { properties.append(("facts_date", asOf.description)) }
        if let day = card.evaluatedOn { properties.append(("evaluated_on", day.description)) }
        properties.append(("score", "\(card.passed)/\(card.total)"))
        properties.append(("ready", card.ready ? "true" : "false"))
        properties.append(("total_cost", String(card.totalCost)))
        let cases = card.results.map { testcase($0, card: card, language) }
        return Suite(name: card.file, counts: counts, properties: properties, cases: cases,
                     output: diagnosticLines(report.diagnostics, language))
    }

    private static func testcase(_ r: CriterionResult, card: Scorecard, _ language: Language) -> XML {
        var attributes: [(String, String)] = [
            ("classname", card.code ?? card.file),
            ("name", r.id + " " + r.title.text(language)),
            ("file", card.file),
        ]
        guard let finding = Finding(criterion: r, file: card.file, language: language) else {
            return .element("testcase", attributes: attributes)
        }
        if let region = finding.region { attributes.append(("line", String(region.line))) }
        let body = finding.reasons.map { reason in
            reason.text + (reason.region.map { " (\(card.file):\($0.line):\($0.column))" } ?? "")
        } + finding.details
        let child: XML
        switch r.outcome {
        case .waived:
            child = .element("skipped", attributes: [("message", r.waiver.map { Finding.waiverText($0, language) } ?? finding.summary)],
                             children: [.text(body.joined(separator: "\n"))])
        default:
            child = .element("failure", attributes: [("message", finding.summary), ("type", r.outcome.rawValue)],
                             children: [.text(body.joined(separator: "\n"))])
        }
        return .element("testcase", attributes: attributes, children: [child])
    }

    private static func invalidSuite(_ file: String, _ diagnostics: [Diagnostic], _ language: Language) -> Suite {
        let errors = diagnostics.filter(\.isError).count
        let message = language == .vi
            ? "tệp không hợp lệ (\(errors) lỗi)"
            : "invalid file (\(errors) error\(errors == 1 ? "" : "s"))"
        let error = XML.element("error", attributes: [("message", message), ("type", "invalid")],
                                children: [.text(diagnosticLines(diagnostics, language))])
        return Suite(name: file, counts: Counts(tests: 1, errors: 1), properties: [],
                     cases: [.element("testcase", attributes: [("classname", file), ("name", "validate"), ("file", file)], children: [error])],
                     output: "")
    }

    /// `file:line:col: error[WC101]: message`, then the hint, one diagnostic after another.
    static func diagnosticLines(_ diagnostics: [Diagnostic], _ language: Language) -> String {
        diagnostics.map { d in
            var line = "\(d.file):\(d.start.line):\(d.start.column): \(d.severity.rawValue)[\(d.code.rawValue)]: " + d.message.text(language)
            if let hint = d.hint { line += "\n  = " + (language == .vi ? "gợi ý: " : "hint: ") + hint.text(language) }
            return line
        }.joined(separator: "\n")
    }
}
