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

    /// What a report's summary and the exit code count of one unit, kept when the unit itself is not.
    public struct Tally: Sendable {
        public var valid = false
        public var ready = false
        public var cost = 0
        public var failed = 0
        public var notReported = 0
        public var notEvaluable = 0
        /// Not a finding the gate weighs, but the GitHub summary line counts it.
        public var waived = 0

        public init() {}

        /// The gate's findings over many units.
        public static func findings<S: Sequence>(_ tallies: S, adding earlier: Gate.Findings = Gate.Findings()) -> Gate.Findings where S.Element == Tally {
            var found = earlier
            for t in tallies {
                if !t.valid { found.invalidFiles += 1 }
                found.failed += t.failed
                found.notReported += t.notReported
                found.notEvaluable += t.notEvaluable
            }
            return found
        }
    }

    public var tally: Tally {
        var t = Tally()
        guard let card = scorecard else { return t }
        t.valid = true
        t.ready = card.ready
        t.cost = card.totalCost
        t.failed = card.count(.failed)
        t.notReported = card.count(.notReported)
        t.notEvaluable = card.count(.notEvaluable)
        t.waived = card.count(.waived)
        return t
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
