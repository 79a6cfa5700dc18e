import Foundation
import YAMLTree

/// The facts of one unit and the day they are judged on; evaluates conditions and expressions
/// in three-valued logic. A fact the file leaves out is never guessed: it stands for every value
/// it could take, and a comparison is decided only when all of them give the same answer
/// (6 fuel hours fall short whatever the terrain); otherwise it is "not reported".
/// A class, made once per unit and shared by every criterion and by the requirements it
/// computes: copying the facts and the schema for each comparison was a fifth of an audit.
final class Context: Sendable {
    let facts: Facts
    let schema: FactsSchema
    let day: Day?

    /// Whether the facts are numbered as the criteria's schema numbers its fields, so that a
    /// comparison's `field` finds its fact (always, but for facts made with another schema).
    private let numbered: Bool

    init(facts: Facts, schema: FactsSchema, day: Day?) {
        self.facts = facts
        self.schema = schema
        self.day = day
        numbered = facts.values.numbering === schema.numbering
    }

    /// The unit's value of the comparison's fact, where it is written.
    private func written(_ c: Comparison) -> Located<FactValue>? {
        fact(c.fact, c.field)
    }

    /// The fact at `path`, field `number` of the criteria's schema: by number when the facts are numbered by that schema.
    private func fact(_ path: String, _ number: Int) -> Located<FactValue>? {
        numbered && number >= 0 ? facts.values[field: number] : facts[path]
    }

    /// A computed number (or the range it lies in) and the facts it lacked. How it reads
    /// ("⌈staffing.officials ÷ 5⌉", "⌈45 ÷ 5⌉") is written by `written(_:)`, only when shown.
    struct Value {
        var range: ValueRange
        var missing: [String]
        /// Set when the value cannot be computed at all, e.g. a division by zero.
        var problem: EvaluationProblem?

        var value: Decimal? { range.exact }
    }

    func evaluate(_ condition: Condition) -> (CheckOutcome, [ComparisonResult]) {
        var comparisons: [ComparisonResult] = []
        let outcome = evaluate(condition, into: &comparisons)
        return (outcome, comparisons)
    }

    /// The condition's outcome; every comparison it made is appended to `comparisons`, in order.
    func evaluate(_ condition: Condition, into comparisons: inout [ComparisonResult]) -> CheckOutcome {
        switch condition {
        case .compare(let comparison):
            let result = compare(comparison)
            comparisons.append(result)
            return result.outcome
        case .not(let inner):
            switch evaluate(inner, into: &comparisons) {
            case .passed: return .failed
            case .failed: return .passed
            case let outcome: return outcome
            }
        case .all(let parts):
            let outcomes = parts.map { evaluate($0, into: &comparisons) }
            // A definite failure decides; then a part that cannot be computed; then a missing fact.
            let outcome: CheckOutcome = outcomes.contains(.failed) ? .failed
                : outcomes.contains(.notEvaluable) ? .notEvaluable
                : outcomes.contains(.notReported) ? .notReported : .passed
            return outcome
        case .any(let parts):
            let outcomes = parts.map { evaluate($0, into: &comparisons) }
            let outcome: CheckOutcome = outcomes.contains(.passed) ? .passed
                : outcomes.contains(.notEvaluable) ? .notEvaluable
                : outcomes.contains(.notReported) ? .notReported : .failed
            return outcome
        }
    }

    private func compare(_ c: Comparison) -> ComparisonResult {
        let written = written(c)
        let observed = written?.value
        // The field is needed only for a fact left out: the values it could take.
        let field = observed == nil ? schema.field(c.fact) : nil
        // Where it is written: `facts.position(of:)`, without looking the fact up a second time.
        let at = written == nil || (!facts.supplied.isEmpty && facts.supplied.contains(c.fact)) ? nil : written?.start
        func result(_ requirement: Requirement, _ outcome: CheckOutcome, missing: [String] = [], problem: EvaluationProblem? = nil,
                    shortfall: ValueRange? = nil, daysAgo: Int? = nil) -> ComparisonResult {
            ComparisonResult(fact: c.fact, at: at, observed: observed, op: c.op, requirement: requirement, context: self,
                             outcome: outcome, missing: missing, problem: problem, shortfall: shortfall, daysAgo: daysAgo)
        }
        switch c.operand {
        case .value(let expected):
            let holds: (FactValue) -> Bool = { ($0 == expected) == (c.op == .is) }
            if let observed { return result(.value(expected), holds(observed) ? .passed : .failed) }
            return result(.value(expected), decided(possibleValues(field).map(holds)), missing: [c.fact])
        case .values(let list):
            let holds: (FactValue) -> Bool = { list.contains($0.display) == (c.op == .in) }
            if let observed { return result(.values(list), holds(observed) ? .passed : .failed) }
            return result(.values(list), decided(possibleValues(field).map(holds)), missing: [c.fact])
        case .days(let limit):
            var missing: [String] = []
            if observed == nil { missing.append(c.fact) }
            if day == nil { missing.append(schema.referenceDate) }
            guard missing.isEmpty, case .date(let date)? = observed, let day else { return result(.days(limit), .notReported, missing: missing) }
            let ago = day - date
            // "Within N days" looks back: a date after the evaluation day is not inside the window.
            return result(.days(limit), (0...limit).contains(ago) ? .passed : .failed, daysAgo: ago)
        case .expression(let expression):
            let computed = value(of: expression)
            // Its text and formula are written when a report shows them, not for every comparison of an audit.
            let requirement = Requirement.computed(ComputedRequirement(range: computed.range, expression: expression, context: self))
            if let problem = computed.problem { return result(requirement, .notEvaluable, problem: problem) }
            let observedRange = observed?.number.map(ValueRange.exact) ?? domain(field ?? schema.field(c.fact))
            // Every fact left out that this comparison read; the outcome says whether they mattered.
            let missing = observed == nil ? [c.fact] + computed.missing : computed.missing
            let outcome = Self.compare(observedRange, c.op, computed.range)
            var shortfall: ValueRange?
            if outcome == .failed {
                switch c.op {
                // The smallest whole addition that meets the requirement: ⌈required − observed⌉ …
                case .atLeast: shortfall = computed.range - observedRange
                // … or, for "more than", ⌊required − observed⌋ + 1.
                case .moreThan: shortfall = (computed.range - observedRange).map { x in (DecimalShortcuts.whole(x, up: false) ?? { var x = x; var r = Decimal(); NSDecimalRound(&r, &x, 0, .down); return r }()) + 1 }
                default: break
                }
            }
            return result(requirement, outcome, missing: missing, shortfall: shortfall)
        }
    }

    // MARK: Passing outright

    /// Whether every check of the criterion passes with every fact it reads written: its guard
    /// (`when`) false, or its requirement true. False means only "not outright": a check that
    /// fails, a fact left out or a requirement that cannot be computed is for `Evaluator` to work
    /// out in full. When true, the full working would find the criterion passed, with no remedy,
    /// no missing fact and no problem (a differential test holds the two together).
    func passesOutright(_ criterion: Criterion) -> Bool {
        for check in criterion.checks {
            if let when = check.when {
                switch holds(when) {
                case false?: continue
                case true?: break
                case nil: return false
                }
            }
            guard holds(check.require) == true else { return false }
        }
        return true
    }

    /// The condition's truth when every fact it reads is written and every number it computes is
    /// exact; nil otherwise. Each part is looked at, as `evaluate` does, so nothing is skipped that
    /// the full working would meet.
    private func holds(_ condition: Condition) -> Bool? {
        switch condition {
        case .compare(let comparison):
            return holds(comparison)
        case .not(let inner):
            return holds(inner).map { !$0 }
        case .all(let parts):
            var all = true
            for part in parts {
                guard let value = holds(part) else { return nil }
                all = all && value
            }
            return all
        case .any(let parts):
            var any = false
            for part in parts {
                guard let value = holds(part) else { return nil }
                any = any || value
            }
            return any
        }
    }

    private func holds(_ c: Comparison) -> Bool? {
        guard let observed = written(c)?.value else { return nil }
        switch c.operand {
        case .value(let expected):
            return (observed == expected) == (c.op == .is)
        case .values(let list):
            return list.contains(observed.display) == (c.op == .in)
        case .days(let limit):
            guard case .date(let date) = observed, let day else { return nil }
            return (0...limit).contains(day - date)
        case .expression(let expression):
            guard let required = exact(expression), let number = observed.number else { return nil }
            switch Self.compare(.exact(number), c.op, .exact(required)) {
            case .passed: return true
            case .failed: return false
            default: return nil
            }
        }
    }

    /// The expression's value when every fact it reads is written and it has no problem (no
    /// division by zero); nil otherwise, and whenever in doubt. The same arithmetic as
    /// `value(of:)` gives an exact range, without the ranges, lists of missing facts and problems
    /// it carries: most of a country's thresholds are worked out on passing criteria.
    private func exact(_ expression: Expression) -> Decimal? {
        let result: Decimal
        switch expression {
        case .constant(let n):
            result = n
        case .fact(let path, _, let field):
            guard let n = fact(path, field)?.value.number else { return nil }
            result = n
        case .ceil(let inner), .floor(let inner):
            guard var x = exact(inner) else { return nil }
            let up: Bool = { if case .ceil = expression { return true } else { return false } }()
            if let whole = DecimalShortcuts.whole(x, up: up) {
                result = whole
            } else {
                var rounded = Decimal()
                NSDecimalRound(&rounded, &x, 0, up ? .up : .down)
                result = rounded
            }
        case .add(let parts):
            guard var sum = parts.first.flatMap(exact) else { return nil }
            for part in parts.dropFirst() {
                guard let x = exact(part) else { return nil }
                sum = DecimalShortcuts.add(sum, x) ?? sum + x
            }
            result = sum
        case .subtract(let a, let b):
            guard let x = exact(a), let y = exact(b) else { return nil }
            result = DecimalShortcuts.add(x, y, negating: true) ?? x - y
        case .multiply(let parts):
            guard var product = parts.first.flatMap(exact) else { return nil }
            for part in parts.dropFirst() {
                guard let x = exact(part) else { return nil }
                product = product * x
            }
            result = product
        case .max(let parts), .min(let parts):
            var values: [Decimal] = []
            for part in parts {
                guard let x = exact(part) else { return nil }
                values.append(x)
            }
            let isMax: Bool = { if case .max = expression { return true } else { return false } }()
            guard let chosen = isMax ? values.max() : values.min() else { return nil }
            result = chosen
        case .divide(let a, let b):
            // A zero divisor is a problem the full working reports.
            guard let x = exact(a), let y = exact(b), !(DecimalShortcuts.lessOrEqual(y, 0) && DecimalShortcuts.lessOrEqual(0, y)) else { return nil }
            result = DecimalShortcuts.divide(x, y) ?? x / y
        case .byCase(let fact, _, let cases, let otherwise):
            guard let selector = facts[fact]?.value.display,
                  let chosen = cases.first(where: { $0.0 == selector })?.1 ?? otherwise else { return nil }
            return exact(chosen)
        }
        return result.isNaN ? nil : result
    }

    /// Decides `observed op required` when both may be ranges: passed or failed only when every
    /// pair of values agrees.
    static func compare(_ observed: ValueRange, _ op: Operator, _ required: ValueRange) -> CheckOutcome {
        func le(_ a: Decimal?, _ b: Decimal?) -> Bool { guard let a, let b else { return false }; return DecimalShortcuts.lessOrEqual(a, b) }
        func lt(_ a: Decimal?, _ b: Decimal?) -> Bool { guard let a, let b else { return false }; return DecimalShortcuts.less(a, b) }
        switch op {
        case .atLeast:
            if le(required.upper, observed.lower) { return .passed }
            if lt(observed.upper, required.lower) { return .failed }
        case .atMost:
            if le(observed.upper, required.lower) { return .passed }
            if lt(required.upper, observed.lower) { return .failed }
        case .moreThan:
            if lt(required.upper, observed.lower) { return .passed }
            if le(observed.upper, required.lower) { return .failed }
        case .lessThan:
            if lt(observed.upper, required.lower) { return .passed }
            if le(required.upper, observed.lower) { return .failed }
        default:
            if let o = observed.exact, let r = required.exact { return DecimalShortcuts.equal(o, r) ? .passed : .failed }
            if lt(observed.upper, required.lower) || lt(required.upper, observed.lower) { return .failed }
        }
        return .notReported
    }

    /// Passed or failed when every possible value agrees, else not reported.
    private func decided(_ outcomes: [Bool]) -> CheckOutcome {
        guard let first = outcomes.first, outcomes.allSatisfy({ $0 == first }) else { return .notReported }
        return first ? .passed : .failed
    }

    /// The values a left-out boolean or enum fact could take; empty for any other type.
    private func possibleValues(_ field: FactsSchema.Field?) -> [FactValue] {
        switch field?.type {
        case .boolean?: return [.boolean(true), .boolean(false)]
        case .enumeration(let values, _)?: return values.map(FactValue.text)
        default: return []
        }
    }

    /// The numbers a left-out numeric fact could take: its schema minimum up to the largest value a file may hold.
    private func domain(_ field: FactsSchema.Field?) -> ValueRange {
        ValueRange(lower: field?.minimum ?? 0, upper: ScalarReading.largest)
    }

    func value(of expression: Expression) -> Value {
        switch expression {
        case .constant(let n):
            return Value(range: .exact(n), missing: [])
        case .fact(let path, _, let field):
            if let n = fact(path, field)?.value.number {
                return Value(range: .exact(n), missing: [])
            }
            return Value(range: domain(schema.field(path)), missing: [path])
        case .ceil(let inner), .floor(let inner):
            let v = value(of: inner)
            let isCeil: Bool = { if case .ceil = expression { return true } else { return false } }()
            let rounded = v.range.map { x in
                if let whole = DecimalShortcuts.whole(x, up: isCeil) { return whole }
                var input = x
                var output = Decimal()
                NSDecimalRound(&output, &input, 0, isCeil ? .up : .down)
                return output
            }
            return Value(range: rounded, missing: v.missing, problem: v.problem)
        case .add(let parts): return combine(parts) { $0.dropFirst().reduce($0[0], +) }
        case .multiply(let parts): return combine(parts) { $0.dropFirst().reduce($0[0], *) }
        case .max(let parts): return function("max", parts, ValueRange.maximum)
        case .min(let parts): return function("min", parts, ValueRange.minimum)
        case .subtract(let a, let b): return combine([a, b]) { $0[0] - $0[1] }
        case .divide(let a, let b):
            let (x, y) = (value(of: a), value(of: b))
            var v = Value(range: y.range.containsZero ? .unbounded : x.range / y.range, missing: x.missing + y.missing,
                          problem: x.problem ?? y.problem)
            if v.problem == nil, y.range.exact == 0 {
                // Dividing by a reported zero has no answer: say so, never a silent blank.
                let (whole, divisor) = (written(expression).symbolic, written(b))
                v.problem = EvaluationProblem(
                    criterion: nil, message: Localized(vi: "chia cho 0 khi tính \(whole) (\(divisor.symbolic) = \(divisor.numeric) = 0)",
                                       en: "division by zero in \(whole) (\(divisor.symbolic) = \(divisor.numeric) = 0)"),
                    facts: Self.factsRead(by: b), file: nil, at: nil)
            }
            return v
        case .byCase(let fact, _, let cases, let otherwise):
            guard let selector = facts[fact]?.value.display else {
                // The threshold depends on a fact left out: it lies among every case it could choose.
                let values = caseOptions(fact, cases, otherwise).map(value(of:))
                return Value(range: .union(values.map(\.range)), missing: [fact] + values.flatMap(\.missing),
                             problem: values.compactMap(\.problem).first)
            }
            guard let chosen = cases.first(where: { $0.0 == selector })?.1 ?? otherwise else {
                return Value(range: .unbounded, missing: [fact])
            }
            return value(of: chosen)
        }
    }

    /// Every expression a `by` could choose when its fact is left out: each case, and `otherwise`
    /// when some value of the fact has no case of its own.
    private func caseOptions(_ fact: String, _ cases: [(String, Expression)], _ otherwise: Expression?) -> [Expression] {
        var options: [Expression] = cases.map(\.1)
        if case .enumeration(let values, _)? = schema.field(fact)?.type,
           let otherwise, values.contains(where: { value in !cases.contains { $0.0 == value } }) {
            options.append(otherwise)
        }
        return options
    }

    /// How an expression reads, with the fact paths (`symbolic`) and with the unit's numbers in
    /// their place (`numeric`): "⌈staffing.officials ÷ 5⌉" and "⌈45 ÷ 5⌉". A left-out fact reads "?".
    func written(_ expression: Expression) -> (symbolic: String, numeric: String) {
        switch expression {
        case .constant(let n):
            let text = NumberText.plain(n)
            return (text, text)
        case .fact(let path, _, let field):
            return (path, fact(path, field)?.value.number.map(NumberText.plain) ?? "?")
        case .ceil(let inner):
            let v = written(inner)
            return ("⌈" + v.symbolic + "⌉", "⌈" + v.numeric + "⌉")
        case .floor(let inner):
            let v = written(inner)
            return ("⌊" + v.symbolic + "⌋", "⌊" + v.numeric + "⌋")
        case .add(let parts): return joined(parts, " + ")
        case .multiply(let parts): return joined(parts, " × ")
        case .max(let parts): return called("max", parts)
        case .min(let parts): return called("min", parts)
        case .subtract(let a, let b): return joined([a, b], " − ")
        case .divide(let a, let b): return joined([a, b], " ÷ ")
        case .byCase(let fact, _, let cases, let otherwise):
            if let selector = facts[fact]?.value.display {
                guard let chosen = cases.first(where: { $0.0 == selector })?.1 ?? otherwise else { return (fact, "?") }
                let v = written(chosen)
                return ("\(v.symbolic) [\(fact) = \(selector)]", v.numeric)
            }
            let ranges = caseOptions(fact, cases, otherwise).map { value(of: $0).range }
            return ("[\(fact) = ?]", ValueRange.union(ranges).text)
        }
    }

    private func joined(_ parts: [Expression], _ symbol: String) -> (symbolic: String, numeric: String) {
        let texts = parts.map(written)
        return (texts.map(\.symbolic).joined(separator: symbol), texts.map(\.numeric).joined(separator: symbol))
    }

    private func called(_ name: String, _ parts: [Expression]) -> (symbolic: String, numeric: String) {
        let inner = joined(parts, ", ")
        return ("\(name)(\(inner.symbolic))", "\(name)(\(inner.numeric))")
    }

    /// The facts an expression reads, in order, each once.
    static func factsRead(by expression: Expression) -> [String] {
        var out: [String] = []
        func visit(_ e: Expression) {
            switch e {
            case .constant: break
            case .fact(let path, _, _): if !out.contains(path) { out.append(path) }
            case .ceil(let x), .floor(let x): visit(x)
            case .add(let xs), .multiply(let xs), .max(let xs), .min(let xs): xs.forEach(visit)
            case .subtract(let a, let b), .divide(let a, let b): visit(a); visit(b)
            case .byCase(let fact, _, let cases, let otherwise):
                if !out.contains(fact) { out.append(fact) }
                cases.forEach { visit($0.1) }
                otherwise.map(visit)
            }
        }
        visit(expression)
        return out
    }

    private func combine(_ parts: [Expression], _ apply: ([ValueRange]) -> ValueRange) -> Value {
        let values = parts.map(value(of:))
        return Value(range: apply(values.map(\.range)), missing: values.flatMap(\.missing),
                     problem: values.compactMap(\.problem).first)
    }

    private func function(_ name: String, _ parts: [Expression], _ apply: ([ValueRange]) -> ValueRange) -> Value {
        combine(parts, apply)
    }
}

/// A requirement computed from the facts, kept with what it takes to write it down: most
/// comparisons of an audit are never shown, so their text and formula are written on demand.
public struct ComputedRequirement: Sendable {
    public let range: ValueRange
    let expression: Expression
    let context: Context

    /// "9", "8–24", "≥ 1".
    public var text: String { range.text }

    /// "⌈staffing.officials ÷ 5⌉ = ⌈45 ÷ 5⌉ = 9", each step shown once; nil for a constant.
    public var formula: String? {
        let (symbolic, numeric) = context.written(expression)
        var steps: [String] = []
        for step in [symbolic, numeric, range.text] where steps.last != step { steps.append(step) }
        return steps.count > 1 ? steps.joined(separator: " = ") : nil
    }

    /// The formula with the unit's numbers only ("⌈45 ÷ 5⌉ = 9"), for people: no fact path in it.
    /// Nil for a constant, and when a fact it reads was left out.
    public var numericFormula: String? {
        let numeric = context.written(expression).numeric
        guard !numeric.contains("?"), numeric != range.text else { return nil }
        return numeric + " = " + range.text
    }

    /// The facts the requirement is computed from, in order.
    public var reads: [String] { Context.factsRead(by: expression) }
}
