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
        snapshot(try document(data: data, source: source), source: source, titles: titles)
    }

    /// The report as one province of a national roll-up (`wardcheck rollup`).
    public static func province(path: String, titles: CriteriaSet? = nil) throws -> ProvinceAudit {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: Localized(vi: "không đọc được tệp \(path)", en: "cannot read \(path)"))
        }
        return province(try document(data: data, source: path), source: path, titles: titles)
    }

    /// The report decoded, its schema checked first.
    private static func document(data: Data, source: String) throws -> Document {
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
        return document
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
            plan: plan, totalCost: d.summary?.totalCost ?? d.plan?.total ?? Money.sum(plan.map(\.total)),
            criteriaSet: d.criteriaSet.flatMap { set in set.digest.map { CriteriaIdentity(version: set.version, digest: $0) } })
    }

    private static func province(_ d: Document, source: String, titles: CriteriaSet?) -> ProvinceAudit {
        let snapshot = snapshot(d, source: source, titles: titles)
        let units = snapshot.units
        var s = ProvinceAudit.Summary()
        let summary = d.summary
        s.rosterUnits = snapshot.rosterUnits
        s.files = snapshot.files
        s.valid = summary?.valid ?? units.count
        s.invalid = summary?.invalid ?? snapshot.invalid.count
        s.notSubmitted = snapshot.notSubmitted.map { summary?.notSubmitted ?? $0.count }
        s.ready = summary?.ready ?? snapshot.ready
        s.stale = summary?.stale ?? snapshot.stale ?? 0
        s.notEvaluable = summary?.notEvaluable ?? units.reduce(0) { $0 + $1.outcomes.values.filter { $0 == Outcome.notEvaluable.rawValue }.count }
        s.notReady = summary?.notReady ?? (s.valid - s.ready)
        s.incomplete = summary?.incomplete ?? units.filter { $0.outcomes.values.contains(Outcome.notReported.rawValue) }.count
        s.withWaivers = summary?.withWaivers ?? units.filter { $0.outcomes.values.contains(Outcome.waived.rawValue) }.count
        s.criteria = summary?.criteria ?? snapshot.criteria.count
        // Each unit's own count: the summary's mean is rounded to two decimals.
        s.passedTotal = units.reduce(0) { $0 + $1.passed }
        s.auditErrors = summary?.auditErrors ?? 0
        s.unitsInvalid = summary?.unitsInvalid ?? 0
        s.unitsDuplicated = summary?.unitsDuplicated ?? 0
        s.filesOutsideRoster = snapshot.rosterUnits == nil ? nil : summary?.filesOutsideRoster
        s.totalCost = snapshot.totalCost
        var passed: [String: Int] = [:]
        for c in snapshot.criteria { passed[c.id] = snapshot.passed(c.id) }
        let codes = units.map(\.code) + snapshot.invalid.compactMap(\.code) + (snapshot.notSubmitted ?? []).map(\.code)
        let groups = (d.groups ?? []).map { g in
            (key: g.key, label: titles?.catalogue.groups.first { $0.key == g.key }?.label ?? Localized(g.label ?? g.key))
        }
        let plan = (d.plan?.items ?? []).map { line in
            ProvinceAudit.PlanLine(item: line.item, name: titles?.catalogue.items[line.item]?.name ?? Localized(line.name ?? line.item),
                                   role: line.role ?? "", who: who(line.role, line.who, titles), unitCost: line.unitCost ?? 0,
                                   quantity: line.quantity ?? 0, units: line.units ?? 0, total: line.total ?? 0)
        }
        let parties = (d.parties ?? []).map { p in
            ProvinceAudit.Party(role: p.role ?? "", who: who(p.role, p.who, titles), units: p.units ?? 0, total: p.total ?? 0)
        }
        return ProvinceAudit(source: source, province: d.province ?? ProvinceAudit.name(of: source), evaluatedOn: snapshot.evaluatedOn,
                             criteriaSet: d.criteriaSet.flatMap { set in set.digest.map { CriteriaIdentity(version: set.version, digest: $0) } },
                             criteria: snapshot.criteria, groups: groups, summary: s, passed: passed, codes: Array(Set(codes)).sorted(),
                             plan: plan, parties: parties)
    }

    /// A party in the language asked when the criteria in use know its role, else as the report wrote it.
    private static func who(_ role: String?, _ written: String?, _ titles: CriteriaSet?) -> Localized {
        role.flatMap { titles?.catalogue.roles[$0] } ?? Localized(written ?? role ?? "")
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
        var criteriaSet: CriteriaSetIdentity?
        var groups: [Group]?
        var parties: [Party]?

        enum CodingKeys: String, CodingKey {
            case schema, province, summary, criteria, units, invalid, plan, groups, parties
            case rosterFile = "roster_file", evaluatedOn = "evaluated_on", notSubmitted = "not_submitted", criteriaSet = "criteria_set"
        }
    }

    private struct Summary: Decodable {
        var rosterUnits: Int?
        var files: Int?
        var valid: Int?
        var invalid: Int?
        var notSubmitted: Int?
        var ready: Int?
        var stale: Int?
        var notEvaluable: Int?
        var notReady: Int?
        var incomplete: Int?
        var withWaivers: Int?
        var criteria: Int?
        var auditErrors: Int?
        var unitsInvalid: Int?
        var unitsDuplicated: Int?
        var filesOutsideRoster: Int?
        var totalCost: Int?

        enum CodingKeys: String, CodingKey {
            case files, valid, invalid, ready, stale, incomplete, criteria
            case rosterUnits = "roster_units", notSubmitted = "not_submitted", totalCost = "total_cost"
            case notEvaluable = "not_evaluable", notReady = "not_ready", withWaivers = "with_waivers", auditErrors = "audit_errors"
            case unitsInvalid = "units_invalid", unitsDuplicated = "units_duplicated", filesOutsideRoster = "files_outside_roster"
        }
    }

    private struct CriteriaSetIdentity: Decodable {
        var version: String?
        var digest: String?
    }

    private struct Group: Decodable {
        var key: String
        var label: String?
    }

    private struct Party: Decodable {
        var role: String?
        var who: String?
        var units: Int?
        var total: Int?
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
        var role: String?
        var who: String?
        var unitCost: Int?
        var quantity: Int?
        var units: Int?
        var total: Int?

        enum CodingKeys: String, CodingKey {
            case item, name, role, who, quantity, units, total
            case unitCost = "unit_cost"
        }
    }
}
