/// The audit replayed over time: one reading per period, each a handful of figures. A reading
/// keeps no unit, file or remedy, so a history of many revisions costs no more than its figures.
public struct History: Sendable {
    /// What an audit at one moment comes to.
    public struct Figures: Sendable, Equatable {
        public var files: Int
        /// Units evaluated (valid files, less duplicated codes and codes not in the roster).
        public var valid: Int
        public var invalid: Int
        /// Error-severity audit findings: a code not in the roster, a code in several files.
        public var auditErrors: Int
        /// Roster units with no file; nil when there was no roster.
        public var notSubmitted: Int?
        public var ready: Int
        /// Units whose facts are older than the audit allows on the judging day.
        public var stale: Int
        public var meanPassed: Double
        public var totalCost: Int
        /// Units meeting each criterion, by criterion id.
        public var passed: [String: Int]

        public init(files: Int, valid: Int, invalid: Int, auditErrors: Int, notSubmitted: Int?, ready: Int, stale: Int,
                    meanPassed: Double, totalCost: Int, passed: [String: Int]) {
            self.files = files
            self.valid = valid
            self.invalid = invalid
            self.auditErrors = auditErrors
            self.notSubmitted = notSubmitted
            self.ready = ready
            self.stale = stale
            self.meanPassed = meanPassed
            self.totalCost = totalCost
            self.passed = passed
        }

        /// Reduces an audit to its figures; the audit itself can then be dropped.
        public init(_ audit: Audit) {
            self.init(files: audit.files, valid: audit.valid, invalid: audit.invalid.count,
                      auditErrors: audit.diagnostics.filter(\.isError).count,
                      notSubmitted: audit.rosterSize == nil ? nil : audit.notSubmitted.count,
                      ready: audit.ready, stale: audit.stale, meanPassed: audit.meanPassed, totalCost: audit.grandTotal,
                      passed: Dictionary(audit.tallies.map { ($0.id, $0.passed) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// What the reading at one period end found.
    public enum Reading: Sendable, Equatable {
        /// The folder was audited.
        case audited(Figures)
        /// The folder did not exist at that revision (not yet created, or removed).
        case absent
        /// The revision could not be audited (its roster or waivers file does not load); the reason says why.
        case failed(Localized)
    }

    public struct Point: Sendable, Equatable {
        /// The period's name ("2025-07") and its last day.
        public var period: String
        public var end: Day
        /// The day the reading was judged on: the period's end (today for the period under way), or `--as-of`.
        public var judgedOn: Day
        /// The last main-line commit at or before `end` that changed the folder.
        public var commit: WardsRepository.Commit
        public var reading: Reading

        public init(period: String, end: Day, judgedOn: Day, commit: WardsRepository.Commit, reading: Reading) {
            self.period = period
            self.end = end
            self.judgedOn = judgedOn
            self.commit = commit
            self.reading = reading
        }

        public var figures: Figures? {
            if case .audited(let figures) = reading { return figures }
            return nil
        }
    }

    /// The criteria the readings were judged by, in id order.
    public var criteria: [(id: String, group: String, title: Localized)]
    /// The wards folder, as the user named it.
    public var path: String
    public var every: Period
    /// The `--as-of` day every reading was judged on; nil: each on its period's last day.
    public var evaluatedOn: Day?
    public var points: [Point]
    /// The day the history was read on (today); nil when not known.
    public var readOn: Day?
    /// The criteria set every reading was judged by (today's), as every audit records it.
    public var criteriaSet: CriteriaIdentity?

    public init(criteria: [(id: String, group: String, title: Localized)], path: String, every: Period, evaluatedOn: Day?, points: [Point],
                readOn: Day? = nil, criteriaSet: CriteriaIdentity? = nil) {
        self.criteria = criteria
        self.criteriaSet = criteriaSet
        self.path = path
        self.every = every
        self.evaluatedOn = evaluatedOn
        self.points = points
        self.readOn = readOn
    }

    public var criteriaCount: Int { criteria.count }

    /// Whether the last period was still under way: its period holds the day the history was
    /// read on, or the `--as-of` day every reading was judged on. Its reading then covers part of
    /// the period (the commits so far, judged before the period's end), so a lower figure there
    /// is not yet a fall, and reports say so.
    public var lastIsUnderWay: Bool {
        guard let last = points.last else { return false }
        return [readOn, evaluatedOn].contains { day in day.map { every.end(containing: $0) == last.end } ?? false }
    }
}

/// Picks, for each period end, the commit whose state counts: the newest on the main line at or
/// before that day. `commits` is newest first, as `git log` gives it; commit days need not be in order.
public enum HistoryPlan {
    public static func readings(every period: Period, commits: [WardsRepository.Commit], since: Day?, until: Day)
        -> [(period: String, end: Day, commit: WardsRepository.Commit)] {
        guard let earliest = commits.map(\.day).min() else { return [] }
        let first = max(since ?? earliest, earliest)
        var out: [(period: String, end: Day, commit: WardsRepository.Commit)] = []
        for end in period.ends(from: first, through: until) {
            guard let commit = commits.first(where: { $0.day <= end }) else { continue }
            out.append((period.label(end), end, commit))
        }
        return out
    }
}
