import Foundation
import WardcheckCore

/// A form's answers as the person meant them (`AnswerReader`, in the language they typed in):
/// each field's value as the file will hold it, or the question to ask about it. An answer to a
/// question that does not apply (the capacity of a generator the unit said it does not have) is
/// not scored, as the page does not ask it.
struct FormAnswers: Sendable {
    var values: [String: FactValue] = [:]
    /// By field, what to ask the person, in words; the field counts as not reported meanwhile.
    var questions: [String: Localized] = [:]

    static func read(_ answers: [String: String], criteria: CriteriaSet, language: Language) -> FormAnswers {
        let reader = AnswerReader(schema: criteria.schema, language: language)
        var out = FormAnswers()
        for (path, text) in answers {
            switch reader.read(text, path: path) {
            case .empty: break
            case .value(let value): out.values[path] = value
            case .question(let question): out.questions[path] = question
            }
        }
        // The format version is the tool's business, not the office's: always the newest.
        if let version = criteria.schema.formats.last { out.values[criteria.schema.formatField] = .number(Decimal(version)) }
        out.dropNotApplicable(criteria.applicability)
        return out
    }

    /// Leaves out the answers whose question does not apply to what the unit said.
    mutating func dropNotApplicable(_ applicability: Applicability) {
        for (path, condition) in applicability.conditions {
            guard let given = values[condition.fact], !condition.values.contains(given.display) else { continue }
            values[path] = nil
            questions[path] = nil
        }
    }
}
