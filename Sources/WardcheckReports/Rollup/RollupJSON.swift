import Foundation
import WardcheckCore

/// `rollup --format json`, schema `wardcheck.rollup/1` (docs/json.md): the national report,
/// its `summary` with the members of the audit's summary added up.
public enum RollupJSON {
    public static let schema = "wardcheck.rollup/1"

    public static func render(_ rollup: Rollup, language: Language) -> String {
        document(rollup, language: language).serialised()
    }

    /// The audit's summary members, in the audit's order; `provinces` last.
    static func summary(_ s: ProvinceAudit.Summary, provinces: Int?) -> JSON {
        var members: [(String, JSON)] = [
            ("roster_units", .optional(s.rosterUnits)),
            ("files", .int(s.files)),
            ("valid", .int(s.valid)),
            ("invalid", .int(s.invalid)),
            ("not_submitted", .optional(s.notSubmitted)),
            ("ready", .int(s.ready)),
            ("stale", .int(s.stale)),
            ("not_evaluable", .int(s.notEvaluable)),
            ("not_ready", .int(s.notReady)),
            ("incomplete", .int(s.incomplete)),
            ("with_waivers", .int(s.withWaivers)),
            ("criteria", .int(s.criteria)),
            ("mean_passed", .number(String(format: "%.2f", s.meanPassed))),
            ("audit_errors", .int(s.auditErrors)),
            ("units_invalid", .int(s.unitsInvalid)),
            ("units_duplicated", .int(s.unitsDuplicated)),
            ("files_outside_roster", .optional(s.filesOutsideRoster)),
            ("total_cost", .int(s.totalCost)),
        ]
        if let provinces { members.append(("provinces", .int(provinces))) }
        return .object(members)
    }

    public static func document(_ rollup: Rollup, language: Language) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("criteria_set", AuditJSON.criteriaSet(rollup.criteriaSet)),
            ("evaluated_on", .optional(rollup.evaluatedOn?.description)),
            ("summary", summary(rollup.summary, provinces: rollup.provinces.count)),
            ("provinces", .array(rollup.provinces.map { p in
                .object([
                    ("rank", .int(p.rank)),
                    ("province", .string(p.audit.province)),
                    ("source", .string(p.audit.source)),
                    ("evaluated_on", .optional(p.audit.evaluatedOn?.description)),
                    ("criteria_set", AuditJSON.criteriaSet(p.audit.criteriaSet)),
                    ("ready_percent", .int(AuditLayout.percent(p.audit.summary.ready, of: p.audit.summary.valid))),
                    ("summary", summary(p.audit.summary, provinces: nil)),
                ])
            })),
            ("criteria", .array(rollup.criteria.map { c in
                .object([
                    ("id", .string(c.id)),
                    ("group", .string(c.group)),
                    ("title", .string(c.title.text(language))),
                    ("passed", .int(c.passed)),
                    ("judged", .int(c.judged)),
                    ("pass_rate", .int(AuditLayout.percent(c.passed, of: c.judged))),
                    ("by_province", .array(zip(rollup.provinces, c.byProvince).map { p, passed in
                        .object([
                            ("province", .string(p.audit.province)),
                            ("passed", .int(passed)),
                            ("judged", .int(p.audit.summary.valid)),
                            ("pass_rate", .int(AuditLayout.percent(passed, of: p.audit.summary.valid))),
                        ])
                    })),
                ])
            })),
            ("plan", .object([
                ("items", .array(rollup.plan.map { line in
                    .object([
                        ("item", .string(line.item)),
                        ("name", .string(line.name.text(language))),
                        ("role", .string(line.role)),
                        ("who", .string(line.who.text(language))),
                        ("unit_cost", .int(line.unitCost)),
                        ("quantity", .int(line.quantity)),
                        ("units", .int(line.units)),
                        ("total", .int(line.total)),
                    ])
                })),
                ("total", .int(rollup.totalCost)),
            ])),
            ("parties", .array(rollup.parties.map { party in
                .object([
                    ("role", .string(party.role)),
                    ("who", .string(party.who.text(language))),
                    ("units", .int(party.units)),
                    ("total", .int(party.total)),
                ])
            })),
            ("notes", .array(rollup.notes.map { note in
                .object([
                    ("kind", .string(note.kind.rawValue)),
                    ("message", .string(note.message.text(language))),
                    ("sources", .array(note.sources.map(JSON.string))),
                ])
            })),
        ])
    }
}
