/// Two audits compared, for the month-on-month report upward: who became ready and who stopped
/// being ready, which criteria each unit gained or lost, who came in or dropped out of the audit,
/// and what the remaining plan costs now against then.
///
/// Units are matched by code, so a file renamed or moved between the two audits is the same unit.
/// Gains and losses are counted over units evaluated in both audits; the pass counts then and now
/// cover every unit each audit evaluated, so they also move with units that came in or dropped out.
public struct AuditDiff: Sendable {
    /// The headline figures of one side.
    public struct Side: Sendable {
        public var source: String
        public var province: String?
        public var evaluatedOn: Day?
        public var files: Int
        public var valid: Int
        public var invalid: Int
        public var notSubmitted: Int?
        public var ready: Int
        /// Units with stale facts; nil when the report does not say.
        public var stale: Int?
        public var meanPassed: Double
        public var totalCost: Int
        public var criteria: Int
        /// The source as a report for people names it (`AuditSnapshot.shownAs`, else `source`).
        public var shownAs: Localized
        /// The criteria the side was judged by; nil for a report that does not record it.
        public var criteriaSet: CriteriaIdentity?

        init(_ s: AuditSnapshot) {
            source = s.source
            shownAs = s.shownAs ?? Localized(s.source)
            province = s.province
            evaluatedOn = s.evaluatedOn
            files = s.files
            valid = s.units.count
            invalid = s.invalid.count
            notSubmitted = s.notSubmitted?.count
            ready = s.ready
            stale = s.stale
            meanPassed = s.meanPassed
            totalCost = s.totalCost
            criteria = s.criteria.count
            criteriaSet = s.criteriaSet
        }
    }

    /// One criterion of one unit whose outcome changed; nil where the audit had no such criterion.
    public struct Transition: Sendable, Equatable {
        public var criterion: String
        public var before: String?
        public var after: String?

        public init(criterion: String, before: String?, after: String?) {
            self.criterion = criterion
            self.before = before
            self.after = after
        }
    }

    /// A unit evaluated in both audits whose outcomes or cost changed.
    public struct UnitChange: Sendable {
        public var code: String
        public var name: String
        public var passedBefore: Int
        public var passedAfter: Int
        public var totalBefore: Int
        public var totalAfter: Int
        public var readyBefore: Bool
        public var readyAfter: Bool
        public var costBefore: Int
        public var costAfter: Int
        public var transitions: [Transition]

        /// Criteria now met that were not.
        public var gained: [String] { transitions.filter { $0.after == AuditSnapshot.met && $0.before != AuditSnapshot.met }.map(\.criterion) }
        /// Criteria met then and not now.
        public var lost: [String] { transitions.filter { $0.before == AuditSnapshot.met && $0.after != AuditSnapshot.met }.map(\.criterion) }
    }

    /// Where a unit stood in one audit.
    public enum Presence: String, Sendable {
        case evaluated
        case invalid
        case notSubmitted = "not_submitted"
        /// Not mentioned at all: no file, and not in that audit's roster (or there was none).
        case absent

        public var label: Localized {
            switch self {
            case .evaluated: return Localized(vi: "được đánh giá", en: "evaluated")
            case .invalid: return Localized(vi: "tệp không hợp lệ", en: "invalid file")
            case .notSubmitted: return Localized(vi: "chưa nộp", en: "not submitted")
            case .absent: return Localized(vi: "không có", en: "absent")
            }
        }
    }

    /// A unit whose presence changed: newly evaluated, dropped out, submitted at last, …
    public struct Movement: Sendable {
        public var code: String
        public var name: String
        public var before: Presence
        public var after: Presence
        /// Criteria met, where the unit was evaluated.
        public var passedBefore: Int?
        public var passedAfter: Int?
        public var costBefore: Int?
        public var costAfter: Int?
        public var readyBefore: Bool
        public var readyAfter: Bool
    }

    public struct CriterionChange: Sendable {
        public var id: String
        public var group: String
        public var title: Localized
        /// Units meeting it; nil when that audit had no such criterion.
        public var passedBefore: Int?
        public var passedAfter: Int?
        /// Unit codes, for units evaluated in both audits.
        public var gained: [String]
        public var lost: [String]

        public var change: Int? {
            guard let passedBefore, let passedAfter else { return nil }
            return passedAfter - passedBefore
        }
    }

    public struct PlanChange: Sendable {
        public var item: String
        public var name: Localized
        public var quantityBefore: Int
        public var quantityAfter: Int
        public var totalBefore: Int
        public var totalAfter: Int

        public var change: Int { totalAfter - totalBefore }
    }

    public var old: Side
    public var new: Side
    /// Units evaluated in both whose outcomes or cost changed, by code.
    public var units: [UnitChange]
    public var movements: [Movement]
    public var criteria: [CriterionChange]
    public var plan: [PlanChange]

    /// A unit that is ready now and was not, or the reverse. It may have changed outcomes (then
    /// `criteria` lists the criteria gained or lost), or come into or dropped out of the audit (a
    /// first file already at 16/16, a ready unit whose file became invalid): the ready count moves
    /// with both, and the report upward asks for both.
    public struct ReadyChange: Sendable {
        public var code: String
        public var name: String
        public var before: Presence
        public var after: Presence
        public var passedBefore: Int?
        public var passedAfter: Int?
        public var totalBefore: Int
        public var totalAfter: Int
        public var criteria: [String]
    }

    public var becameReady: [ReadyChange] {
        readyChanges(units.filter { !$0.readyBefore && $0.readyAfter }, \.gained, movements.filter { $0.after == .evaluated && $0.readyAfter })
    }

    public var stoppedReady: [ReadyChange] {
        readyChanges(units.filter { $0.readyBefore && !$0.readyAfter }, \.lost, movements.filter { $0.before == .evaluated && $0.readyBefore })
    }

    private func readyChanges(_ changed: [UnitChange], _ criteria: KeyPath<UnitChange, [String]>, _ moved: [Movement]) -> [ReadyChange] {
        let fromUnits = changed.map { u in
            ReadyChange(code: u.code, name: u.name, before: .evaluated, after: .evaluated, passedBefore: u.passedBefore, passedAfter: u.passedAfter,
                        totalBefore: u.totalBefore, totalAfter: u.totalAfter, criteria: u[keyPath: criteria])
        }
        let fromMoves = moved.map { m in
            ReadyChange(code: m.code, name: m.name, before: m.before, after: m.after, passedBefore: m.passedBefore, passedAfter: m.passedAfter,
                        totalBefore: old.criteria, totalAfter: new.criteria, criteria: [])
        }
        return (fromUnits + fromMoves).sorted { $0.code < $1.code }
    }
    /// Units newly evaluated, and units evaluated before but not now.
    public var arrived: [Movement] { movements.filter { $0.after == .evaluated } }
    public var departed: [Movement] { movements.filter { $0.before == .evaluated } }
    /// Other changes of presence: a unit that submitted an invalid file, one whose file disappeared, …
    public var otherMovements: [Movement] { movements.filter { $0.before != .evaluated && $0.after != .evaluated } }
    /// Criteria lost by units evaluated in both audits: what `--fail-on-regression` counts.
    public var losses: Int { units.reduce(0) { $0 + $1.lost.count } }
    public var costChange: Int { new.totalCost - old.totalCost }

    public init(old: AuditSnapshot, new: AuditSnapshot) {
        self.old = Side(old)
        self.new = Side(new)

        var ids = new.criteria.map(\.id)
        for c in old.criteria where !ids.contains(c.id) { ids.append(c.id) }
        let oldUnits = Self.byCode(old.units)
        let newUnits = Self.byCode(new.units)

        var units: [UnitChange] = []
        for (code, after) in newUnits.sorted(by: { $0.key < $1.key }) {
            guard let before = oldUnits[code] else { continue }
            let transitions = ids.compactMap { id -> Transition? in
                let b = before.outcomes[id]
                let a = after.outcomes[id]
                return a == b ? nil : Transition(criterion: id, before: b, after: a)
            }
            guard !transitions.isEmpty || before.cost != after.cost || before.ready != after.ready else { continue }
            units.append(UnitChange(code: code, name: after.name, passedBefore: before.passed, passedAfter: after.passed,
                                    totalBefore: before.total, totalAfter: after.total, readyBefore: before.ready, readyAfter: after.ready,
                                    costBefore: before.cost, costAfter: after.cost, transitions: transitions))
        }
        self.units = units

        self.movements = Self.movements(old, new, oldUnits, newUnits)

        let oldCriteria = Dictionary(old.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newCriteria = Dictionary(new.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        criteria = ids.map { id in
            let described = newCriteria[id] ?? oldCriteria[id]!
            return CriterionChange(id: id, group: described.group, title: described.title,
                                   passedBefore: oldCriteria[id] == nil ? nil : old.passed(id),
                                   passedAfter: newCriteria[id] == nil ? nil : new.passed(id),
                                   gained: units.filter { $0.gained.contains(id) }.map(\.code),
                                   lost: units.filter { $0.lost.contains(id) }.map(\.code))
        }

        var items = new.plan.map(\.item)
        for line in old.plan where !items.contains(line.item) { items.append(line.item) }
        let oldPlan = Dictionary(old.plan.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        let newPlan = Dictionary(new.plan.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
        plan = items.map { item in
            let b = oldPlan[item]
            let a = newPlan[item]
            return PlanChange(item: item, name: (a ?? b)!.name, quantityBefore: b?.quantity ?? 0, quantityAfter: a?.quantity ?? 0,
                              totalBefore: b?.total ?? 0, totalAfter: a?.total ?? 0)
        }
    }

    /// The first unit of each code: an audit never keeps two, but a hand-edited report might.
    private static func byCode(_ units: [AuditSnapshot.Unit]) -> [String: AuditSnapshot.Unit] {
        Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func movements(_ old: AuditSnapshot, _ new: AuditSnapshot,
                                  _ oldUnits: [String: AuditSnapshot.Unit], _ newUnits: [String: AuditSnapshot.Unit]) -> [Movement] {
        func presence(_ code: String, _ s: AuditSnapshot, _ units: [String: AuditSnapshot.Unit]) -> Presence {
            if units[code] != nil { return .evaluated }
            if s.invalid.contains(where: { $0.code == code }) { return .invalid }
            if s.notSubmitted?.contains(where: { $0.code == code }) == true { return .notSubmitted }
            return .absent
        }
        func name(_ code: String, _ s: AuditSnapshot, _ units: [String: AuditSnapshot.Unit]) -> String? {
            units[code]?.name ?? s.notSubmitted?.first(where: { $0.code == code })?.name
        }
        var codes = Set(oldUnits.keys).union(newUnits.keys)
        for s in [old, new] {
            codes.formUnion(s.invalid.compactMap(\.code))
            codes.formUnion((s.notSubmitted ?? []).map(\.code))
        }
        return codes.sorted().compactMap { code in
            let before = presence(code, old, oldUnits)
            let after = presence(code, new, newUnits)
            guard before != after else { return nil }
            return Movement(code: code, name: name(code, new, newUnits) ?? name(code, old, oldUnits) ?? "",
                            before: before, after: after,
                            passedBefore: oldUnits[code]?.passed, passedAfter: newUnits[code]?.passed,
                            costBefore: oldUnits[code]?.cost, costAfter: newUnits[code]?.cost,
                            readyBefore: oldUnits[code]?.ready ?? false, readyAfter: newUnits[code]?.ready ?? false)
        }
    }
}
