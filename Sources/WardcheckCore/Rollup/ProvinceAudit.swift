import Foundation

/// One province's (or city's) audit reduced to what a national roll-up adds up: the audit's
/// summary figures, how many units met each criterion, the codes it accounts for, the plan by
/// item and party, and what it cost each party. Built from an audit run here (a folder audited
/// on the spot) or read back from an audit's JSON report (`AuditReportReader.province`).
public struct ProvinceAudit: Sendable {
    /// The members of the audit's JSON `summary`, as figures that can be added up.
    public struct Summary: Sendable, Equatable {
        public var rosterUnits: Int?
        public var files = 0
        public var valid = 0
        public var invalid = 0
        public var notSubmitted: Int?
        public var ready = 0
        public var stale = 0
        public var notEvaluable = 0
        public var notReady = 0
        public var incomplete = 0
        public var withWaivers = 0
        public var criteria = 0
        /// Criteria met, summed over the units evaluated: the weighted mean's numerator.
        public var passedTotal = 0
        public var auditErrors = 0
        public var unitsInvalid = 0
        public var unitsDuplicated = 0
        public var filesOutsideRoster: Int?
        public var totalCost = 0

        public init() {}

        /// Mean criteria met per unit evaluated.
        public var meanPassed: Double { valid == 0 ? 0 : Double(passedTotal) / Double(valid) }
    }

    /// One item bought by one party, as the audit's plan lists it.
    public struct PlanLine: Sendable, Equatable {
        public var item: String
        public var name: Localized
        public var role: String
        public var who: Localized
        public var unitCost: Int
        public var quantity: Int
        public var units: Int
        public var total: Int

        public init(item: String, name: Localized, role: String, who: Localized, unitCost: Int, quantity: Int, units: Int, total: Int) {
            (self.item, self.name, self.role, self.who) = (item, name, role, who)
            (self.unitCost, self.quantity, self.units, self.total) = (unitCost, quantity, units, total)
        }
    }

    /// What falls to one responsible party: units with something to do, and what it buys.
    public struct Party: Sendable, Equatable {
        public var role: String
        public var who: Localized
        public var units: Int
        public var total: Int

        public init(role: String, who: Localized, units: Int, total: Int) {
            (self.role, self.who, self.units, self.total) = (role, who, units, total)
        }
    }

    /// What was rolled up, as the user named it: a report file or a folder.
    public var source: String
    /// The audit's province (from its roster), else the file or folder name.
    public var province: String
    public var evaluatedOn: Day?
    /// nil for a report written before audits recorded their criteria.
    public var criteriaSet: CriteriaIdentity?
    public var criteria: [AuditSnapshot.Criterion]
    public var groups: [(key: String, label: Localized)]
    public var summary: Summary
    /// Criterion id → units evaluated that met it.
    public var passed: [String: Int]
    /// Every unit code the audit accounts for: evaluated, sent an invalid file, or not submitted.
    public var codes: [String]
    public var plan: [PlanLine]
    public var parties: [Party]

    public init(source: String, province: String, evaluatedOn: Day?, criteriaSet: CriteriaIdentity?, criteria: [AuditSnapshot.Criterion],
                groups: [(key: String, label: Localized)], summary: Summary, passed: [String: Int], codes: [String],
                plan: [PlanLine], parties: [Party]) {
        (self.source, self.province, self.evaluatedOn, self.criteriaSet) = (source, province, evaluatedOn, criteriaSet)
        (self.criteria, self.groups, self.summary, self.passed) = (criteria, groups, summary, passed)
        (self.codes, self.plan, self.parties) = (codes, plan, parties)
    }

    /// The name a roll-up gives an audit without a province: its file's name without `.json`,
    /// or its folder's name.
    public static func name(of source: String) -> String {
        let last = (source.hasSuffix("/") ? String(source.dropLast()) : source) as NSString
        let name = last.lastPathComponent as NSString
        return name.pathExtension.lowercased() == "json" ? name.deletingPathExtension : name as String
    }

    /// A folder audited in this process: the same figures its JSON report would carry.
    public init(_ audit: Audit, source: String) {
        var s = Summary()
        s.rosterUnits = audit.rosterSize
        s.files = audit.files
        s.valid = audit.valid
        s.invalid = audit.invalid.count
        s.notSubmitted = audit.rosterSize == nil ? nil : audit.notSubmitted.count
        s.ready = audit.ready
        s.stale = audit.stale
        s.notEvaluable = audit.tallies.reduce(0) { $0 + $1.notEvaluable }
        s.notReady = audit.valid - audit.ready
        s.incomplete = audit.incomplete
        s.withWaivers = audit.withWaivers
        s.criteria = audit.criteriaCount
        s.passedTotal = audit.rows.reduce(0) { $0 + $1.passed }
        s.auditErrors = audit.diagnostics.filter(\.isError).count
        s.unitsInvalid = audit.accounting.invalid
        s.unitsDuplicated = audit.accounting.duplicated
        s.filesOutsideRoster = audit.rosterSize == nil ? nil : audit.accounting.outside
        s.totalCost = audit.grandTotal
        var codes = audit.rows.map(\.code) + audit.invalid.compactMap(\.code) + audit.notSubmitted.map(\.code)
        codes += audit.duplicates.map(\.code)
        self.init(
            source: source, province: audit.province ?? Self.name(of: source), evaluatedOn: audit.evaluatedOn,
            criteriaSet: audit.criteriaSet,
            criteria: audit.criteria.map { AuditSnapshot.Criterion(id: $0.id, group: $0.group, title: $0.title) },
            groups: audit.groups, summary: s,
            passed: Dictionary(uniqueKeysWithValues: audit.tallies.map { ($0.id, $0.passed) }),
            codes: Array(Set(codes)).sorted(),
            plan: audit.plan.map { PlanLine(item: $0.item, name: $0.name, role: $0.role, who: $0.who, unitCost: $0.unitCost,
                                            quantity: $0.quantity, units: $0.units, total: $0.total) },
            parties: audit.parties.map { Party(role: $0.role, who: $0.who, units: $0.units, total: $0.total) })
    }
}
