/// What checking one file produced: its diagnostics and, when it was valid, its scorecard.
public struct UnitReport: Sendable {
    public var file: String
    public var diagnostics: [Diagnostic]
    public var scorecard: Scorecard?
    /// The unit code, read even from an invalid file when its code field is well formed.
    public var code: String?

    public var isValid: Bool { scorecard != nil }

    /// A path that is not a file that can be read (see `FactsFile.unreadable`).
    public static func unreadable(_ file: FactsFile) -> UnitReport {
        UnitReport(file: file.path, diagnostics: file.diagnostics, scorecard: nil, code: nil)
    }

    /// Loads, validates and evaluates one facts file.
    public static func check(path: String, evaluator: Evaluator) -> UnitReport {
        check(FactsFile.load(path: path, validator: evaluator.criteria.validator, checks: checks(evaluator)), evaluator: evaluator)
    }

    /// The checks of a file that need the evaluation's day and roster.
    public static func checks(_ evaluator: Evaluator) -> FileChecks {
        FileChecks(today: evaluator.today, judgedOn: evaluator.asOf, roster: evaluator.roster)
    }

    /// Evaluates a file already loaded and validated (with `checks(evaluator)`).
    public static func check(_ loaded: FactsFile, evaluator: Evaluator) -> UnitReport {
        UnitReport(file: loaded.path, diagnostics: loaded.diagnostics, scorecard: loaded.facts.map(evaluator.scorecard(for:)), code: loaded.code)
    }
}
