import Foundation
import YAMLTree

/// Evaluates compiled criteria against one unit's facts. Pure: the same facts, criteria,
/// waivers and day always give the same scorecard. An immutable class, so the closures and
/// helpers of every unit's evaluation share it rather than copy the criteria, waivers and roster.
public final class Evaluator: Sendable {
    public let criteria: CriteriaSet
    public let waivers: Waivers
    /// `--as-of`: the day date windows count back from and waivers are judged on, instead of each file's own date.
    public let asOf: Day?
    /// Today, to refuse facts dated in the future; nil skips that check (criterion examples).
    public let today: Day?
    /// The city's roster: a unit's facts it records are authoritative.
    public let roster: Roster?
    /// How much of each criterion's working a scorecard keeps.
    public let detail: Detail
    /// The one language remedy texts are worded in, for a report written in it alone (an
    /// audit); nil words them in both (`check`, `explain`, the server). Wording a country's
    /// remedies in a language no report would read was a tenth of judging its units.
    public let wordedIn: Language?
    /// The words of a remedy's "observed" and "required", made once: making them copied the schema each time.
    private let words: RemedyWords

    /// A unit's scorecard for one reader, or a city's audit of thousands.
    public enum Detail: Sendable {
        /// Every check and comparison of every criterion, as `check` and `explain` show them.
        case everyCheck
        /// A criterion that passes outright, every fact it reads written and every comparison
        /// holding, keeps its outcome alone (`checks` empty). An audit's reports show why a
        /// criterion failed, never why one passed, and four criteria in five pass: working them
        /// out comparison by comparison, then freeing it all, was a third of judging a unit.
        case outcomes
    }

    /// No unit buys more than a million of anything; a larger computed quantity is a criterion fault.
    static let largestQuantity = 1_000_000
    /// Left-out boolean and enum facts are tried in every combination up to this many.
    static let largestCaseAnalysis = 64

    public init(criteria: CriteriaSet, waivers: Waivers = .none, asOf: Day? = nil, today: Day? = nil, roster: Roster? = nil,
                detail: Detail = .everyCheck, wordedIn: Language? = nil) {
        self.criteria = criteria
        self.waivers = waivers
        self.asOf = asOf
        self.today = today
        self.roster = roster
        self.detail = detail
        self.wordedIn = wordedIn
        words = RemedyWords(schema: criteria.schema, in: wordedIn)
    }

    public func scorecard(for facts: Facts) -> Scorecard {
        let day = asOf ?? facts.asOf
        let context = Context(facts: facts, schema: criteria.schema, day: day)
        var results: [CriterionResult] = []
        results.reserveCapacity(criteria.criteria.count)
        // Each result is made in its place in the list: copying results, field by field, for every
        // criterion of every unit was a twentieth of judging it. (The optimiser still copies each
        // criterion once where its checks are inlined, whether it is lent by an array, an unsafe
        // buffer or a `borrowing` parameter: 33 M instructions for a country, callgrind, 2026-12.)
        criteria.criteria.withUnsafeBufferPointer { set in
            for criterion in set.indices { results.append(evaluate(set[criterion], in: context)) }
        }
        for index in results.indices {
            guard let code = facts.code, let waiver = waivers.find(criterion: results[index].id, unit: code) else { continue }
            if let day, waiver.isActive(on: day) {
                // A waiver excuses a criterion the unit cannot meet yet, never facts it did not
                // report: a not-reported criterion stays so, with its "report it" remedy.
                if results[index].outcome == .failed {
                    results[index].outcome = .waived
                    results[index].waiver = waiver
                }
            } else {
                results[index].expiredWaiver = waiver
            }
        }
        return Scorecard(file: facts.file, code: facts.code, name: facts.name, contact: facts.contact, asOf: facts.asOf, evaluatedOn: day, results: results)
    }

    /// One criterion for one unit. A left-out fact that cannot change the verdict does not hide
    /// it: numbers are bounded by ranges (see `Context`), and left-out booleans and enums are
    /// tried in every combination; a verdict all of them share is the verdict.
    public func evaluate(_ criterion: Criterion, facts: Facts, on day: Day?) -> CriterionResult {
        evaluate(criterion, in: Context(facts: facts, schema: criteria.schema, day: day))
    }

    private func evaluate(_ criterion: Criterion, in context: Context) -> CriterionResult {
        if detail == .outcomes, context.passesOutright(criterion) {
            return CriterionResult(id: criterion.id, group: criterion.group, title: criterion.title, outcome: .passed, underlying: .passed,
                                   checks: [], missing: [], remedies: [], waiver: nil, expiredWaiver: nil, problem: nil)
        }
        let result = evaluateOnce(criterion, in: context)
        guard result.outcome == .notReported else { return result }
        return caseAnalysis(criterion, in: context, undecided: result) ?? result
    }

    private func caseAnalysis(_ criterion: Criterion, in context: Context, undecided: CriterionResult) -> CriterionResult? {
        var open: [String] = []
        for check in undecided.checks where check.outcome == .notReported {
            for path in (check.guardComparisons + check.comparisons).flatMap(\.missing) where !open.contains(path) {
                if !Self.possibleValues(criteria.schema.field(path)).isEmpty { open.append(path) }
            }
        }
        guard !open.isEmpty else { return nil }
        let domains = open.map { Self.possibleValues(criteria.schema.field($0)) }
        guard domains.reduce(1, { $0 * $1.count }) <= Self.largestCaseAnalysis else { return nil }

        var cases: [CriterionResult] = []
        var assignment = Array(repeating: 0, count: open.count)
        while true {
            var assumed: [String: FactValue] = [:]
            for (i, path) in open.enumerated() { assumed[path] = domains[i][assignment[i]] }
            let result = evaluateOnce(criterion, in: Context(facts: context.facts.assuming(assumed), schema: criteria.schema, day: context.day))
            guard result.outcome == .passed || result.outcome == .failed,
                  cases.first.map({ $0.outcome == result.outcome }) ?? true else { return nil }
            cases.append(result)
            // Next combination, like an odometer.
            var i = 0
            while i < open.count {
                assignment[i] += 1
                if assignment[i] < domains[i].count { break }
                assignment[i] = 0
                i += 1
            }
            if i == open.count { break }
        }

        var decided = undecided
        decided.outcome = cases[0].outcome
        decided.underlying = cases[0].outcome
        decided.decidedWithout = open
        if decided.outcome == .passed {
            decided.remedies = []
            decided.missing = []
            return decided
        }
        // What to do is what every case agrees on; the left-out facts decide the rest, so they are asked for.
        let common = cases[0].remedies.filter { remedy in
            remedy.kind != .report && cases.dropFirst().allSatisfy { other in
                other.remedies.contains { $0.kind == remedy.kind && $0.quantity == remedy.quantity }
            }
        }
        decided.remedies = common + undecided.remedies.filter { $0.kind == .report }
        return decided
    }

    private func evaluateOnce(_ criterion: Criterion, in context: Context) -> CriterionResult {
        var checks: [CheckResult] = []
        var asked: [String] = []
        var problem: EvaluationProblem?
        for check in criterion.checks {
            var guardComparisons: [ComparisonResult] = []
            var applies = CheckOutcome.passed
            if let when = check.when {
                let (outcome, comparisons) = context.evaluate(when)
                guardComparisons = comparisons
                applies = outcome
                if outcome == .failed {
                    checks.append(CheckResult(id: check.id, title: check.title, guardComparisons: comparisons, comparisons: [],
                                              outcome: .notApplicable, remedy: nil))
                    continue
                }
                if outcome == .notEvaluable {
                    problem = problem ?? located(comparisons.compactMap(\.problem).first, criterion, check.mark)
                    checks.append(CheckResult(id: check.id, title: check.title, guardComparisons: comparisons, comparisons: [],
                                              outcome: .notEvaluable, remedy: nil))
                    continue
                }
            }
            let (required, comparisons) = context.evaluate(check.require)
            var outcome = required
            if applies == .notReported {
                // Whether the check applies is open. If what it requires holds anyway, it cannot
                // fail either way; otherwise it stays open and the guard's facts are asked for.
                outcome = required == .passed ? .passed : required == .notEvaluable ? .notEvaluable : .notReported
                if outcome == .notReported { asked += guardComparisons.filter { $0.outcome == .notReported }.flatMap(\.missing) }
            }
            if outcome != .passed {
                // A fact left out is asked for when it could change the verdict or the remedy,
                // even when another part of the check already failed.
                asked += comparisons.filter { $0.outcome == .notReported || $0.outcome == .failed }.flatMap(\.missing)
            }
            if outcome == .notEvaluable {
                problem = problem ?? located(comparisons.compactMap(\.problem).first, criterion, check.mark)
            }
            var remedy: Remedy?
            if outcome == .failed {
                switch makeRemedy(check, criterion: criterion, comparisons: comparisons, context: context) {
                case .success(let made):
                    remedy = made
                    // A quantity waiting on a left-out fact: ask for it, so the purchase can be priced.
                    asked += made.facts
                case .failure(let fault):
                    outcome = .notEvaluable
                    problem = problem ?? fault
                }
            }
            checks.append(CheckResult(id: check.id, title: check.title, guardComparisons: guardComparisons,
                                      comparisons: comparisons, outcome: outcome, remedy: remedy))
        }
        // A definite failure decides; then a check that cannot be computed; then a missing fact.
        let outcome: Outcome = checks.contains { $0.outcome == .failed } ? .failed
            : checks.contains { $0.outcome == .notEvaluable } ? .notEvaluable
            : checks.contains { $0.outcome == .notReported } ? .notReported : .passed
        var remedies = checks.compactMap(\.remedy)
        let missingFacts = collapse(asked, facts: context.facts)
        if !missingFacts.isEmpty, outcome != .passed {
            let report = criteria.catalogue.report
            let paths = missingFacts.map(\.path)
            // The facts by their names in the schema: the office reads what to report, not a key path.
            let named = FactWords.list(paths.map(FactWords(schema: criteria.schema).inSentence))
            remedies.append(Remedy(criterion: criterion.id, check: nil, kind: .report, name: report.name,
                                   text: report.name + Localized(": ") + named,
                                   who: report.who, role: report.role, quantity: nil, unitCost: nil, facts: paths))
        }
        var decidedWithout: [String] = []
        func decided(_ comparisons: [ComparisonResult]) {
            for c in comparisons where (c.outcome == .passed || c.outcome == .failed) && !c.missing.isEmpty {
                for path in c.missing where !asked.contains(path) && !decidedWithout.contains(path) { decidedWithout.append(path) }
            }
        }
        for check in checks {
            decided(check.guardComparisons)
            decided(check.comparisons)
        }
        var result = CriterionResult(id: criterion.id, group: criterion.group, title: criterion.title, outcome: outcome, underlying: outcome,
                                     checks: checks, missing: outcome == .passed ? [] : missingFacts, remedies: remedies,
                                     waiver: nil, expiredWaiver: nil, problem: problem)
        result.decidedWithout = outcome == .passed || outcome == .failed ? decidedWithout : []
        return result
    }

    private func located(_ problem: EvaluationProblem?, _ criterion: Criterion, _ mark: Mark) -> EvaluationProblem? {
        guard var p = problem else { return nil }
        p.criterion = criterion.id
        p.file = p.file ?? criterion.file
        p.at = p.at ?? mark
        return p
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

    /// The remedy of a failed check. A purchase needs a positive whole quantity, computed from
    /// the facts; one that depends on a fact left out is listed unpriced, and one that comes out
    /// as nothing, less than nothing or absurdly many is a fault of the criterion, not a purchase of one.
    private func makeRemedy(_ check: Check, criterion: Criterion, comparisons: [ComparisonResult],
                            context: Context) -> Result<Remedy, EvaluationProblem> {
        let spec = check.remedy
        var quantity: Int?
        var needs: [String] = []
        var atLeast: Int?
        if let spec = spec.quantity {
            let range: ValueRange
            // How the quantity was worked out, written only for a message that shows it.
            let written: () -> String
            switch spec {
            case .shortfall:
                let first = comparisons.first
                range = first?.shortfall ?? .unbounded
                needs = first?.missing ?? []
                written = { first.map { "\($0.required) − \($0.observed?.display ?? "?")" } ?? "shortfall" }
            case .expression(let e):
                let v = context.value(of: e)
                if let problem = v.problem { return .failure(fault(problem.message, problem.facts, criterion, check.remedy.mark)) }
                range = v.range
                needs = v.missing
                written = { let w = context.written(e); return [w.symbolic, w.numeric].joined(separator: " = ") }
            }
            let facts = { Criterion.factsRead(by: check.remedy) }
            if let exact = range.exact {
                guard DecimalShortcuts.lessOrEqual(exact, Decimal(Self.largestQuantity)) else {
                    let formula = written()
                    return .failure(fault(Localized(vi: "số lượng tính ra quá lớn: \(formula) = \(NumberText.plain(exact))",
                                                    en: "the quantity is too large: \(formula) = \(NumberText.plain(exact))"),
                                          facts(), criterion, check.remedy.mark))
                }
                let whole = Self.wholeUp(exact)
                guard whole >= 1 else {
                    let formula = written()
                    return .failure(fault(Localized(vi: "số lượng tính ra \(NumberText.plain(exact)), không phải số dương: \(formula)",
                                                    en: "the quantity comes out as \(NumberText.plain(exact)), not a positive number: \(formula)"),
                                          facts(), criterion, check.remedy.mark))
                }
                quantity = whole
            } else if needs.isEmpty {
                let formula = written()
                return .failure(fault(Localized(vi: "không tính được số lượng: \(formula)", en: "the quantity cannot be computed: \(formula)"),
                                      facts(), criterion, check.remedy.mark))
            } else if let lower = range.lower, lower > 0, lower <= Decimal(Self.largestQuantity) {
                atLeast = Self.wholeUp(lower)
            }
        } else if case .item = spec.kind {
            return .failure(fault(Localized(vi: "mua sắm không có `quantity`", en: "a purchase without a `quantity`"), [], criterion, spec.mark))
        }
        let name: Localized
        let who: Localized
        let role: String
        let unitCost: Int?
        let kind: Remedy.Kind
        switch spec.kind {
        case .item(let key):
            let item = criteria.catalogue.items[key]!
            (name, who, role, unitCost, kind) = (item.name, item.who, item.role, item.unitCost, .item(key))
        case .action(let key):
            let action = criteria.catalogue.actions[key]!
            (name, who, role, unitCost, kind) = (action.name, action.who, action.role, nil, .action(key))
        }
        let first = comparisons.first { $0.outcome == .failed } ?? comparisons.first
        // Each value is made when the text first names it, once for both languages.
        var quantityText: Localized?, observed: Localized?, required: Localized?
        let text = spec.text.filling(in: wordedIn) { name in
            switch name {
            case "quantity":
                quantityText = quantityText ?? quantity.map { n in Localized.worded(in: wordedIn) { NumberText.grouped(n, $0) } }
                    ?? atLeast.map { n in Localized.worded(in: wordedIn) { $0 == .vi ? "ít nhất \(NumberText.grouped(n, .vi))" : "at least \(NumberText.grouped(n, .en))" } }
                    ?? Localized(vi: "(chưa tính được)", en: "(not yet known)")
                return quantityText
            case "observed":
                observed = observed ?? first.map { words.observed($0) } ?? Localized("")
                return observed
            case "required":
                required = required ?? first.map { words.required($0) } ?? Localized("")
                return required
            default: return nil
            }
        }
        return .success(Remedy(criterion: criterion.id, check: check.id, kind: kind, name: name, text: text, who: spec.who ?? who, role: spec.role ?? role,
                               quantity: quantity, unitCost: unitCost, facts: quantity == nil ? needs : [], measured: spec.quantity != nil))
    }

    private func fault(_ message: Localized, _ facts: [String], _ criterion: Criterion, _ mark: Mark) -> EvaluationProblem {
        EvaluationProblem(criterion: criterion.id, message: message, facts: facts, file: criterion.file, at: mark, isCriterionFault: true)
    }

    /// The values a boolean or enum fact can take; empty for other types.
    static func possibleValues(_ field: FactsSchema.Field?) -> [FactValue] {
        switch field?.type {
        case .boolean?: return [.boolean(true), .boolean(false)]
        case .enumeration(let values, _)?: return values.map(FactValue.text)
        default: return []
        }
    }

    static func wholeUp(_ value: Decimal) -> Int {
        if let whole = DecimalShortcuts.whole(value, up: true), let int = DecimalShortcuts.integer(whole) { return int }
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .up)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}

extension Criterion {
    /// The facts a remedy's quantity reads.
    static func factsRead(by spec: RemedySpec) -> [String] {
        if case .expression(let e)? = spec.quantity { return Context.factsRead(by: e) }
        return []
    }
}
