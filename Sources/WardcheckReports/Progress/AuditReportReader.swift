import Foundation
import WardcheckCore

/// Reads an audit's JSON report (`wardcheck.audit/1`, docs/json.md) back into an `AuditSnapshot`,
/// so last month's saved report can be compared with today's audit.
///
/// The reading is tolerant where the format allows growth and strict where it does not: unknown
/// keys are ignored (a version only adds fields), an outcome word this version does not know is
/// kept as written and counts as not met, but another schema version is refused, since its fields
/// may mean something else.
public enum AuditReportReader {
    public struct Failure: Error, Sendable {
        public var message: Localized
    }

    /// `titles`: the criteria and catalogue in use, to show titles and item names in the
    /// report's language whatever language the saved report was written in.
    public static func read(path: String, titles: CriteriaSet? = nil) throws -> AuditSnapshot {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: Localized(vi: "không đọc được tệp \(path)", en: "cannot read \(path)"))
        }
        return try read(data: data, source: path, titles: titles)
    }

    public static func read(data: Data, source: String, titles: CriteriaSet? = nil) throws -> AuditSnapshot {
        let document: Document
        do {
            let probe = try JSONDecoder().decode(SchemaProbe.self, from: data)
            guard let schema = probe.schema else {
                throw Failure(message: Localized(
                    vi: "\(source) không phải báo cáo JSON của `wardcheck audit` (không có trường `schema`)",
                    en: "\(source) is not a `wardcheck audit` JSON report (no `schema` field)"))
            }
            guard schema == AuditJSON.schema else {
                let other = schema.hasPrefix("wardcheck.audit/")
                throw Failure(message: Localized(
                    vi: "\(source) có lược đồ `\(schema)`, phiên bản này đọc `\(AuditJSON.schema)`"
                        + (other ? "; tệp được ghi bởi một phiên bản wardcheck khác — chạy lại audit bằng phiên bản này" : ""),
                    en: "\(source) has schema `\(schema)`; this version reads `\(AuditJSON.schema)`"
                        + (other ? "; it was written by another version of wardcheck — run the audit again with this one" : "")))
            }
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let failure as Failure {
            throw failure
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let detail = (context.underlyingError as NSError?).map { ": " + ($0.userInfo[NSDebugDescriptionErrorKey] as? String ?? $0.localizedDescription) } ?? ""
            throw Failure(message: Localized(vi: "\(source) không phải JSON hợp lệ\(detail)", en: "\(source) is not valid JSON\(detail)"))
        } catch let error as DecodingError {
            throw Failure(message: Localized(vi: "\(source) không đọc được như báo cáo audit: \(describe(error))",
                                             en: "\(source) cannot be read as an audit report: \(describe(error))"))
        } catch {
            throw Failure(message: Localized(vi: "\(source) không phải JSON hợp lệ: \(error.localizedDescription)",
                                             en: "\(source) is not valid JSON: \(error.localizedDescription)"))
        }
        return snapshot(document, source: source, titles: titles)
    }

    private static func snapshot(_ d: Document, source: String, titles: CriteriaSet?) -> AuditSnapshot {
        let criteria = (d.criteria ?? []).map { c in
            AuditSnapshot.Criterion(id: c.id, group: c.group ?? "", title: titles?.criterion(c.id)?.title ?? Localized(c.title ?? c.id))
        }
        let units = d.units.map { u -> AuditSnapshot.Unit in
            var outcomes: [String: String] = [:]
            for (id, word) in u.outcomes ?? [:] { if let word { outcomes[id] = word } }
            let passed = u.passed ?? outcomes.values.filter { $0 == AuditSnapshot.met }.count
            let total = u.total ?? criteria.count
            return AuditSnapshot.Unit(code: u.code, name: u.name ?? "", file: u.file ?? "", passed: passed, total: total,
                                      ready: u.ready ?? (passed == total), outcomes: outcomes, cost: u.cost ?? 0, stale: u.stale)
        }
        let plan = (d.plan?.items ?? []).map { line in
            AuditSnapshot.PlanLine(item: line.item, name: titles?.catalogue.items[line.item]?.name ?? Localized(line.name ?? line.item),
                                   quantity: line.quantity ?? 0, total: line.total ?? 0)
        }
        // Without a roster the report writes `not_submitted: null` in its summary and an empty list.
        let hasRoster = d.summary?.notSubmitted != nil || d.summary?.rosterUnits != nil || d.rosterFile != nil
        return AuditSnapshot(
            source: source, province: d.province, evaluatedOn: d.evaluatedOn.flatMap(Day.init(iso:)),
            rosterUnits: d.summary?.rosterUnits, files: d.summary?.files ?? (units.count + (d.invalid?.count ?? 0)),
            criteria: criteria, units: units,
            invalid: (d.invalid ?? []).map { AuditSnapshot.Invalid(file: $0.file ?? "", code: $0.code) },
            notSubmitted: hasRoster ? (d.notSubmitted ?? []).map { AuditSnapshot.Absent(code: $0.code, name: $0.name ?? "") } : nil,
            plan: plan, totalCost: d.summary?.totalCost ?? d.plan?.total ?? Money.sum(plan.map(\.total)))
    }

    /// Where in the document decoding failed, as a path a person can find ("units[3].code").
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop(while: { $0 == "." }).description
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): wrong type"
        case .dataCorrupted(let context): return path(context.codingPath).isEmpty ? "not JSON" : "\(path(context.codingPath)): unreadable"
        @unknown default: return "\(error)"
        }
    }

    // The documented fields this reader needs; everything else in the report is ignored.

    private struct SchemaProbe: Decodable {
        var schema: String?
    }

    private struct Document: Decodable {
        var schema: String
        var province: String?
        var rosterFile: String?
        var evaluatedOn: String?
        var summary: Summary?
        var criteria: [Criterion]?
        var units: [Unit]
        var notSubmitted: [Absent]?
        var invalid: [Invalid]?
        var plan: Plan?

        enum CodingKeys: String, CodingKey {
            case schema, province, summary, criteria, units, invalid, plan
            case rosterFile = "roster_file", evaluatedOn = "evaluated_on", notSubmitted = "not_submitted"
        }
    }

    private struct Summary: Decodable {
        var rosterUnits: Int?
        var files: Int?
        var notSubmitted: Int?
        var totalCost: Int?

        enum CodingKeys: String, CodingKey {
            case files
            case rosterUnits = "roster_units", notSubmitted = "not_submitted", totalCost = "total_cost"
        }
    }

    private struct Criterion: Decodable {
        var id: String
        var group: String?
        var title: String?
    }

    private struct Unit: Decodable {
        var code: String
        var name: String?
        var file: String?
        var passed: Int?
        var total: Int?
        var ready: Bool?
        var outcomes: [String: String?]?
        var cost: Int?
        var stale: Bool?
    }

    private struct Absent: Decodable {
        var code: String
        var name: String?
    }

    private struct Invalid: Decodable {
        var file: String?
        var code: String?
    }

    private struct Plan: Decodable {
        var items: [PlanLine]?
        var total: Int?
    }

    private struct PlanLine: Decodable {
        var item: String
        var name: String?
        var quantity: Int?
        var total: Int?
    }
}
