/// What a comparison needs of one audit: each unit's outcomes and cost, who was invalid or did not
/// submit, and the plan. Built from an audit run here or read back from an audit's JSON report,
/// so an audit saved last month compares with one run today.
///
/// Outcomes are kept as the words the audit wrote (`passed`, `failed`, …), not as `Outcome`: a
/// report written by another version may carry an outcome this one does not know. Only `passed`
/// counts as met, exactly as the audit counts N/16.
public struct AuditSnapshot: Sendable {
    public struct Criterion: Sendable, Equatable {
        public var id: String
        public var group: String
        public var title: Localized

        public init(id: String, group: String, title: Localized) {
            self.id = id
            self.group = group
            self.title = title
        }
    }

    public struct Unit: Sendable, Equatable {
        public var code: String
        public var name: String
        public var file: String
        public var passed: Int
        public var total: Int
        public var ready: Bool
        /// Criterion id → outcome word.
        public var outcomes: [String: String]
        public var cost: Int
        /// Facts older than the audit allowed; nil when the report does not say (written before stale facts were flagged).
        public var stale: Bool?

        public init(code: String, name: String, file: String, passed: Int, total: Int, ready: Bool, outcomes: [String: String], cost: Int,
                    stale: Bool? = nil) {
            self.code = code
            self.name = name
            self.file = file
            self.passed = passed
            self.total = total
            self.ready = ready
            self.outcomes = outcomes
            self.cost = cost
            self.stale = stale
        }
    }

    public struct Invalid: Sendable, Equatable {
        public var file: String
        public var code: String?

        public init(file: String, code: String?) {
            self.file = file
            self.code = code
        }
    }

    public struct Absent: Sendable, Equatable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct PlanLine: Sendable, Equatable {
        public var item: String
        public var name: Localized
        public var quantity: Int
        public var total: Int

        public init(item: String, name: Localized, quantity: Int, total: Int) {
            self.item = item
            self.name = name
            self.quantity = quantity
            self.total = total
        }
    }

    /// What was audited, as the user named it: a report file, a folder, a revision.
    public var source: String
    public var province: String?
    public var evaluatedOn: Day?
    public var rosterUnits: Int?
    public var files: Int
    public var criteria: [Criterion]
    public var units: [Unit]
    public var invalid: [Invalid]
    /// Roster units with no file; nil when the audit had no roster.
    public var notSubmitted: [Absent]?
    public var plan: [PlanLine]
    public var totalCost: Int
    /// What was audited as a report for people names it, where that differs from `source`: a
    /// revision's day written as people write it ("july:wards (1a2b3c4, 10/07/2025)").
    public var shownAs: Localized?
    /// The criteria the audit was made with; nil for a report written before audits recorded it.
    public var criteriaSet: CriteriaIdentity?

    public init(source: String, province: String?, evaluatedOn: Day?, rosterUnits: Int?, files: Int, criteria: [Criterion],
                units: [Unit], invalid: [Invalid], notSubmitted: [Absent]?, plan: [PlanLine], totalCost: Int,
                criteriaSet: CriteriaIdentity? = nil) {
        self.criteriaSet = criteriaSet
        self.source = source
        self.province = province
        self.evaluatedOn = evaluatedOn
        self.rosterUnits = rosterUnits
        self.files = files
        self.criteria = criteria
        self.units = units
        self.invalid = invalid
        self.notSubmitted = notSubmitted
        self.plan = plan
        self.totalCost = totalCost
    }

    /// The outcome word that counts as a criterion met.
    public static let met = Outcome.passed.rawValue

    public var ready: Int { units.filter(\.ready).count }

    /// Units with stale facts; nil when a unit's report does not say.
    public var stale: Int? {
        units.contains { $0.stale == nil } ? nil : units.filter { $0.stale == true }.count
    }

    public var meanPassed: Double {
        units.isEmpty ? 0 : Double(units.reduce(0) { $0 + $1.passed }) / Double(units.count)
    }

    /// Units meeting a criterion.
    public func passed(_ criterion: String) -> Int {
        units.filter { $0.outcomes[criterion] == Self.met }.count
    }

    /// The snapshot of an audit run in this process.
    public init(_ audit: Audit, source: String) {
        let criteria = audit.criteria.map { Criterion(id: $0.id, group: $0.group, title: $0.title) }
        self.init(
            source: source, province: audit.province, evaluatedOn: audit.evaluatedOn, rosterUnits: audit.rosterSize,
            files: audit.files, criteria: criteria,
            units: audit.rows.map { row in
                var outcomes: [String: String] = [:]
                for (criterion, outcome) in zip(criteria, row.outcomes) { outcomes[criterion.id] = outcome.rawValue }
                return Unit(code: row.code, name: row.name, file: row.file, passed: row.passed, total: audit.criteriaCount,
                            ready: row.ready, outcomes: outcomes, cost: row.cost, stale: row.stale)
            },
            invalid: audit.invalid.map { Invalid(file: $0.file, code: $0.code) },
            notSubmitted: audit.rosterSize == nil ? nil : audit.notSubmitted.map { Absent(code: $0.code, name: $0.name) },
            plan: audit.plan.map { PlanLine(item: $0.item, name: $0.name, quantity: $0.quantity, total: $0.total) },
            totalCost: audit.grandTotal, criteriaSet: audit.criteriaSet)
    }
}
