import Foundation

/// Which questions apply to a unit, read from the criteria's own `when` guards, so the form can
/// leave out what does not apply ("no generator" → no capacity, fuel or test date) without any
/// Swift naming a fact. A fact is asked only when a condition holds if every rule that judges it
/// does so under that same guard, and nothing else needs it:
///
/// - a fact read to compute a threshold or a quantity (terrain, officials) is needed whatever;
/// - a fact a guard or a cross-field rule reads is needed whatever;
/// - a required fact is always asked;
/// - a fact no criterion judges is asked (the office may still want to record it).
public struct Applicability: Sendable {
    /// The answer that makes a question apply: the guard's fact, and the values it may hold.
    public struct Condition: Sendable, Equatable {
        public var fact: String
        /// The values, as the file writes them, for which the question applies.
        public var values: [String]
    }

    /// By fact path, the condition under which it is asked; a fact not here is always asked.
    public let conditions: [String: Condition]

    public func condition(for path: String) -> Condition? { conditions[path] }

    init(criteria: [Criterion], schema: FactsSchema) {
        // For each fact: the guards it is judged under (nil: judged or needed without one).
        var uses: [String: [Condition?]] = [:]
        func needed(_ path: String) { uses[path, default: []].append(nil) }
        for criterion in criteria {
            for check in criterion.checks {
                let guarded = check.when.flatMap { Self.simple($0, schema) }
                if let when = check.when { Self.visit(when, subject: { needed($0) }, expression: { Context.factsRead(by: $0).forEach(needed) }) }
                Self.visit(check.require,
                           subject: { uses[$0, default: []].append(guarded) },
                           expression: { Context.factsRead(by: $0).forEach(needed) })
                if case .expression(let e)? = check.remedy.quantity { Context.factsRead(by: e).forEach(needed) }
            }
        }
        for bound in schema.bounds { needed(bound.fact); needed(bound.atMost) }
        var conditions: [String: Condition] = [:]
        for (path, guards) in uses {
            guard let first = guards.first, let condition = first, condition.fact != path,
                  schema.field(path)?.required == false,
                  guards.allSatisfy({ $0 == condition }) else { continue }
            conditions[path] = condition
        }
        self.conditions = conditions
    }

    /// A guard the form can decide by itself: one comparison of a yes-or-no or a choice with values.
    private static func simple(_ condition: WardcheckCore.Condition, _ schema: FactsSchema) -> Condition? {
        guard case .compare(let c) = condition, let field = schema.field(c.fact) else { return nil }
        let all: [String]
        switch field.type {
        case .boolean: all = ["true", "false"]
        case .enumeration(let values, _): all = values
        default: return nil
        }
        let listed: [String]
        switch c.operand {
        case .value(let v): listed = [v.display]
        case .values(let list): listed = list
        default: return nil
        }
        switch c.op {
        case .is, .in: return Condition(fact: c.fact, values: listed)
        case .isNot, .notIn: return Condition(fact: c.fact, values: all.filter { !listed.contains($0) })
        default: return nil
        }
    }

    /// Every comparison's subject, and every expression a comparison computes its requirement from.
    private static func visit(_ condition: WardcheckCore.Condition, subject: (String) -> Void, expression: (Expression) -> Void) {
        switch condition {
        case .all(let parts), .any(let parts): parts.forEach { visit($0, subject: subject, expression: expression) }
        case .not(let inner): visit(inner, subject: subject, expression: expression)
        case .compare(let c):
            subject(c.fact)
            if case .expression(let e) = c.operand { expression(e) }
        }
    }
}
