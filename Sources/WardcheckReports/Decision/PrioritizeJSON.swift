import Foundation
import WardcheckCore

/// `prioritize --format json`, schema `wardcheck.prioritize/1` (docs/json.md). Keys are stable;
/// amounts are whole đồng; names are in the report's language.
public enum PrioritizeJSON {
    public static let schema = "wardcheck.prioritize/1"

    public static func render(_ p: Prioritization, _ audit: Audit, language: Language) -> String {
        document(p, audit, language: language).serialised()
    }

    public static func document(_ p: Prioritization, _ audit: Audit, language: Language) -> JSON {
        let w = { (words: Localized) in JSON.string(words.text(language)) }
        func purchases(_ needs: [Audit.Need]) -> JSON {
            .array(needs.map { need in
                let task = audit.tasks[Int(need.index)]
                let unitCost = task.unitCost ?? 0
                return .object([("item", .string(task.key)), ("name", w(task.name)), ("role", .string(task.role)), ("who", w(task.who)),
                                ("quantity", .int(Int(need.quantity))), ("unit_cost", .int(unitCost)),
                                ("total", .int(Money.times(unitCost, Int(need.quantity))))])
            })
        }
        func actions(_ needs: [Audit.Need]) -> JSON {
            .array(needs.map { need in
                let task = audit.tasks[Int(need.index)]
                return .object([("action", .string(task.key)), ("name", w(task.name)), ("role", .string(task.role)), ("who", w(task.who)),
                                ("quantity", .int(Int(need.quantity)))])
            })
        }
        func unit(_ r: Int) -> [(String, JSON)] {
            [("code", .string(audit.rows[r].code)), ("name", .string(audit.rows[r].name)), ("passed", .int(audit.rows[r].passed))]
        }
        func ids(_ obstacles: [Prioritization.Obstacle], _ pick: (Prioritization.Obstacle) -> [String]?) -> JSON {
            .array(obstacles.compactMap(pick).flatMap { $0 }.map(JSON.string))
        }
        return .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("evaluated_on", .optional(audit.evaluatedOn?.description)),
            ("criteria_count", .int(audit.criteriaCount)),
            ("criteria_set", AuditJSON.criteriaSet(audit.criteriaSet)),
            ("budget", .int(p.budget)),
            ("budget_for", .object(p.shares.keys.sorted().map { ($0, .int(p.shares[$0] ?? 0)) })),
            ("spent", .int(p.spent)),
            ("left", .int(p.left)),
            ("spent_on_units", .int(p.spentOnUnits)),
            ("spent_on_criteria", .int(p.spentOnCriteria)),
            ("spent_by", .object(p.spentBy.keys.sorted().map { ($0, .int(p.spentBy[$0] ?? 0)) })),
            ("ready_before", .int(p.readyBefore)),
            ("ready_after", .int(p.readyAfter)),
            ("units", .array(p.units.map { u in
                .object(unit(u.row) + [("cost", .int(u.cost)), ("purchases", purchases(u.purchases)), ("actions", actions(u.actions))])
            })),
            ("criteria_funded", .array(p.criteria.map { c in
                .object(unit(c.row) + [("criterion", .string(audit.criteria[c.criterion].id)), ("title", w(audit.criteria[c.criterion].title)),
                                       ("cost", .int(c.cost)), ("purchases", purchases(c.purchases)), ("actions", actions(c.actions))])
            })),
            ("waiting", .array(p.waiting.map { u in .object(unit(u.row) + [("cost", .int(u.cost))]) })),
            ("blocked", .array(p.blocked.map { b in
                .object(unit(b.row) + [
                    ("not_reported", ids(b.obstacles) { if case .notReported(let x) = $0 { return x } else { return nil } }),
                    ("not_evaluable", ids(b.obstacles) { if case .notEvaluable(let x) = $0 { return x } else { return nil } }),
                    ("waived", ids(b.obstacles) { if case .waived(let x) = $0 { return x } else { return nil } }),
                    ("must_report", ids(b.obstacles) { if case .mustReport(let x) = $0 { return x } else { return nil } }),
                    ("unpriced", ids(b.obstacles) { if case .unpriced(let x) = $0 { return x } else { return nil } }),
                    ("why", .string(b.obstacles.map { PrioritizeDocument.why($0, audit, language) }.joined(separator: "; "))),
                ])
            })),
        ])
    }
}
