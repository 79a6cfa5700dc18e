import Foundation
import WardcheckCore

/// `history --format json`, schema `wardcheck.history/1` (docs/json.md).
public enum HistoryJSON {
    public static let schema = "wardcheck.history/1"

    public static func render(_ history: History, language: Language) -> String {
        document(history, language: language).serialised()
    }

    public static func document(_ history: History, language: Language) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("path", .string(history.path)),
            ("every", .string(history.every.rawValue)),
            ("evaluated_on", .optional(history.evaluatedOn?.description)),
            ("criteria_set", AuditJSON.criteriaSet(history.criteriaSet)),
            ("criteria", .array(history.criteria.map { c in
                .object([("id", .string(c.id)), ("group", .string(c.group)), ("title", .string(c.title.text(language)))])
            })),
            ("points", .array(history.points.map { point($0, history, language) })),
        ])
    }

    static func point(_ point: History.Point, _ history: History, _ language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("period", .string(point.period)),
            ("end", .string(point.end.description)),
            ("judged_on", .string(point.judgedOn.description)),
            ("commit", .string(point.commit.id)),
            ("commit_date", .string(point.commit.day.description)),
        ]
        switch point.reading {
        case .audited(let f):
            members += [
                ("status", .string("audited")),
                ("reason", .null),
                ("files", .int(f.files)),
                ("valid", .int(f.valid)),
                ("invalid", .int(f.invalid)),
                ("audit_errors", .int(f.auditErrors)),
                ("not_submitted", .optional(f.notSubmitted)),
                ("ready", .int(f.ready)),
                ("stale", .int(f.stale)),
                ("mean_passed", .number(String(format: "%.2f", f.meanPassed))),
                ("total_cost", .int(f.totalCost)),
                ("passed", .object(history.criteria.map { ($0.id, .int(f.passed[$0.id] ?? 0)) })),
            ]
        case .absent:
            members += [("status", .string("absent")), ("reason", .null)]
        case .failed(let reason):
            members += [("status", .string("failed")), ("reason", .string(reason.text(language)))]
        }
        return .object(members)
    }
}
