import WardcheckCore

/// `whatif --format json`, schema `wardcheck.whatif/1` (docs/json.md): the members
/// (`ready_before`, `ready_after`, `cost_before`, `cost_after`, `changed`) first, then the
/// criteria the proposal changes, the plan item by item and per party.
public enum WhatIfJSON {
    public static let schema = "wardcheck.whatif/1"

    public static func render(_ whatIf: WhatIf, language: Language) -> String {
        document(whatIf, language: language).serialised()
    }

    public static func document(_ whatIf: WhatIf, language: Language) -> JSON {
        let diff = whatIf.diff
        func strings(_ list: [String]) -> JSON { .array(list.map(JSON.string)) }
        func side(_ s: AuditDiff.Side) -> JSON {
            .object([("criteria_folder", .string(s.source)), ("criteria_set", AuditJSON.criteriaSet(s.criteriaSet)), ("criteria", .int(s.criteria)), ("valid", .int(s.valid)),
                     ("invalid", .int(s.invalid)), ("ready", .int(s.ready)), ("total_cost", .int(s.totalCost))])
        }
        return .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("province", .optional(diff.new.province)),
            ("evaluated_on", .optional(diff.new.evaluatedOn?.description)),
            ("ready_before", .int(whatIf.readyBefore)),
            ("ready_after", .int(whatIf.readyAfter)),
            ("cost_before", .int(whatIf.costBefore)),
            ("cost_after", .int(whatIf.costAfter)),
            ("changed", .array(whatIf.units.map { u in
                .object([
                    ("code", .string(u.code)),
                    ("name", .string(u.name)),
                    ("gained", strings(u.gained)),
                    ("lost", strings(u.lost)),
                    ("new_not_met", strings(u.newNotMet)),
                    ("dropped_not_met", strings(u.droppedNotMet)),
                    ("passed_before", .int(u.passedBefore)),
                    ("passed_after", .int(u.passedAfter)),
                    ("ready_before", .bool(u.readyBefore)),
                    ("ready_after", .bool(u.readyAfter)),
                    ("cost_before", .int(u.costBefore)),
                    ("cost_after", .int(u.costAfter)),
                ])
            })),
            ("fall_back", strings(whatIf.fallBack.map(\.code))),
            ("come_forward", strings(whatIf.comeForward.map(\.code))),
            ("current", side(diff.old)),
            ("proposed", side(diff.new)),
            ("criteria_added", strings(whatIf.added)),
            ("criteria_dropped", strings(whatIf.dropped)),
            ("criteria_revised", strings(whatIf.revised)),
            ("waivers_dropped", .int(whatIf.waiversDropped)),
            ("criteria", .array(diff.criteria.map { c in
                .object([
                    ("id", .string(c.id)),
                    ("title", .string(c.title.text(language))),
                    ("passed_before", .optional(c.passedBefore)),
                    ("passed_after", .optional(c.passedAfter)),
                    ("gained", strings(c.gained)),
                    ("lost", strings(c.lost)),
                ])
            })),
            ("submissions", .array(diff.movements.map { m in
                .object([("code", .string(m.code)), ("name", .string(m.name)), ("before", .string(m.before.rawValue)), ("after", .string(m.after.rawValue))])
            })),
            ("plan", .array(diff.plan.map { p in
                .object([
                    ("item", .string(p.item)),
                    ("name", .string(p.name.text(language))),
                    ("quantity_before", .int(p.quantityBefore)),
                    ("quantity_after", .int(p.quantityAfter)),
                    ("cost_before", .int(p.totalBefore)),
                    ("cost_after", .int(p.totalAfter)),
                    ("change", .int(p.change)),
                ])
            })),
            ("parties", .array(whatIf.parties.map { p in
                .object([
                    ("role", .string(p.role)),
                    ("who", .string(p.who.text(language))),
                    ("cost_before", .int(p.before)),
                    ("cost_after", .int(p.after)),
                    ("change", .int(p.change)),
                ])
            })),
        ])
    }
}
