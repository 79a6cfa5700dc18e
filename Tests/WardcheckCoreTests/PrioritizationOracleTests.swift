import WardcheckCore
import XCTest

/// `Prioritization` against an exhaustive search, on small random cities (seeded, so a failure
/// comes back the same) and many budgets each.
///
/// The oracle is written apart from the code under test, from the rule as stated: a unit can be
/// made ready by money when every criterion it does not meet failed, none of them asks for a
/// fact, and none names a purchase without a quantity; its price is the sum of its remedies'.
/// Over every subset of those units it finds the largest count that fits the budget and the least
/// cost at that count; then, over every choice of units that many and that cheap, and every
/// subset of the other units' failed criteria that are priced and cost money, the largest count
/// of criteria that fits what is left and the least cost at that count.
final class PrioritizationOracleTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so the cities are the same on every run.
    private struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// One choice per line of the ready ward, so that no two edits touch the same line. Equal
    /// prices are common on purpose (two units short of a firewall), to test the ties.
    private static let slots: [[[Ward.Edit]]] = [
        [[], [Ward.noFirewall], [Ward.firewallLeftOut]],
        [[], [Ward.sixPrinters], [Ward.printersLeftOut], [Ward.eightPrinters]],
        [[], [], [Ward.nineteenTrained]],
        [[], [Ward.noFibre]],
        [[], [], Ward.computers(44), Ward.computers(41)],
        [[], [Ward.noITOfficer]],
        [[], [(find: "signatures: { personal: 45", replace: "signatures: { personal: 41")]],
    ]

    /// Units of equal cost whose criteria differ, so that which of them is made ready changes what
    /// is left to meet criteria elsewhere: 11.000.000 in two criteria (fibre 5.000.000, a printer
    /// 6.000.000) or in one (22 officials to train); 30.000.000 in one (a firewall) or in three
    /// (a computer 15.000.000, a printer 6.000.000, 6 signatures 9.000.000).
    private static let profiles: [[Ward.Edit]] = [
        [Ward.noFibre, Ward.eightPrinters],
        [Ward.nineteenTrained],
        [Ward.noFirewall],
        Ward.computers(44) + [Ward.eightPrinters, (find: "signatures: { personal: 45", replace: "signatures: { personal: 39")],
    ]

    private func randomCity(_ random: inout Seeded, units: Int, criteria: CriteriaSet) throws -> Audit {
        var files: [(name: String, facts: String)] = []
        for u in 0..<units {
            let code = String(30001 + u)
            // Half the units from the profiles (ties likely), half line by line.
            let edits = random.below(2) == 0 ? Self.profiles[random.below(Self.profiles.count)]
                : Self.slots.flatMap { $0[random.below($0.count)] }
            files.append(("\(code).yaml", try Ward.ready(code, "Xã \(code)", edits)))
        }
        return try SmallCity(criteria: criteria, roster: nil, test: self).audit(files)
    }

    /// The unit rows money can make ready, with their prices, as the rule states it.
    private func eligible(_ audit: Audit) -> [(row: Int, cost: Int)] {
        audit.rows.enumerated().compactMap { (r, row) in
            guard !row.ready else { return nil }
            guard row.outcomes.allSatisfy({ $0 == .passed || $0 == .failed }), row.unpriced.isEmpty else { return nil }
            guard !row.remedies.contains(where: { $0.kind == .report }) else { return nil }
            return (r, row.remedies.reduce(0) { $0 + $1.cost })
        }
    }

    /// Failed, priced criteria that cost money, of the rows not ready and not in `made`.
    private func offered(_ audit: Audit, besides made: Set<Int>) -> [Int] {
        var costs: [Int] = []
        for (r, row) in audit.rows.enumerated() where !row.ready && !made.contains(r) {
            for (c, outcome) in row.outcomes.enumerated() where outcome == .failed {
                let remedies = row.remedies.filter { $0.criterion == audit.criteria[c].id }
                guard !remedies.contains(where: { $0.kind == .report || $0.isUnpriced }) else { continue }
                let cost = remedies.reduce(0) { $0 + $1.cost }
                if cost > 0 { costs.append(cost) }
            }
        }
        return costs
    }

    /// The largest count of `costs` whose sum fits `budget`, and the least sum at that count, by trying every subset.
    private func best(_ costs: [Int], within budget: Int) -> (count: Int, cost: Int) {
        var found = (count: 0, cost: 0)
        for mask in 0..<(1 << costs.count) {
            var count = 0, cost = 0
            for i in costs.indices where mask & (1 << i) != 0 {
                count += 1
                cost += costs[i]
            }
            guard cost <= budget else { continue }
            if count > found.count || (count == found.count && cost < found.cost) { found = (count, cost) }
        }
        return found
    }

    func testTheChoiceMatchesAnExhaustiveSearch() throws {
        let criteria = try Repo.loadCriteria()
        var random = Seeded(state: 57)
        var compared = 0
        for _ in 0..<24 {
            let audit = try randomCity(&random, units: 5, criteria: criteria)
            let units = eligible(audit)
            // Budgets: nothing, every sum of units that stage 1 could land on exactly, and random amounts up to the whole plan.
            var budgets: Set<Int> = [0, audit.rows.reduce(0) { $0 + $1.cost }]
            let sorted = units.map(\.cost).sorted()
            for k in sorted.indices { budgets.insert(sorted[...k].reduce(0, +)) }
            for _ in 0..<20 { budgets.insert(500_000 * random.below(600)) }
            for budget in budgets.sorted() {
                let p = Prioritization(audit: audit, budget: budget)
                let where_ = "budget \(budget), units \(units.map { "\(audit.rows[$0.row].code):\($0.cost)" })"
                XCTAssertEqual(Set(p.units.map(\.row)).union(p.waiting.map(\.row)), Set(units.map(\.row)), "eligible units, " + where_)
                let stage1 = best(units.map(\.cost), within: budget)
                XCTAssertEqual(p.units.count, stage1.count, "units made ready, " + where_)
                XCTAssertEqual(p.spentOnUnits, stage1.cost, "their cost, " + where_)
                // Every choice of units as many and as cheap as the best, and the most criteria what is left then meets.
                var stage2 = (count: -1, cost: 0)
                for mask in 0..<(1 << units.count) {
                    let chosen = units.indices.filter { mask & (1 << $0) != 0 }
                    guard chosen.count == stage1.count, chosen.reduce(0, { $0 + units[$1].cost }) == stage1.cost else { continue }
                    let met = best(offered(audit, besides: Set(chosen.map { units[$0].row })), within: budget - stage1.cost)
                    if met.count > stage2.count || (met.count == stage2.count && met.cost < stage2.cost) { stage2 = met }
                }
                XCTAssertEqual(p.criteria.count, stage2.count, "criteria funded, " + where_)
                XCTAssertEqual(p.spentOnCriteria, stage2.cost, "their cost, " + where_)
                XCTAssertEqual(p.spent, stage1.cost + stage2.cost)
                XCTAssertLessThanOrEqual(p.spent, budget)
                compared += 1
            }
        }
        // 24 cities, at least 20 distinct budgets each (fewer only if random amounts collide).
        XCTAssertGreaterThan(compared, 400)
    }
}
