import Foundation
import YAMLTree

/// Evaluates compiled criteria against one unit's facts. Pure: the same facts, criteria,
/// waivers and day always give the same scorecard.
public struct Evaluator: Sendable {
    public let criteria: CriteriaSet
    public let waivers: Waivers
    /// `--as-of`: the day date windows count back from and waivers are judged on, instead of each file's own date.
    public let asOf: Day?

    public init(criteria: CriteriaSet, waivers: Waivers = .none, asOf: Day? = nil) {
        self.criteria = criteria
        self.waivers = waivers
        self.asOf = asOf
    }

    public func scorecard(for facts: Facts) -> Scorecard {
        let day = asOf ?? facts.asOf
        var results: [CriterionResult] = []
        results.reserveCapacity(criteria.criteria.count)
        for criterion in criteria.criteria {
            var result = evaluate(criterion, facts: facts, on: day)
            if let code = facts.code, let waiver = waivers.find(criterion: criterion.id, unit: code) {
                if let day, waiver.isActive(on: day) {
                    // A waiver excuses a criterion the unit cannot meet yet, never facts it did not
                    // report: a not-reported criterion stays so, with its "report it" remedy.
                    if result.outcome == .failed {
                        result.outcome = .waived
                        result.waiver = waiver
                    }
                } else {
                    result.expiredWaiver = waiver
                }
            }
            results.append(result)
        }
        return Scorecard(file: facts.file, code: facts.code, name: facts.name, contact: facts.contact, asOf: facts.asOf, evaluatedOn: day, results: results)
    }

    public func evaluate(_ criterion: Criterion, facts: Facts, on day: Day?) -> CriterionResult {
        let context = Context(facts: facts, schema: criteria.schema, day: day)
        var checks: [CheckResult] = []
        var missing: [String] = []
        for check in criterion.checks {
            var guardComparisons: [ComparisonResult] = []
            if let when = check.when {
                let (outcome, comparisons) = context.evaluate(when)
                guardComparisons = comparisons
                if outcome != .passed {
                    let reported = outcome == .notReported
                    if reported { missing += comparisons.flatMap(\.missing) }
                    checks.append(CheckResult(id: check.id, title: check.title, guardComparisons: comparisons, comparisons: [],
                                              outcome: reported ? .notReported : .notApplicable, remedy: nil))
                    continue
                }
            }
            let (outcome, comparisons) = context.evaluate(check.require)
            var remedy: Remedy?
            // A fact left out is reported even when another part of the check already failed:
            // the office must still be told to report it.
            if outcome != .passed { missing += comparisons.flatMap(\.missing) }
            if outcome == .failed {
                remedy = makeRemedy(check, criterion: criterion, comparisons: comparisons, context: context)
            }
            checks.append(CheckResult(id: check.id, title: check.title, guardComparisons: guardComparisons,
                                      comparisons: comparisons, outcome: outcome, remedy: remedy))
        }
        let outcome: Outcome = checks.contains { $0.outcome == .failed } ? .failed
            : checks.contains { $0.outcome == .notReported } ? .notReported : .passed
        var remedies = checks.compactMap(\.remedy)
        let missingFacts = collapse(missing, facts: facts)
        if !missingFacts.isEmpty {
            let report = criteria.catalogue.report
            let paths = missingFacts.map(\.path)
            remedies.append(Remedy(criterion: criterion.id, check: nil, kind: .report, name: report.name,
                                   text: report.name.map { "\($0): \(paths.joined(separator: ", "))" },
                                   who: report.who, quantity: nil, unitCost: nil, facts: paths))
        }
        return CriterionResult(id: criterion.id, group: criterion.group, title: criterion.title, outcome: outcome, underlying: outcome,
                               checks: checks, missing: missingFacts, remedies: remedies, waiver: nil, expiredWaiver: nil)
    }

    /// Missing facts, folded into the outermost missing block and located at the nearest written one.
    private func collapse(_ paths: [String], facts: Facts) -> [MissingFact] {
        var seen: Set<String> = []
        var out: [MissingFact] = []
        for path in paths {
            let folded = facts.outermostMissing(path)
            guard seen.insert(folded).inserted else { continue }
            let (block, mark) = facts.nearestWrittenAncestor(of: path)
            out.append(MissingFact(path: folded, block: block, at: mark))
        }
        return out
    }

    private func makeRemedy(_ check: Check, criterion: Criterion, comparisons: [ComparisonResult], context: Context) -> Remedy {
        let spec = check.remedy
        var quantity: Int?
        switch spec.quantity {
        case .shortfall?:
            quantity = comparisons.first?.shortfall.map(Self.wholeUp)
        case .expression(let e)?:
            quantity = context.value(of: e).value.map(Self.wholeUp)
        case nil:
            quantity = nil
        }
        if let q = quantity, q < 1 { quantity = 1 }
        let name: Localized
        let who: Localized
        let unitCost: Int?
        let kind: Remedy.Kind
        switch spec.kind {
        case .item(let key):
            let item = criteria.catalogue.items[key]!
            (name, who, unitCost, kind) = (item.name, item.who, item.unitCost, .item(key))
        case .action(let key):
            let action = criteria.catalogue.actions[key]!
            (name, who, unitCost, kind) = (action.name, action.who, nil, .action(key))
        }
        let first = comparisons.first { $0.outcome == .failed } ?? comparisons.first
        let observed = first.map { Presentation.observed($0) } ?? Localized("")
        let required = first.map { Localized(Presentation.quantity($0.required, unit: $0.unit)) } ?? Localized("")
        let text = spec.text.filling(["quantity": Localized(quantity.map(String.init) ?? "1"), "observed": observed, "required": required])
        return Remedy(criterion: criterion.id, check: check.id, kind: kind, name: name, text: text, who: spec.who ?? who,
                      quantity: quantity, unitCost: unitCost, facts: [])
    }

    static func wholeUp(_ value: Decimal) -> Int {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .up)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
