import Foundation
import YAMLTree

/// The outcome of one check or comparison. "Not applicable" is a check whose `when` is false.
public enum CheckOutcome: String, Sendable, Codable {
    case passed
    case failed
    case notReported = "not_reported"
    case notEvaluable = "not_evaluable"
    case notApplicable = "not_applicable"
}

/// One fact compared with its requirement, with everything needed to show it: the value
/// observed and where it is written, the requirement as data and how it was computed.
/// An immutable class: a unit's comparisons are passed from the check to the criterion to every
/// report, and copying a struct of this size (strings, arrays, the requirement) at each step was
/// a tenth of an audit; a reference is one retain.
public final class ComparisonResult: Sendable {
    public let fact: String
    public let at: Mark?
    public let observed: FactValue?
    public let op: Operator
    /// What the rule asks of the fact. Sentences (`Verdict`), tables and JSON are written from it.
    public let requirement: Requirement
    /// What the rule asks for, as the rule language writes it: "9", "8–24", "true", "{4g, 5g}", "90"
    /// (the `required` member of `check --format json`).
    public var required: String { requirement.written }
    /// How the requirement was computed, facts filled in ("⌈staffing.officials ÷ 5⌉ = ⌈45 ÷ 5⌉ = 9").
    public var formula: String? { requirement.formula }
    public let outcome: CheckOutcome
    public let missing: [String]
    /// Why the requirement could not be computed (a division by zero).
    public let problem: EvaluationProblem?
    /// How much is short, when the comparison failed: exact, or a range when a fact was left out.
    let shortfall: ValueRange?
    /// For date windows: how many days before the evaluation day the date is.
    public let daysAgo: Int?
    /// The unit's evaluation, whose schema has the fact's unit and labels: looked up only when
    /// the comparison is shown, not for every comparison of an audit.
    private let context: Context

    var field: FactsSchema.Field? { context.schema.field(fact) }
    public var unit: Localized? { field?.unit }
    /// For enum facts: how each value reads to a person (the schema's `labels`).
    public var labels: [String: Localized] { field?.labels ?? [:] }

    init(fact: String, at: Mark?, observed: FactValue?, op: Operator, requirement: Requirement, context: Context,
         outcome: CheckOutcome, missing: [String] = [], problem: EvaluationProblem? = nil, shortfall: ValueRange? = nil, daysAgo: Int? = nil) {
        self.fact = fact
        self.at = at
        self.observed = observed
        self.op = op
        self.requirement = requirement
        self.context = context
        self.outcome = outcome
        self.missing = missing
        self.problem = problem
        self.shortfall = shortfall
        self.daysAgo = daysAgo
    }
}

/// What a comparison asks of its fact, as data: never built as text and parsed back.
public enum Requirement: Sendable {
    /// `is` / `is_not`: one value.
    case value(FactValue)
    /// `in` / `not_in`: values as the file writes them.
    case values([String])
    /// `within_days`: a window counted back from the evaluation day.
    case days(Int)
    /// A number computed from the facts (or the range it lies in when a fact was left out),
    /// with how it was computed.
    case computed(ComputedRequirement)

    /// The rule language's own writing: "9", "8–24", "true", "{4g, 5g}", "90".
    public var written: String {
        switch self {
        case .value(let v): return v.display
        case .values(let list): return "{" + list.joined(separator: ", ") + "}"
        case .days(let n): return "\(n)"
        case .computed(let c): return c.text
        }
    }

    public var formula: String? {
        if case .computed(let c) = self { return c.formula }
        return nil
    }

    /// Whether the requirement is a value or values to choose among (not a number or a window).
    public var isChoice: Bool {
        switch self {
        case .value, .values: return true
        default: return false
        }
    }

    /// The number required, or the range it lies in; nil for a value, a set or a window.
    public var range: ValueRange? {
        if case .computed(let c) = self { return c.range }
        return nil
    }
}

/// Why a criterion could not be computed for a unit: what went wrong, the facts involved, and
/// the place in the criterion file to look at. Counted apart from failures and missing facts.
public struct EvaluationProblem: Error, Sendable {
    public var criterion: String?
    public var message: Localized
    public var facts: [String]
    /// The criterion file and the place in it (the check, or the remedy whose quantity failed).
    public var file: String?
    public var at: Mark?
    /// A fault of the criterion itself (a purchase of nothing), which `verify` reports as an error.
    public var isCriterionFault = false
}

/// Something to do about a failed or unreported check: buy, act, or report.
public struct Remedy: Sendable {
    public enum Kind: Sendable, Equatable {
        case item(String)
        case action(String)
        case report
    }

    public var criterion: String
    public var check: String?
    public var kind: Kind
    public var name: Localized
    public var text: Localized
    public var who: Localized
    /// How many to buy. Nil for an action, and for a purchase whose quantity depends on a fact
    /// the unit left out: such a purchase is listed but not priced until the fact is reported.
    /// The role key of `who` in the catalogue.
    public var role: String
    public var quantity: Int?
    public var unitCost: Int?
    /// The facts a report remedy asks for, or that an unpriced purchase's quantity needs.
    public var facts: [String]
    /// Whether the criteria give this remedy a quantity (villages to cover, accounts to open):
    /// an audit adds such quantities up only with others of the same kind, never with remedies
    /// that are simply to be done once (the office's own 4G).
    public var measured: Bool = false

    /// Quantity × unit cost; zero for an action and for a purchase not yet priced.
    public var cost: Int {
        guard let unitCost, let quantity else { return 0 }
        return Money.times(unitCost, quantity)
    }

    /// A purchase whose quantity is not known yet.
    public var isUnpriced: Bool {
        if case .item = kind { return quantity == nil }
        return false
    }

    public var kindKey: String {
        switch kind {
        case .item(let key), .action(let key): return key
        case .report: return "report"
        }
    }
}

/// One check's result. An immutable class, shared rather than copied, like `ComparisonResult`.
public final class CheckResult: Sendable {
    public let id: String
    public let title: Localized?
    public let guardComparisons: [ComparisonResult]
    public let comparisons: [ComparisonResult]
    public let outcome: CheckOutcome
    public let remedy: Remedy?

    init(id: String, title: Localized?, guardComparisons: [ComparisonResult], comparisons: [ComparisonResult],
         outcome: CheckOutcome, remedy: Remedy?) {
        self.id = id
        self.title = title
        self.guardComparisons = guardComparisons
        self.comparisons = comparisons
        self.outcome = outcome
        self.remedy = remedy
    }
}

/// A fact a criterion needed but the file does not have, located at the nearest block that was written.
public struct MissingFact: Sendable, Hashable {
    public var path: String
    public var block: String
    public var at: Mark
}

public struct CriterionResult: Sendable {
    public var id: String
    public var group: String
    public var title: Localized
    public var outcome: Outcome
    /// The outcome before any waiver: what a waived criterion would otherwise be.
    public var underlying: Outcome
    public var checks: [CheckResult]
    public var missing: [MissingFact]
    public var remedies: [Remedy]
    public var waiver: Waiver?
    public var expiredWaiver: Waiver?
    /// Why the criterion is not evaluable for this unit.
    public var problem: EvaluationProblem?
    /// Facts the unit left out that could not change this verdict: it holds whatever they are.
    public var decidedWithout: [String] = []

    /// The comparisons that failed, each fact once. Guards (`when`) only decide whether a check
    /// applies, so they are left out.
    public var failing: [ComparisonResult] { comparisons(.failed) }

    /// The comparisons that explain the outcome: the failing ones, or when none failed the ones that held.
    public var decisive: [ComparisonResult] {
        let failed = failing
        return failed.isEmpty ? comparisons(.passed) : failed
    }

    private func comparisons(_ outcome: CheckOutcome) -> [ComparisonResult] {
        var seen: Set<String> = []
        return checks.flatMap(\.comparisons).filter { $0.outcome == outcome && seen.insert($0.fact).inserted }
    }
}

/// One unit's result: N/16, ready or not, each criterion, and what to fix.
public struct Scorecard: Sendable {
    public var file: String
    public var code: String?
    public var name: String?
    public var contact: String?
    public var asOf: Day?
    public var evaluatedOn: Day?
    public var results: [CriterionResult]

    public var passed: Int { count(.passed) }
    public var total: Int { results.count }
    public var ready: Bool { passed == total }

    /// Counted by index: filtering copied every criterion's result to count them.
    public func count(_ outcome: Outcome) -> Int {
        var n = 0
        for i in results.indices where results[i].outcome == outcome { n += 1 }
        return n
    }

    /// Remedies for criteria not met, in criterion order. A waiver excuses a failing check, never
    /// silence: a waived criterion keeps its "report the missing facts" remedy.
    public var remedies: [Remedy] {
        // In one list, not one per criterion joined: an audit asks this of every unit.
        var all: [Remedy] = []
        for result in results {
            switch result.outcome {
            case .passed: continue
            case .waived: for remedy in result.remedies where remedy.kind == .report { all.append(remedy) }
            default: all.append(contentsOf: result.remedies)
            }
        }
        return all
    }

    public var totalCost: Int { Money.sum(remedies.map(\.cost)) }

    public var expiredWaivers: [Waiver] { results.compactMap(\.expiredWaiver) }

    /// Why each not-evaluable criterion could not be computed.
    public var problems: [EvaluationProblem] {
        var out: [EvaluationProblem] = []
        for i in results.indices where results[i].outcome == .notEvaluable {
            if let problem = results[i].problem { out.append(problem) }
        }
        return out
    }
}
