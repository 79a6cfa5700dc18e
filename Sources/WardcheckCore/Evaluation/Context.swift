import Foundation
import YAMLTree

/// The facts of one unit and the day they are judged on; evaluates conditions and expressions
/// in three-valued logic: a condition on an absent fact is "not reported", never a guess.
struct Context {
    let facts: Facts
    let schema: FactsSchema
    let day: Day?

    /// A computed number, what it was computed from, and written two ways for the trace.
    struct Value {
        var value: Decimal?
        var missing: [String]
        var symbolic: String
        var numeric: String
    }

    func evaluate(_ condition: Condition) -> (CheckOutcome, [ComparisonResult]) {
        switch condition {
        case .compare(let comparison):
            let result = compare(comparison)
            return (result.outcome, [result])
        case .not(let inner):
            let (outcome, comparisons) = evaluate(inner)
            switch outcome {
            case .passed: return (.failed, comparisons)
            case .failed: return (.passed, comparisons)
            default: return (outcome, comparisons)
            }
        case .all(let parts):
            let results = parts.map(evaluate)
            let outcomes = results.map(\.0)
            let outcome: CheckOutcome = outcomes.contains(.failed) ? .failed : outcomes.contains(.notReported) ? .notReported : .passed
            return (outcome, results.flatMap(\.1))
        case .any(let parts):
            let results = parts.map(evaluate)
            let outcomes = results.map(\.0)
            let outcome: CheckOutcome = outcomes.contains(.passed) ? .passed : outcomes.contains(.notReported) ? .notReported : .failed
            return (outcome, results.flatMap(\.1))
        }
    }

    private func compare(_ c: Comparison) -> ComparisonResult {
        let field = schema.field(c.fact)
        var result = ComparisonResult(fact: c.fact, at: facts[c.fact]?.start, observed: facts[c.fact]?.value, op: c.op,
                                      required: "", formula: nil, unit: field?.unit, outcome: .notReported, missing: [])
        switch c.operand {
        case .value(let expected):
            result.required = expected.display
            guard let observed = result.observed else { return absent(result, [c.fact]) }
            let equal = observed == expected
            result.outcome = (c.op == .is) == equal ? .passed : .failed
        case .values(let list):
            result.required = "{" + list.joined(separator: ", ") + "}"
            guard let observed = result.observed else { return absent(result, [c.fact]) }
            let member = list.contains(observed.display)
            result.outcome = (c.op == .in) == member ? .passed : .failed
        case .days(let limit):
            result.required = "\(limit)"
            var missing: [String] = []
            if result.observed == nil { missing.append(c.fact) }
            if day == nil { missing.append(schema.referenceDate) }
            guard missing.isEmpty, case .date(let date)? = result.observed, let day else { return absent(result, missing) }
            let ago = day - date
            result.daysAgo = ago
            // "Within N days" looks back: a date after the evaluation day is not inside the window.
            result.outcome = (0...limit).contains(ago) ? .passed : .failed
        case .expression(let expression):
            let computed = value(of: expression)
            result.required = computed.value.map(NumberText.plain) ?? "?"
            // "⌈staffing.officials ÷ 5⌉ = ⌈45 ÷ 5⌉ = 9", each step shown once; nothing for a constant.
            var steps: [String] = []
            for step in [computed.symbolic, computed.numeric, computed.value.map(NumberText.plain)].compactMap({ $0 })
            where steps.last != step { steps.append(step) }
            if steps.count > 1 { result.formula = steps.joined(separator: " = ") }
            var missing = computed.missing
            if result.observed == nil { missing.insert(c.fact, at: 0) }
            guard missing.isEmpty, let observed = result.observed?.number, let required = computed.value else { return absent(result, missing) }
            let holds: Bool
            switch c.op {
            case .atLeast: holds = observed >= required
            case .atMost: holds = observed <= required
            case .moreThan: holds = observed > required
            case .lessThan: holds = observed < required
            default: holds = observed == required
            }
            result.outcome = holds ? .passed : .failed
            if !holds, c.op == .atLeast { result.shortfall = required - observed }
            if !holds, c.op == .moreThan { result.shortfall = required - observed + 1 }
        }
        return result
    }

    private func absent(_ result: ComparisonResult, _ missing: [String]) -> ComparisonResult {
        var r = result
        r.outcome = .notReported
        r.missing = missing
        return r
    }

    func value(of expression: Expression) -> Value {
        switch expression {
        case .constant(let n):
            let text = NumberText.plain(n)
            return Value(value: n, missing: [], symbolic: text, numeric: text)
        case .fact(let path, _):
            let n = facts[path]?.value.number
            return Value(value: n, missing: n == nil ? [path] : [], symbolic: path, numeric: n.map(NumberText.plain) ?? "?")
        case .ceil(let inner), .floor(let inner):
            let v = value(of: inner)
            let isCeil: Bool = { if case .ceil = expression { return true } else { return false } }()
            let (open, close) = isCeil ? ("⌈", "⌉") : ("⌊", "⌋")
            var rounded: Decimal?
            if var input = v.value {
                var output = Decimal()
                NSDecimalRound(&output, &input, 0, isCeil ? .up : .down)
                rounded = output
            }
            return Value(value: rounded, missing: v.missing, symbolic: open + v.symbolic + close, numeric: open + v.numeric + close)
        case .add(let parts): return combine(parts, " + ") { $0.reduce(0, +) }
        case .multiply(let parts): return combine(parts, " × ") { $0.reduce(1, *) }
        case .max(let parts): return function("max", parts) { $0.max()! }
        case .min(let parts): return function("min", parts) { $0.min()! }
        case .subtract(let a, let b): return combine([a, b], " − ") { $0[0] - $0[1] }
        case .divide(let a, let b):
            return combine([a, b], " ÷ ") { $0[1] == 0 ? nil : $0[0] / $0[1] }
        case .byCase(let fact, _, let cases, let otherwise):
            guard let selector = facts[fact]?.value.display else {
                return Value(value: nil, missing: [fact], symbolic: fact, numeric: "?")
            }
            guard let chosen = cases.first(where: { $0.0 == selector })?.1 ?? otherwise else {
                return Value(value: nil, missing: [fact], symbolic: fact, numeric: "?")
            }
            let v = value(of: chosen)
            return Value(value: v.value, missing: v.missing, symbolic: "\(v.symbolic) [\(fact) = \(selector)]", numeric: v.numeric)
        }
    }

    private func combine(_ parts: [Expression], _ symbol: String, _ apply: ([Decimal]) -> Decimal?) -> Value {
        let values = parts.map(value(of:))
        let numbers = values.compactMap(\.value)
        let result = numbers.count == values.count ? apply(numbers) : nil
        return Value(value: result, missing: values.flatMap(\.missing),
                     symbolic: values.map(\.symbolic).joined(separator: symbol),
                     numeric: values.map(\.numeric).joined(separator: symbol))
    }

    private func function(_ name: String, _ parts: [Expression], _ apply: ([Decimal]) -> Decimal?) -> Value {
        let inner = combine(parts, ", ", apply)
        return Value(value: inner.value, missing: inner.missing, symbolic: "\(name)(\(inner.symbolic))", numeric: "\(name)(\(inner.numeric))")
    }
}
