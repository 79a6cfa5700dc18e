import Foundation
import WardcheckCore

/// `audit --format json`, schema `wardcheck.audit/1` (docs/json.md): everything the text shows,
/// with each unit's outcomes keyed by criterion id, its remedies and its cost.
public enum AuditJSON {
    public static let schema = "wardcheck.audit/1"

    public static func render(_ audit: Audit, language: Language) -> String {
        var output = MemoryOutput()
        let units = UnitWriter(audit: audit, language: language)
        // The streaming writer makes the whole document too; into memory, and with parts made
        // here, nothing it does can fail.
        do { try write(audit, language: language, parts: { row, json in json.continueFragment(units.part(row).dropFirst()) }, to: &output) } catch {}
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Writes the report to `output` piece by piece, each unit's part from `parts` (rendered
    /// beforehand by `UnitWriter`, on the cores that judged the units, and kept on disk), so that
    /// nothing proportional to the whole report is ever held. `parts` continues the unit's object,
    /// begun with its rank, with the rest of its part: every byte of it but the opening brace.
    public static func write<Output: ReportOutput>(_ audit: Audit, language: Language,
                                                   parts: (Audit.Row, inout JSONStream) throws -> Void,
                                                   to output: inout Output) throws {
        let layout = AuditLayout(audit)
        let ranks = AuditLayout.ranks(audit.rows)
        var json = JSONStream()
        json.beginObject()
        json.member("schema", .string(schema))
        json.member("language", .string(language.rawValue))
        json.member("province", .optional(audit.province))
        json.member("roster_file", .optional(audit.rosterFile))
        json.member("evaluated_on", .optional(audit.evaluatedOn?.description))
        json.member("stale_after_days", .int(audit.staleAfterDays))
        json.member("criteria_set", criteriaSet(audit.criteriaSet))
        json.member("summary", .object([
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
            ("units_invalid", .int(audit.accounting.invalid)),
            ("units_duplicated", .int(audit.accounting.duplicated)),
            ("files_outside_roster", audit.rosterSize == nil ? .null : .int(audit.accounting.outside)),
            ("total_cost", .int(audit.grandTotal)),
        ]))
        json.member("criteria", .array(audit.criteria.map { c in
            .object([("id", .string(c.id)), ("group", .string(c.group)), ("title", .string(c.title.text(language)))])
        }))
        json.member("groups", .array(layout.groups.map { g in
            .object([("key", .string(g.key)), ("label", .string(g.label.text(language))), ("criteria", .array(g.columns.map { .string($0.id) }))])
        }))
        json.member("tallies", .array(audit.tallies.map { t in
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
        }))
        try output.write(json.take())
        json.key("units")
        json.beginArray()
        for (row, rank) in zip(audit.rows, ranks) {
            // The part is the unit's object without its rank, which is only known now: the rank is its first member.
            json.appendFragment([UInt8(ascii: "{")])
            json.continueFragment(UnitWriter.rankLine(rank))
            try parts(row, &json)
            if json.count >= 1 << 16 { try output.write(json.take()) }
        }
        json.end()
        json.member("not_submitted", .array(audit.notSubmitted.map { u in
            .object([
                ("code", .string(u.code)),
                ("name", .string(u.name)),
                ("roster", .object(u.attributes.map { ($0.key, .string($0.value)) })),
            ])
        }))
        json.member("invalid", .array(audit.invalid.map { i in
            .object([
                ("file", .string(i.file)),
                ("code", .optional(i.code)),
                ("error_count", .int(i.errorCount)),
                ("first_errors", .array(i.firstErrors.map { ValidationJSON.diagnostic($0, language) })),
            ])
        }))
        json.member("diagnostics", .array(audit.diagnostics.map { ValidationJSON.diagnostic($0, language) }))
        try output.write(json.take())
        // Each unit's place in code order, worked out once: the plan's and the parties' unit lists
        // are written in code order, and sorting each by comparing codes as text was 38 M
        // instructions for a country, on one core.
        let byCode = audit.rows.indices.sorted { audit.rows[$0].code < audit.rows[$1].code }
        var codeRank = [Int32](repeating: 0, count: audit.rows.count)
        for (rank, row) in byCode.enumerated() { codeRank[row] = Int32(rank) }
        json.key("plan")
        json.beginObject()
        json.key("items")
        json.beginArray()
        for line in audit.plan { try planLine(line, audit, codeRank, language, &json, &output) }
        json.end()
        json.member("total", .int(audit.grandTotal))
        json.end()
        json.key("actions")
        json.beginArray()
        for line in audit.actions { try actionLine(line, audit, codeRank, language, &json, &output) }
        json.end()
        json.key("parties")
        json.beginArray()
        for party in audit.parties {
            json.beginObject()
            json.member("role", .string(party.role))
            json.member("who", .string(party.who.text(language)))
            json.member("units", .int(party.units))
            json.member("total", .int(party.total))
            json.key("items")
            json.beginArray()
            for i in party.plan { try planLine(audit.plan[i], audit, codeRank, language, &json, &output) }
            json.end()
            json.key("actions")
            json.beginArray()
            for i in party.actions { try actionLine(audit.actions[i], audit, codeRank, language, &json, &output) }
            json.end()
            json.end()
        }
        json.end()
        json.end()
        try output.write(json.take())
    }

    /// `{version, digest}`, or null for an audit that does not know its criteria's identity.
    public static func criteriaSet(_ identity: CriteriaIdentity?) -> JSON {
        guard let identity else { return .null }
        return .object([("version", .optional(identity.version)), ("digest", .string(identity.digest))])
    }

    /// Writes each unit's part of the report while the units are judged: the unit's object,
    /// rank aside, at its depth in the document. Needs only what is known before the first unit.
    public struct UnitWriter: Sendable {
        private let criteria: [(id: String, group: String, title: Localized)]
        private let layout: AuditLayout
        private let tasks: [Audit.Task]
        private let language: Language
        /// Each criterion's id and each group's key as member names, and each outcome's word as
        /// a value, escaped once for every unit's part.
        private let criterionKeys: [JSONStream.Key]
        private let groupKeys: [JSONStream.Key]
        private let outcomeWords: [(Outcome, [UInt8])]

        public init(audit: Audit, language: Language) {
            self.init(criteria: audit.criteria, layout: AuditLayout(audit), tasks: audit.tasks, language: language)
        }

        /// Before any unit: the criteria and catalogue in play, and the accumulator's tasks.
        public init(criteria set: CriteriaSet, tasks: [Audit.Task], language: Language) {
            let criteria = set.criteria.map { ($0.id, $0.group, $0.title) }
            self.init(criteria: criteria, layout: AuditLayout(criteria: criteria, groups: set.catalogue.groups), tasks: tasks, language: language)
        }

        private init(criteria: [(id: String, group: String, title: Localized)], layout: AuditLayout, tasks: [Audit.Task], language: Language) {
            (self.criteria, self.layout, self.tasks, self.language) = (criteria, layout, tasks, language)
            criterionKeys = criteria.map { .prepared($0.id) }
            groupKeys = layout.groups.map { .prepared($0.key) }
            outcomeWords = Outcome.allCases.map { outcome in
                var word: [UInt8] = []
                JSON.escape(outcome.rawValue, into: &word)
                return (outcome, word)
            }
        }

        /// The outcome's word, quoted.
        private func word(_ outcome: Outcome) -> [UInt8] {
            for (o, word) in outcomeWords where o == outcome { return word }
            return []
        }

        /// The unit's object, all but its rank (see `rankLine`), written straight to bytes: a unit's
        /// part is most of what an audit writes, and building it as `JSON` values first cost as much again.
        public func part(_ row: Audit.Row) -> [UInt8] {
            var json = JSONStream(depth: 2)
            json.beginObject()
            json.member("code", string: row.code)
            json.member("name", string: row.name)
            json.member("file", string: row.file)
            json.member("contact", string: row.contact)
            json.member("expired_waivers", strings: row.expiredWaivers)
            json.member("facts_date", string: row.asOf?.description)
            json.member("stale", bool: row.stale)
            json.member("passed", int: row.passed)
            json.member("total", int: criteria.count)
            json.member("ready", bool: row.ready)
            json.key("outcomes")
            json.beginObject()
            for (i, key) in criterionKeys.enumerated() {
                if i < row.outcomes.count { json.member(key, serialised: word(row.outcomes[i])) } else { json.member(key, null: ()) }
            }
            json.end()
            json.key("group_passed")
            json.beginObject()
            for (key, passed) in zip(groupKeys, layout.subtotals(row)) { json.member(key, int: passed) }
            json.end()
            json.member("cost", int: row.cost)
            json.key("purchases")
            AuditJSON.totals(row, tasks, kinds: [.item], \.quantity, into: &json)
            json.key("actions")
            AuditJSON.totals(row, tasks, kinds: [.action, .report], \.remedies, into: &json)
            json.key("remedies")
            json.beginArray()
            for remedy in row.remedies { ScorecardJSON.remedy(remedy, language, into: &json) }
            json.end()
            json.member("unpriced", strings: row.unpriced)
            json.key("problems")
            json.beginArray()
            for problem in row.problems { json.value(ScorecardJSON.problem(problem, language)) }
            json.end()
            json.end()
            return json.bytes
        }

        /// `"rank": N,` on its line, as the first member of a unit's object.
        static func rankLine(_ rank: Int) -> [UInt8] {
            Array("\n      \"rank\": \(rank),".utf8)
        }
    }

    private static func planLine<Output: ReportOutput>(_ p: Audit.PlanLine, _ audit: Audit, _ codeRank: [Int32], _ language: Language,
                                                       _ json: inout JSONStream, _ output: inout Output) throws {
        json.beginObject()
        json.member("item", .string(p.item))
        json.member("name", .string(p.name.text(language)))
        json.member("role", .string(p.role))
        json.member("who", .string(p.who.text(language)))
        json.member("unit_cost", .int(p.unitCost))
        json.member("quantity", .int(p.quantity))
        json.member("units", .int(p.units))
        json.member("unpriced_units", .int(p.unpricedUnits))
        json.member("total", .int(p.total))
        json.key("by_unit")
        try byUnit(p.shares, audit, codeRank, unitCost: p.unitCost, &json, &output)
        json.end()
    }

    private static func actionLine<Output: ReportOutput>(_ a: Audit.ActionLine, _ audit: Audit, _ codeRank: [Int32], _ language: Language,
                                                         _ json: inout JSONStream, _ output: inout Output) throws {
        json.beginObject()
        json.member("key", .string(a.key))
        json.member("name", .string(a.name.text(language)))
        json.member("role", .string(a.role))
        json.member("who", .string(a.who.text(language)))
        json.member("count", .int(a.count))
        json.member("quantity", .int(a.quantity))
        json.member("measured", .bool(audit.tasks[a.task].measured))
        json.member("units", .int(a.units))
        json.key("by_unit")
        try byUnit(a.shares, audit, codeRank, unitCost: nil, &json, &output)
        json.end()
    }

    /// `[{code, quantity[, cost]}]` by unit code, one share at a time and straight to bytes: a
    /// country's list is long, and this part of the report is written on one core.
    private static func byUnit<Output: ReportOutput>(_ shares: [Audit.Need], _ audit: Audit, _ codeRank: [Int32], unitCost: Int?,
                                                     _ json: inout JSONStream, _ output: inout Output) throws {
        json.beginArray()
        for share in shares.sorted(by: { codeRank[Int($0.index)] < codeRank[Int($1.index)] }) {
            json.beginObject()
            json.member("code", string: audit.rows[Int(share.index)].code)
            json.member("quantity", int: Int(share.quantity))
            if let unitCost { json.member("cost", int: Money.times(unitCost, Int(share.quantity))) }
            json.end()
            if json.count >= 1 << 16 { try output.write(json.take()) }
        }
        json.end()
    }

    /// A unit's needs of these kinds summed by catalogue key (whoever is responsible), keys in
    /// alphabetical order, written straight to bytes. A unit needs a handful of things: a list
    /// searched in place, not a hashed table.
    private static func totals(_ row: Audit.Row, _ tasks: [Audit.Task], kinds: [Audit.Task.Kind], _ value: KeyPath<Audit.Need, Int32>,
                               into json: inout JSONStream) {
        var sums: [(key: String, sum: Int)] = []
        for need in row.needs {
            let task = tasks[Int(need.index)]
            guard kinds.contains(task.kind) else { continue }
            if let i = sums.firstIndex(where: { $0.key == task.key }) { sums[i].sum += Int(need[keyPath: value]) } else { sums.append((task.key, Int(need[keyPath: value]))) }
        }
        sums.sort { $0.key < $1.key }
        json.beginObject()
        for (key, sum) in sums { json.member(.init(key), int: sum) }
        json.end()
    }
}
