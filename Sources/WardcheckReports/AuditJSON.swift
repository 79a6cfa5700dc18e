import Foundation
import WardcheckCore

/// `audit --format json`, schema `wardcheck.audit/1` (docs/json.md): everything the text shows,
/// with each unit's outcomes keyed by criterion id, its remedies and its cost.
public enum AuditJSON {
    public static let schema = "wardcheck.audit/1"

    public static func render(_ audit: Audit, language: Language) -> String {
        document(audit, language: language).serialised()
    }

    public static func document(_ audit: Audit, language: Language) -> JSON {
        let layout = AuditLayout(audit)
        let ranks = AuditLayout.ranks(audit.rows)
        return .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("province", .optional(audit.province)),
            ("roster_file", .optional(audit.rosterFile)),
            ("evaluated_on", .optional(audit.evaluatedOn?.description)),
            ("stale_after_days", .int(audit.staleAfterDays)),
            ("summary", .object([
                ("roster_units", .optional(audit.rosterSize)),
                ("files", .int(audit.files)),
                ("valid", .int(audit.valid)),
                ("invalid", .int(audit.invalid.count)),
                ("not_submitted", audit.rosterSize == nil ? .null : .int(audit.notSubmitted.count)),
                ("ready", .int(audit.ready)),
                ("stale", .int(audit.stale)),
                ("not_evaluable", .int(audit.tallies.reduce(0) { $0 + $1.notEvaluable })),
                ("not_ready", .int(audit.valid - audit.ready)),
                ("incomplete", .int(audit.incomplete)),
                ("with_waivers", .int(audit.withWaivers)),
                ("criteria", .int(audit.criteriaCount)),
                ("mean_passed", .number(String(format: "%.2f", audit.meanPassed))),
                ("audit_errors", .int(audit.diagnostics.filter(\.isError).count)),
                ("total_cost", .int(audit.grandTotal)),
            ])),
            ("criteria", .array(audit.criteria.map { c in
                .object([("id", .string(c.id)), ("group", .string(c.group)), ("title", .string(c.title.text(language)))])
            })),
            ("groups", .array(layout.groups.map { g in
                .object([("key", .string(g.key)), ("label", .string(g.label.text(language))), ("criteria", .array(g.columns.map { .string($0.id) }))])
            })),
            ("tallies", .array(audit.tallies.map { t in
                .object([
                    ("id", .string(t.id)),
                    ("group", .string(t.group)),
                    ("title", .string(t.title.text(language))),
                    ("passed", .int(t.passed)),
                    ("failed", .int(t.failed)),
                    ("not_reported", .int(t.notReported)),
                    ("not_evaluable", .int(t.notEvaluable)),
                    ("waived", .int(t.waived)),
                    ("blocking", .int(t.blocking)),
                ])
            })),
            ("units", .array(zip(audit.rows, ranks).map { row, rank in unit(row, rank: rank, audit: audit, layout: layout, language) })),
            ("not_submitted", .array(audit.notSubmitted.map { u in
                .object([
                    ("code", .string(u.code)),
                    ("name", .string(u.name)),
                    ("roster", .object(u.attributes.map { ($0.key, .string($0.value)) })),
                ])
            })),
            ("invalid", .array(audit.invalid.map { i in
                .object([
                    ("file", .string(i.file)),
                    ("code", .optional(i.code)),
                    ("error_count", .int(i.errorCount)),
                    ("first_errors", .array(i.firstErrors.map { ValidationJSON.diagnostic($0, language) })),
                ])
            })),
            ("diagnostics", .array(audit.diagnostics.map { ValidationJSON.diagnostic($0, language) })),
            ("plan", .object([
                ("items", .array(audit.plan.map { planLine($0, audit, language) })),
                ("total", .int(audit.grandTotal)),
            ])),
            ("actions", .array(audit.actions.map { actionLine($0, audit, language) })),
            ("parties", .array(audit.parties.map { party in
                .object([
                    ("role", .string(party.role)),
                    ("who", .string(party.who.text(language))),
                    ("units", .int(party.units)),
                    ("total", .int(party.total)),
                    ("items", .array(party.plan.map { planLine(audit.plan[$0], audit, language) })),
                    ("actions", .array(party.actions.map { actionLine(audit.actions[$0], audit, language) })),
                ])
            })),
        ])
    }

    private static func planLine(_ p: Audit.PlanLine, _ audit: Audit, _ language: Language) -> JSON {
        .object([
            ("item", .string(p.item)),
            ("name", .string(p.name.text(language))),
            ("role", .string(p.role)),
            ("who", .string(p.who.text(language))),
            ("unit_cost", .int(p.unitCost)),
            ("quantity", .int(p.quantity)),
            ("units", .int(p.units)),
            ("unpriced_units", .int(p.unpricedUnits)),
            ("total", .int(p.total)),
            ("by_unit", byUnit(p.shares, audit, unitCost: p.unitCost)),
        ])
    }

    private static func actionLine(_ a: Audit.ActionLine, _ audit: Audit, _ language: Language) -> JSON {
        .object([
            ("key", .string(a.key)),
            ("name", .string(a.name.text(language))),
            ("role", .string(a.role)),
            ("who", .string(a.who.text(language))),
            ("count", .int(a.count)),
            ("quantity", .int(a.quantity)),
            ("units", .int(a.units)),
            ("by_unit", byUnit(a.shares, audit, unitCost: nil)),
        ])
    }

    /// `[{code, quantity[, cost]}]` by unit code.
    private static func byUnit(_ shares: [Audit.Need], _ audit: Audit, unitCost: Int?) -> JSON {
        .array(shares.sorted { audit.rows[Int($0.index)].code < audit.rows[Int($1.index)].code }.map { share in
            var fields: [(String, JSON)] = [("code", .string(audit.rows[Int(share.index)].code)), ("quantity", .int(Int(share.quantity)))]
            if let unitCost { fields.append(("cost", .int(Money.times(unitCost, Int(share.quantity))))) }
            return .object(fields)
        })
    }

    /// A unit's needs summed by catalogue key (whoever is responsible), keys in alphabetical order.
    private static func totals(_ row: Audit.Row, _ audit: Audit, kinds: Set<Audit.Task.Kind>, _ value: KeyPath<Audit.Need, Int32>) -> [(String, JSON)] {
        var sums: [String: Int] = [:]
        for need in row.needs {
            let task = audit.tasks[Int(need.index)]
            if kinds.contains(task.kind) { sums[task.key, default: 0] += Int(need[keyPath: value]) }
        }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }
    }

    static func unit(_ row: Audit.Row, rank: Int, audit: Audit, layout: AuditLayout, _ language: Language) -> JSON {
        .object([
            ("rank", .int(rank)),
            ("code", .string(row.code)),
            ("name", .string(row.name)),
            ("file", .string(row.file)),
            ("contact", .optional(row.contact)),
            ("expired_waivers", .array(row.expiredWaivers.map(JSON.string))),
            ("facts_date", .optional(row.asOf?.description)),
            ("stale", .bool(row.stale)),
            ("passed", .int(row.passed)),
            ("total", .int(audit.criteriaCount)),
            ("ready", .bool(row.ready)),
            ("outcomes", .object(audit.criteria.enumerated().map { i, c in
                (c.id, i < row.outcomes.count ? .string(row.outcomes[i].rawValue) : .null)
            })),
            ("group_passed", .object(zip(layout.groups, layout.subtotals(row)).map { ($0.key, .int($1)) })),
            ("cost", .int(row.cost)),
            ("purchases", .object(totals(row, audit, kinds: [.item], \.quantity))),
            ("actions", .object(totals(row, audit, kinds: [.action, .report], \.remedies))),
            ("remedies", .array(row.remedies.map { ScorecardJSON.remedy($0, language) })),
            ("unpriced", .array(row.unpriced.map(JSON.string))),
            ("problems", .array(row.problems.map { ScorecardJSON.problem($0, language) })),
        ])
    }
}
