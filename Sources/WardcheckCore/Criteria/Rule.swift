import Foundation
import YAMLTree

/// A number computed from facts: a threshold such as ⌈officials ÷ 5⌉, or a remedy's quantity.
public indirect enum Expression: Sendable {
    case constant(Decimal)
    /// A fact, with its number in the schema (`FactsSchema.index(of:)`, -1 when it has none):
    /// a unit's value is found by the number, with no path to hash.
    case fact(String, Mark, field: Int)
    case ceil(Expression)
    case floor(Expression)
    case add([Expression])
    case subtract(Expression, Expression)
    case multiply([Expression])
    case divide(Expression, Expression)
    case max([Expression])
    case min([Expression])
    /// A value that depends on an enum fact: fuel hours by `unit.terrain`, speed by `unit.type`.
    case byCase(fact: String, mark: Mark, cases: [(String, Expression)], otherwise: Expression?)
}

/// How a fact is compared. The words are the rule language's, as written in criteria files.
public enum Operator: String, Sendable, CaseIterable {
    case `is`, isNot = "is_not", `in`, notIn = "not_in"
    case atLeast = "at_least", atMost = "at_most", moreThan = "more_than", lessThan = "less_than", equals
    case withinDays = "within_days"

    public var isNumeric: Bool {
        switch self {
        case .atLeast, .atMost, .moreThan, .lessThan, .equals: return true
        default: return false
        }
    }

    /// The operator in words, for `explain`: "ít nhất" / "at least".
    public var words: Localized {
        switch self {
        case .is: return Localized(vi: "là", en: "is")
        case .isNot: return Localized(vi: "khác", en: "is not")
        case .in: return Localized(vi: "là một trong", en: "is one of")
        case .notIn: return Localized(vi: "không là một trong", en: "is none of")
        case .atLeast: return Localized(vi: "ít nhất", en: "at least")
        case .atMost: return Localized(vi: "nhiều nhất", en: "at most")
        case .moreThan: return Localized(vi: "lớn hơn", en: "more than")
        case .lessThan: return Localized(vi: "nhỏ hơn", en: "less than")
        case .equals: return Localized(vi: "bằng", en: "equal to")
        case .withinDays: return Localized(vi: "trong vòng", en: "within")
        }
    }

    /// The symbol when the comparison holds, and when it does not ("≥" / "<").
    public var symbols: (holds: String, fails: String) {
        switch self {
        case .is, .equals: return ("=", "≠")
        case .isNot: return ("≠", "=")
        case .in: return ("∈", "∉")
        case .notIn: return ("∉", "∈")
        case .atLeast: return ("≥", "<")
        case .atMost: return ("≤", ">")
        case .moreThan: return (">", "≤")
        case .lessThan: return ("<", "≥")
        case .withinDays: return ("≤", ">")
        }
    }
}

public enum Operand: Sendable {
    case value(FactValue)
    case values([String])
    case expression(Expression)
    case days(Int)
}

/// One comparison of one fact, as written: `{ fact: power.generator.capacity_kva, at_least: 5 }`.
public struct Comparison: Sendable {
    public var fact: String
    public var mark: Mark
    public var op: Operator
    public var operand: Operand
    /// The fact's number in the schema (`FactsSchema.numbering`), so a unit's value is found
    /// without hashing its path; -1 when not known, and the path is looked up instead.
    public var field: Int = -1
}

public indirect enum Condition: Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case compare(Comparison)

    /// The single comparison this condition is, if it is one (used for `quantity: shortfall`).
    public var comparison: Comparison? {
        if case .compare(let c) = self { return c }
        return nil
    }
}

/// What to do when a check fails: buy an item, or take an action, with a quantity and a text.
public struct RemedySpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case item(String)
        case action(String)
    }

    public enum Quantity: Sendable {
        case shortfall
        case expression(Expression)
    }

    public var kind: Kind
    public var quantity: Quantity?
    public var text: Localized
    public var who: Localized?
    public var mark: Mark
    /// The role key of `who`, when the remedy names its own responsible party.
    public var role: String?
}

/// One check of a criterion. An immutable class: every unit's evaluation walks every check,
/// and copying the struct (its strings, conditions and remedy) for each was a retain and a
/// release of every one of them.
public final class Check: Sendable {
    public let id: String
    public let title: Localized?
    public let when: Condition?
    public let require: Condition
    public let remedy: RemedySpec
    public let mark: Mark

    public init(id: String, title: Localized?, when: Condition?, require: Condition, remedy: RemedySpec, mark: Mark) {
        self.id = id
        self.title = title
        self.when = when
        self.require = require
        self.remedy = remedy
        self.mark = mark
    }
}

/// A small facts snippet with the outcome it must produce: the criterion's own tests.
public struct Example: Sendable {
    public struct ExpectedRemedy: Sendable, Equatable {
        public var kind: RemedySpec.Kind?
        public var quantity: Int?
        public var isReport: Bool
    }

    public var name: String?
    public var facts: YAMLNode
    public var expect: Outcome
    public var remedies: [ExpectedRemedy]?
    public var mark: Mark
}

/// One criterion, compiled: every fact, operator and item already checked against the schema.
public struct Criterion: Sendable {
    public var id: String
    public var group: String
    public var title: Localized
    public var rationale: Localized
    public var source: String
    public var checks: [Check]
    public var examples: [Example]
    public var file: String
    /// Every fact the criterion reads, in order of first use.
    public var facts: [String]
}
