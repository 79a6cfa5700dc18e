import Foundation
import WardcheckCore

/// `diff --format json`, schema `wardcheck.diff/1` (docs/json.md).
public enum DiffJSON {
    public static let schema = "wardcheck.diff/1"

    public static func render(_ diff: AuditDiff, language: Language) -> String {
        document(diff, language: language).serialised()
    }

    static func readyChange(_ r: AuditDiff.ReadyChange) -> JSON {
        .object([
            ("code", .string(r.code)),
            ("name", .string(r.name)),
            ("before", .string(r.before.rawValue)),
            ("after", .string(r.after.rawValue)),
            ("passed_before", .optional(r.passedBefore)),
            ("passed_after", .optional(r.passedAfter)),
            ("criteria", .array(r.criteria.map(JSON.string))),
        ])
    }

    public static func document(_ diff: AuditDiff, language: Language) -> JSON {
        let summary = DiffSummary(diff)
        func value(_ text: String?) -> JSON { text.map(JSON.number) ?? .null }
        func side(_ s: AuditDiff.Side, _ pick: (DiffSummary.Row) -> DiffSummary.Value?) -> JSON {
            .object([
                ("source", .string(s.source)),
                ("province", .optional(s.province)),
                ("evaluated_on", .optional(s.evaluatedOn?.description)),
                ("criteria", .int(s.criteria)),
                ("criteria_set", AuditJSON.criteriaSet(s.criteriaSet)),
            ] + summary.rows.map { ($0.key, value(DiffSummary.Row.plain(pick($0)))) })
        }
        return .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("before", side(diff.old) { $0.before }),
            ("after", side(diff.new) { $0.after }),
            ("change", .object(summary.rows.map { ($0.key, value($0.plainChange)) })),
            ("became_ready", .array(diff.becameReady.map(readyChange))),
            ("stopped_ready", .array(diff.stoppedReady.map(readyChange))),
            ("units", .array(diff.units.map { u in
                .object([
                    ("code", .string(u.code)),
                    ("name", .string(u.name)),
                    ("passed_before", .int(u.passedBefore)),
                    ("passed_after", .int(u.passedAfter)),
                    ("total_before", .int(u.totalBefore)),
                    ("total_after", .int(u.totalAfter)),
                    ("ready_before", .bool(u.readyBefore)),
                    ("ready_after", .bool(u.readyAfter)),
                    ("gained", .array(u.gained.map(JSON.string))),
                    ("lost", .array(u.lost.map(JSON.string))),
                    ("transitions", .array(u.transitions.map { t in
                        .object([("criterion", .string(t.criterion)), ("before", .optional(t.before)), ("after", .optional(t.after))])
                    })),
                    ("cost_before", .int(u.costBefore)),
                    ("cost_after", .int(u.costAfter)),
                ])
            })),
            ("criteria", .array(diff.criteria.map { c in
                .object([
                    ("id", .string(c.id)),
                    ("group", .string(c.group)),
                    ("title", .string(c.title.text(language))),
                    ("passed_before", .optional(c.passedBefore)),
                    ("passed_after", .optional(c.passedAfter)),
                    ("change", .optional(c.change)),
                    ("gained", .array(c.gained.map(JSON.string))),
                    ("lost", .array(c.lost.map(JSON.string))),
                ])
            })),
            ("submissions", .array(diff.movements.map { m in
                .object([
                    ("code", .string(m.code)),
                    ("name", .string(m.name)),
                    ("before", .string(m.before.rawValue)),
                    ("after", .string(m.after.rawValue)),
                    ("passed_before", .optional(m.passedBefore)),
                    ("passed_after", .optional(m.passedAfter)),
                    ("cost_before", .optional(m.costBefore)),
                    ("cost_after", .optional(m.costAfter)),
                ])
            })),
            ("plan", .object([
                ("items", .array(diff.plan.map { p in
                    .object([
                        ("item", .string(p.item)),
                        ("name", .string(p.name.text(language))),
                        ("quantity_before", .int(p.quantityBefore)),
                        ("quantity_after", .int(p.quantityAfter)),
                        ("total_before", .int(p.totalBefore)),
                        ("total_after", .int(p.totalAfter)),
                        ("change", .int(p.change)),
                    ])
                })),
                ("total_before", .int(diff.old.totalCost)),
                ("total_after", .int(diff.new.totalCost)),
                ("change", .int(diff.costChange)),
            ])),
        ])
    }
}
