import WardcheckCore
import WardcheckReports

/// Scores a form with the command line's own pipeline: the answers are written into the `init`
/// template in YAML's forms (1.5, 1000, 2026-12-04), checked as `validate` checks a file, and
/// judged by the `Evaluator`. What the page scores is exactly the file it downloads.
///
/// A form is scored before it is complete: a required field left out is counted, not an error,
/// and an answer the file cannot hold (more officials trained than there are, a date after the
/// facts date, a type the roster contradicts) is set aside as a question at its field, so the
/// rest of the scorecard still shows.
struct FormScoring {
    let criteria: CriteriaSet
    let evaluator: Evaluator

    struct Scored {
        /// The answers scored, and the questions asked, after setting aside what the file cannot hold.
        var answers: FormAnswers
        /// The facts file the page downloads.
        var text: String
        var fileName: String
        /// The unit as the page scores it (required fields left out are notes).
        var report: UnitReport
        /// What `wardcheck check` says of the downloaded file.
        var strict: UnitReport
        /// Required fields with no answer (nor a value from the roster).
        var requiredMissing: [String]
    }

    private var schema: FactsSchema { criteria.schema }

    func score(_ answers: FormAnswers, language: Language) -> Scored {
        var current = answers
        var text = ""
        var name = ""
        var file: FactsFile?
        // Each round sets at least one answer aside, so this ends within as many rounds as answers.
        for _ in 0...current.values.count {
            name = Assessment.fileName(code: current.values[schema.codeField]?.display, schema: schema, language: language)
            text = FactsTemplate(schema: schema).render(current.values, language: language)
            let loaded = FactsFile.load(text: text, path: name, validator: criteria.validator, checks: UnitReport.checks(evaluator), inProgress: true)
            file = loaded
            let places = Answers(schema: schema)
            var setAside = false
            for d in loaded.diagnostics where d.isError {
                let field = places.field(at: d.start, in: loaded.tree)
                guard current.values[field] != nil else { continue }
                current.values[field] = nil
                current.questions[field] = current.questions[field] ?? d.people
                setAside = true
            }
            if !setAside { break }
        }
        let loaded = file!
        let report = UnitReport.check(loaded, evaluator: evaluator)
        // Complete, the file is checked the same either way: `validate`'s view is the page's own.
        let complete = !loaded.diagnostics.contains { $0.code == .missingRequired }
        let strict = complete ? report
            : UnitReport.check(FactsFile.load(text: text, path: name, validator: criteria.validator, checks: UnitReport.checks(evaluator)), evaluator: evaluator)
        let supplied = loaded.facts?.supplied ?? []
        let missing = schema.fields.filter { $0.required && $0.type != .block && $0.path != schema.formatField
            && current.values[$0.path] == nil && !supplied.contains($0.path) }.map(\.path)
        return Scored(answers: current, text: text, fileName: name, report: report, strict: strict, requiredMissing: missing)
    }
}
