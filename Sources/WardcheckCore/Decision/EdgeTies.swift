extension Prioritization {
    /// How many ways of choosing the units at the edge are tried; past it, code order decides,
    /// and stage 2 is optimal only for the units so chosen.
    static let edgeChoicesTried = 5_000

    /// Stage 1 with one budget: the indices of `candidates` (sorted cheapest first) to make ready.
    ///
    /// The k cheapest that fit are the most units, and the cheapest such. Any other choice of k
    /// units at that cost holds every unit cheaper than the k-th and as many of those costing the
    /// same as the k-th ("the edge"): only those can be swapped. When the edge's units do not all
    /// fit, each choice of them is tried, and the one after which stage 2 meets the most criteria
    /// (then spends least; then the first in code order) is kept, so that the two stages together
    /// are optimal, not the first alone.
    static func atTheEdge(_ candidates: [Unit], offers: [Int: [Criterion]], budget: Int, audit: Audit) -> [Int] {
        var k = 0
        var spent = 0
        while k < candidates.count, candidates[k].cost <= budget - spent {
            spent += candidates[k].cost
            k += 1
        }
        guard k > 0, k < candidates.count, candidates[k].cost == candidates[k - 1].cost else { return Array(0..<k) }
        let edge = candidates[k - 1].cost
        let first = candidates.firstIndex { $0.cost == edge } ?? 0
        let last = candidates.lastIndex { $0.cost == edge } ?? k - 1
        let group = Array(first...last)
        let inside = k - first
        guard choices(group.count, inside) <= edgeChoicesTried else { return Array(0..<k) }
        // What every choice leaves, sorted once: only the chosen units' own criteria differ between choices.
        let pool = offered(offers, besides: Set(candidates[..<first].map(\.row)), audit)
        var best: (count: Int, cost: Int, pick: [Int])?
        var pick = Array(group.prefix(inside))
        while true {
            let met = stageTwo(pool, besides: Set(pick.map { candidates[$0].row }), within: budget - spent)
            let better = best.map { met.count > $0.count || (met.count == $0.count && met.cost < $0.cost) } ?? true
            if better { best = (met.count, met.cost, pick) }
            guard next(&pick, in: group) else { break }
        }
        return Array(0..<first) + (best?.pick ?? [])
    }

    /// How many criteria of `offered` (in stage 2's order, cheapest first) but those of the rows
    /// `made` fit `left`, and what they cost. The first that does not fit ends it: none after can.
    static func stageTwo(_ offered: [Criterion], besides made: Set<Int>, within left: Int) -> (count: Int, cost: Int) {
        var count = 0
        var cost = 0
        for criterion in offered where !made.contains(criterion.row) {
            guard criterion.cost <= left - cost else { break }
            count += 1
            cost += criterion.cost
        }
        return (count, cost)
    }

    /// n choose k, stopping once past what is tried.
    static func choices(_ n: Int, _ k: Int) -> Int {
        var result = 1
        for i in 0..<min(k, n - k) {
            result = result * (n - i) / (i + 1)
            if result > edgeChoicesTried { return result }
        }
        return result
    }

    /// The next choice of `pick.count` members of `group` in lexicographic order; false after the last.
    static func next(_ pick: inout [Int], in group: [Int]) -> Bool {
        let n = group.count
        let k = pick.count
        guard k > 0 else { return false }
        var i = k - 1
        var positions = pick.map { p in group.firstIndex(of: p) ?? 0 }
        while i >= 0, positions[i] == n - k + i { i -= 1 }
        guard i >= 0 else { return false }
        positions[i] += 1
        for j in (i + 1)..<k { positions[j] = positions[j - 1] + 1 }
        pick = positions.map { group[$0] }
        return true
    }
}
