import WardcheckCore
import WardcheckReports

/// Checks and scores one unit's facts text with the command line's own pipeline (`FactsFile`,
/// `Evaluator`) and answers in the shape the page reads: the scorecard as HTML and as `check`
/// prints it, the diagnostics each placed at its field, the outcomes and remedies as
/// `check --format json` gives them.
struct Assessment {
    let criteria: CriteriaSet
    let evaluator: Evaluator
    let language: Language

    struct Checked {
        var file: FactsFile
        var report: UnitReport
    }

    /// The name the text is checked under: the unit's own file name when its code is well formed.
    func fileName(code: String?) -> String {
        Self.fileName(code: code, schema: criteria.schema, language: language)
    }

    static func fileName(code: String?, schema: FactsSchema, language: Language) -> String {
        let code = code?.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if let code, case .code(let pattern, _)? = schema.field(schema.codeField)?.type,
           (try? Regex(pattern).wholeMatch(in: code)) != nil {
            return code + ".yaml"
        }
        return language == .vi ? "tu-danh-gia.yaml" : "self-assessment.yaml"
    }

    func check(_ text: String, file: String) -> Checked {
        check(bytes: Array(text.utf8), file: file)
    }

    func check(bytes: [UInt8], file: String) -> Checked {
        let loaded = FactsFile.load(bytes: bytes, path: file, validator: criteria.validator, checks: UnitReport.checks(evaluator))
        return Checked(file: loaded, report: UnitReport.check(loaded, evaluator: evaluator))
    }

    /// The answer to `/api/evaluate` and `/api/upload`; `answers` only when the form is to be filled from a file.
    func json(_ outcome: Checked, answers: [String: String]? = nil) -> JSON {
        let report = outcome.report
        let places = Answers(schema: criteria.schema)
        let card = report.scorecard
        let errors = report.diagnostics.filter(\.isError).count
        let summary: String
        if let card {
            summary = "\(card.passed)/\(card.total) " + (language == .vi ? "tiêu chí đạt — " : "criteria met — ")
                + (card.ready ? (language == .vi ? "ĐẠT" : "READY") : (language == .vi ? "CHƯA ĐẠT" : "NOT READY"))
        } else {
            summary = language == .vi ? "Chưa chấm được — \(errors) lỗi cần sửa" : "Not scored yet — \(errors) errors to fix"
        }
        let link: @Sendable (String) -> String = { "#" + AssessmentPage.fieldID($0) }
        var members: [(String, JSON)] = [
            ("schema", .string("wardcheck.assessment/1")),
            ("file", .string(report.file)),
            ("valid", .bool(report.isValid)),
            ("code", .optional(card?.code)),
            ("name", .optional(card?.name)),
            ("passed", card.map { .int($0.passed) } ?? .null),
            ("total", card.map { .int($0.total) } ?? .null),
            ("ready", card.map { .bool($0.ready) } ?? .null),
            ("total_cost", card.map { .int($0.totalCost) } ?? .null),
            ("summary", .string(summary)),
            // Each criterion's outcome and the remedies as `check --format json` gives them; the
            // full trace of every comparison stays out, as a phone on a weak signal pays for each byte.
            ("criteria", .array((card?.results ?? []).map { .object([("id", .string($0.id)), ("outcome", .string($0.outcome.rawValue))]) })),
            ("remedies", .array((card?.remedies ?? []).map { ScorecardJSON.remedy($0, language) })),
            ("diagnostics", .array(report.diagnostics.map { d in
                .object([
                    ("field", .string(places.field(at: d.start, in: outcome.file.tree))),
                    ("line", .int(d.start.line)),
                    ("column", .int(d.start.column)),
                    ("code", .string(d.code.rawValue)),
                    ("severity", .string(d.severity.rawValue)),
                    ("message", .string(d.message.text(language))),
                    ("hint", .optional(d.hint?.text(language))),
                ])
            })),
            ("scorecard_html", .string(ScorecardHTML(criteria: criteria, language: language, fieldLink: link).render(report))),
            ("check_text", .string(ScorecardText(catalogue: criteria.catalogue, language: language).render(report))),
        ]
        if let answers {
            members.append(("answers", .object(answers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(members)
    }
}
