import Foundation

/// What a budget should buy first, decided on an audit: the units money makes ready, then the
/// criteria it meets at units it cannot make ready. Pure: the same audit and budget give the same
/// choice, and nothing is read but the audit.
///
/// **Money makes a unit ready** when none of its criteria is not reported, not evaluable or
/// waived, it is not asked to report a fact first, every purchase it needs has a quantity (a
/// price), and those purchases are funded. Its actions fall to their parties (the catalogue's
/// `who`): they are assumed done and listed as conditions. Such a unit's cost is the audit's own
/// (`Audit.Row.cost`, the sum of its remedies' purchases); a unit needing only actions costs 0.
///
/// **Stage 1: the most units ready, then the cheapest.** A unit's purchases are its own (no two
/// units share one), so choosing units is a knapsack in which every unit is worth 1. Take the
/// units by cost, cheapest first (equal costs by code), while the next one fits. This is optimal:
/// - *the count*: any k units that fit cost at least the k cheapest (the i-th cheapest of any set
///   costs at least the i-th cheapest of all), so if the k cheapest do not fit, no k units do;
/// - *the cost, at that count*: the k cheapest are the cheapest k, by the same exchange.
/// When units of equal cost straddle the edge (two units at 45.000.000, room for one), every
/// choice among them makes as many units ready for the same money, but leaves different criteria
/// for stage 2: they are chosen for what stage 2 then meets (`atTheEdge`), so the whole choice is
/// optimal in this order: most units, least cost, most criteria, least cost of those (while the
/// choices at the edge number at most `edgeChoicesTried`; past that, code order decides).
///
/// **Stage 2: what is left, on the criteria that bring the other units closest to 16/16.**
/// A criterion is *funded* at a unit not made ready when it failed, asks for no fact, every
/// purchase it names is priced, and at least one of them costs money; its cost is the sum of its
/// own remedies' purchases (quantity × unit cost), which is how the audit prices a unit: it adds
/// the quantities two remedies ask of one item (`Audit.Need`), so one unit's criteria cost what
/// they cost apart, and any set of them costs the sum. Every funded criterion is worth one
/// criterion met, so the same exchange holds: cheapest first (equal costs by code, then the
/// criteria's order) while the next fits gives the most criteria met within what is left, and the
/// cheapest such. Criteria that need only actions cost nothing and are not counted. No unit can be
/// completed here: what stage 1 left is less than the cost of every unit it did not take.
///
/// **Split budgets** (`Budget.shares`, `--budget-for ROLE=VND`): a named party's purchases draw
/// on its own share, every other party's on what is left of the total. Both stages then go
/// through the same cheapest-first order but skip what does not fit rather than stop, so every
/// unit and criterion taken fits every share, and nothing left out would fit what remains (the
/// choice cannot be extended). That is all that is guaranteed: several budgets at once make a
/// knapsack of several dimensions, where a different choice may make more units ready. With
/// one budget, skipping and stopping choose the same, and the choice is optimal as above.
public struct Prioritization: Sendable {
    /// The money: a total, and the parties (catalogue roles) given their own share of it.
    public struct Budget: Sendable, Equatable {
        public var total: Int
        public var shares: [String: Int]

        public init(total: Int, shares: [String: Int] = [:]) {
            (self.total, self.shares) = (total, shares)
        }

        /// What the parties without a share of their own draw on; negative when the shares exceed the total.
        public var rest: Int { total - shares.values.reduce(0) { $0.addingReportingOverflow($1).overflow ? Int.max : $0 + $1 } }
    }

    /// Why money alone cannot make a unit ready; each names criteria ids, or items for `unpriced`.
    public enum Obstacle: Sendable, Equatable {
        case notReported([String])
        case notEvaluable([String])
        case waived([String])
        /// Failed criteria that still ask for facts: the remedy may change once they are reported.
        case mustReport([String])
        /// Catalogue items the unit needs but whose quantity waits on a fact it left out.
        case unpriced([String])
    }

    /// A unit money makes ready: what it buys and what its parties must do.
    public struct Unit: Sendable {
        /// Index into `Audit.rows`.
        public var row: Int
        public var cost: Int
        /// Its purchases and its actions (indices into `Audit.tasks`, with quantities).
        public var purchases: [Audit.Need]
        public var actions: [Audit.Need]
    }

    /// One criterion met by money at a unit not made ready.
    public struct Criterion: Sendable {
        public var row: Int
        /// Index into `Audit.criteria`.
        public var criterion: Int
        public var cost: Int
        public var purchases: [Audit.Need]
        public var actions: [Audit.Need]
    }

    /// A unit money cannot make ready, and why.
    public struct Blocked: Sendable {
        public var row: Int
        public var obstacles: [Obstacle]
    }

    public var budget: Int
    /// The parties given their own share, as asked.
    public var shares: [String: Int]
    /// What each party's purchases cost, for the units and criteria chosen.
    public var spentBy: [String: Int]
    public var spent: Int
    public var left: Int { budget - spent }
    public var readyBefore: Int
    public var readyAfter: Int { readyBefore + units.count }
    /// Units made ready, in the order chosen (cheapest first).
    public var units: [Unit]
    /// Units money could make ready, but not within this budget, cheapest first.
    public var waiting: [Unit]
    /// Criteria met by what stage 1 left, in the order chosen (cheapest first).
    public var criteria: [Criterion]
    /// Units money alone cannot make ready, in the audit's order.
    public var blocked: [Blocked]

    /// Money spent on units made ready, and on criteria.
    public var spentOnUnits: Int { Money.sum(units.map(\.cost)) }
    public var spentOnCriteria: Int { Money.sum(criteria.map(\.cost)) }

    public init(audit: Audit, budget: Int) {
        self.init(audit: audit, budget: Budget(total: budget))
    }

    public init(audit: Audit, budget money: Budget) {
        budget = money.total
        shares = money.shares
        readyBefore = audit.ready
        // What each envelope still holds: a share's party by its role, every other party under "".
        var remaining = money.shares
        remaining[""] = max(0, money.rest)
        var spentBy: [String: Int] = [:]
        func envelope(_ role: String) -> String { money.shares[role] == nil ? "" : role }
        /// Each party's cost of `purchases`, or nil when one does not fit what its envelope holds.
        func fits(_ purchases: [Audit.Need]) -> [String: Int]? {
            var by: [String: Int] = [:]
            for need in purchases {
                let task = audit.tasks[Int(need.index)]
                by[task.role] = Money.sum([by[task.role] ?? 0, Money.times(task.unitCost ?? 0, Int(need.quantity))])
            }
            var drawn: [String: Int] = [:]
            for (role, cost) in by { drawn[envelope(role)] = Money.sum([drawn[envelope(role)] ?? 0, cost]) }
            return drawn.allSatisfy({ $0.value <= remaining[$0.key] ?? 0 }) ? by : nil
        }
        func take(_ by: [String: Int]) {
            for (role, cost) in by {
                remaining[envelope(role), default: 0] -= cost
                spentBy[role] = (spentBy[role] ?? 0) + cost
            }
        }
        var candidates: [Unit] = []
        var blocked: [Blocked] = []
        for (r, row) in audit.rows.enumerated() where !row.ready {
            let obstacles = Self.obstacles(row, audit)
            if obstacles.isEmpty {
                candidates.append(Unit(row: r, cost: row.cost, purchases: Self.needs(row, audit, .item),
                                       actions: Self.needs(row, audit, .action)))
            } else {
                blocked.append(Blocked(row: r, obstacles: obstacles))
            }
        }
        // Stage 1: cheapest first, each that fits (see the type's comment for why this is optimal).
        candidates.sort { (a, b) in (a.cost, audit.rows[a.row].code) < (b.cost, audit.rows[b.row].code) }
        // What every unit not ready could fund in stage 2, by row: also what settles ties at the edge.
        var offers: [Int: [Criterion]] = [:]
        for (r, row) in audit.rows.enumerated() where !row.ready { offers[r] = Self.fundable(row, r, audit) }
        // With one budget, the units of equal cost at its edge are chosen for what they leave to stage 2.
        let picked: Set<Int>? = money.shares.isEmpty
            ? Set(Self.atTheEdge(candidates, offers: offers, budget: money.total, audit: audit).map { candidates[$0].row }) : nil
        var spent = 0
        var units: [Unit] = []
        var waiting: [Unit] = []
        for candidate in candidates {
            guard picked?.contains(candidate.row) ?? true, let by = fits(candidate.purchases) else {
                waiting.append(candidate)
                continue
            }
            take(by)
            spent += candidate.cost
            units.append(candidate)
        }
        self.units = units
        self.waiting = waiting
        self.blocked = blocked

        // Stage 2: every unit not made ready offers its fundable criteria; cheapest first, each that fits.
        let made = Set(units.map(\.row))
        let offered = Self.offered(offers, besides: made, audit)
        var criteria: [Criterion] = []
        for criterion in offered {
            guard let by = fits(criterion.purchases) else { continue }
            take(by)
            spent += criterion.cost
            criteria.append(criterion)
        }
        self.criteria = criteria
        self.spent = spent
        self.spentBy = spentBy
    }

    /// The criteria of the units not in `made`, in the order stage 2 takes them: cheapest first,
    /// equal costs by unit code, then in the criteria's order.
    static func offered(_ offers: [Int: [Criterion]], besides made: Set<Int>, _ audit: Audit) -> [Criterion] {
        var offered: [Criterion] = []
        for (r, criteria) in offers where !made.contains(r) { offered += criteria }
        offered.sort { (a, b) in
            (a.cost, audit.rows[a.row].code, a.criterion) < (b.cost, audit.rows[b.row].code, b.criterion)
        }
        return offered
    }

    /// Why money alone cannot make `row` ready; empty when it can.
    static func obstacles(_ row: Audit.Row, _ audit: Audit) -> [Obstacle] {
        func ids(_ outcome: Outcome) -> [String] {
            row.outcomes.indices.filter { row.outcomes[$0] == outcome && $0 < audit.criteria.count }.map { audit.criteria[$0].id }
        }
        var found: [Obstacle] = []
        let notReported = ids(.notReported), notEvaluable = ids(.notEvaluable), waived = ids(.waived)
        if !notReported.isEmpty { found.append(.notReported(notReported)) }
        if !notEvaluable.isEmpty { found.append(.notEvaluable(notEvaluable)) }
        if !waived.isEmpty { found.append(.waived(waived)) }
        let failed = Set(ids(.failed))
        var asking: [String] = []
        for remedy in row.remedies where remedy.kind == .report && failed.contains(remedy.criterion) && !asking.contains(remedy.criterion) {
            asking.append(remedy.criterion)
        }
        if !asking.isEmpty { found.append(.mustReport(asking)) }
        if !row.unpriced.isEmpty { found.append(.unpriced(row.unpriced)) }
        return found
    }

    /// The unit's merged needs of one kind, as the audit merged them.
    private static func needs(_ row: Audit.Row, _ audit: Audit, _ kind: Audit.Task.Kind) -> [Audit.Need] {
        row.needs.filter { audit.tasks[Int($0.index)].kind == kind }
    }

    /// The failed criteria of `row` that money can meet, each with its own purchases and actions.
    private static func fundable(_ row: Audit.Row, _ r: Int, _ audit: Audit) -> [Criterion] {
        var found: [Criterion] = []
        for (c, outcome) in row.outcomes.enumerated() where outcome == .failed && c < audit.criteria.count {
            let remedies = row.remedies.filter { $0.criterion == audit.criteria[c].id }
            // A criterion that asks for a fact, or names a purchase without a quantity, is not decided by money.
            guard !remedies.contains(where: { $0.kind == .report || $0.isUnpriced }) else { continue }
            var purchases: [Audit.Need] = []
            var actions: [Audit.Need] = []
            for remedy in remedies {
                guard let task = task(of: remedy, in: audit) else { continue }
                let quantity = Int32(clamping: remedy.quantity ?? 1)
                if case .item = remedy.kind { add(task, quantity, to: &purchases) } else { add(task, quantity, to: &actions) }
            }
            guard !purchases.isEmpty else { continue }
            let cost = Money.sum(remedies.map(\.cost))
            guard cost > 0 else { continue }
            found.append(Criterion(row: r, criterion: c, cost: cost, purchases: purchases, actions: actions))
        }
        return found
    }

    /// The audit's task a remedy asks for: same kind, key and party (and, for an action, whether it is counted).
    private static func task(of remedy: Remedy, in audit: Audit) -> Int? {
        audit.tasks.firstIndex { task in
            switch remedy.kind {
            case .item(let key): return task.kind == .item && task.key == key && task.role == remedy.role
            case .action(let key): return task.kind == .action && task.key == key && task.role == remedy.role && task.measured == remedy.measured
            case .report: return false
            }
        }
    }

    /// Adds a quantity to a task's need, as the audit adds two remedies' quantities of one task.
    private static func add(_ task: Int, _ quantity: Int32, to needs: inout [Audit.Need]) {
        if let at = needs.firstIndex(where: { $0.index == Int32(task) }) {
            needs[at].quantity = needs[at].quantity.addingReportingOverflow(quantity).overflow ? .max : needs[at].quantity + quantity
            needs[at].remedies += 1
        } else {
            needs.append(Audit.Need(index: Int32(task), quantity: quantity, remedies: 1))
        }
        needs.sort { $0.index < $1.index }
    }
}
