import Foundation
import WardcheckCore

/// The city's audit as one document: the figures, then who has not submitted, the files that
/// could not be read, the units that sent more than one, the findings, lapsed waivers, stale
/// facts, criteria that could not be computed, the criteria by how many units they hold back,
/// the ranking, the procurement plan, the actions and what falls to each party. Every format's
/// writer renders this, and nothing else, so the formats cannot disagree.
public enum AuditDocument {
    public static func build(_ audit: Audit, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let total = audit.criteriaCount
        var title = w(Localized(vi: "Kiểm tra sẵn sàng \(total) tiêu chí", en: "Readiness audit, \(total) criteria"))
        if let province = audit.province { title += " — " + province }
        var subject = w(Localized(vi: "Kết quả đánh giá mức độ sẵn sàng theo \(total) tiêu chí của các đơn vị hành chính cấp xã",
                                  en: "Readiness of the commune-level units against the \(total) criteria"))
        if let province = audit.province { subject += w(Localized(vi: " trên địa bàn ", en: " in ")) + province }
        if let day = audit.evaluatedOn { subject += w(Localized(vi: " (tính đến ngày ", en: " (as of ")) + day.written(language) + ")" }
        var document = ReportDocument(kind: "audit", language: language, title: title, subject: subject,
                                      headline: AuditSummary.headline(audit, language))
        document.figures = AuditSummary(audit).figures.map { figure in
            ReportDocument.Figure(key: figure.key, label: w(figure.label), value: cell(figure.value, language), tone: tone(figure.tone))
        }
        let sections: [ReportDocument.Section?] = [
            notSubmitted(audit, w), invalid(audit, w), duplicates(audit, w), findings(audit, w), expiredWaivers(audit, w),
            stale(audit, w), notEvaluable(audit, w), criteria(audit, w), ranking(audit, w, language), plan(audit, w, language),
            actions(audit, w, language), parties(audit, w, language),
        ]
        document.sections = sections.compactMap { $0 }
        return document
    }

    private typealias Words = (Localized) -> String
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column

    private static func cell(_ value: AuditSummary.Value, _ language: Language) -> Cell {
        switch value {
        case .count(let n): return .count(n)
        case .money(let amount): return .money(amount)
        case .score(let mean, let whole): return .score(mean, of: whole)
        case .text(let text): return .text(text.text(language))
        case .date(let day): return .date(day)
        }
    }

    private static func tone(_ tone: AuditSummary.Tone) -> ReportDocument.Tone {
        ReportDocument.Tone(rawValue: tone.rawValue) ?? .plain
    }

    /// A file as a person knows it: its name, not the folders of the machine that ran the audit.
    private static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// The rows that `keep`, by code (as an office looks a unit up): their places in `audit.rows`.
    private static func byCode(_ audit: Audit, _ keep: (Audit.Row) -> Bool) -> [Int32] {
        audit.rows.indices.filter { keep(audit.rows[$0]) }.map(Int32.init).sorted { audit.rows[Int($0)].code < audit.rows[Int($1)].code }
    }

    private static func notSubmitted(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        guard audit.rosterSize != nil, !audit.notSubmitted.isEmpty else { return nil }
        let columns = [Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit))]
            + audit.rosterColumns.map { Column($0.key, w($0.label)) }
        let rows = audit.notSubmitted.map { unit in
            [Cell.code(unit.code), .text(unit.name)] + audit.rosterColumns.map { column in
                Cell.text(unit.attributes.first { $0.key == column.key }.map { w(column.display($0.value)) } ?? "")
            }
        }
        return .init(key: "not_submitted", heading: w(Localized(vi: "Đơn vị chưa nộp số liệu", en: "Units that have not submitted")),
                     blocks: [.table(.init(key: "not_submitted", columns: columns, rows: rows))])
    }

    private static func invalid(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        guard !audit.invalid.isEmpty else { return nil }
        let rows = audit.invalid.map { file -> [Cell] in
            // The line to look at, unless the problem is the whole file (a link, a file that cannot be read).
            let first = file.firstErrors.first.map { d in
                (d.code == .fileUnreadable ? "" : w(Localized(vi: "Dòng \(d.start.line): ", en: "Line \(d.start.line): "))) + w(d.people)
            } ?? ""
            let unit: Cell = file.name.map { name in file.code.map { .unit(name, code: $0) } ?? .text(name) } ?? .empty
            return [.text(fileName(file.file)), file.code.map { .code($0) } ?? .empty, unit,
                    .count(file.errorCount), .text(first)]
        }
        return .init(key: "invalid", heading: w(Localized(vi: "Tệp không hợp lệ — chưa được đánh giá", en: "Invalid files — not evaluated")),
                     blocks: [.table(.init(key: "invalid", columns: [
                        Column("file", w(Vocabulary.file)), Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                        Column("errors", w(Vocabulary.errors)), Column("first_error", w(Vocabulary.firstError)),
                     ], rows: rows))])
    }

    private static func duplicates(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        guard !audit.duplicates.isEmpty else { return nil }
        let rows = audit.duplicates.map { d -> [Cell] in
            [.code(d.code), d.name.map { .text($0) } ?? .empty, .text(d.files.map(fileName).joined(separator: ", "))]
        }
        return .init(key: "duplicates", heading: w(Localized(vi: "Đơn vị nộp trùng nhiều tệp — chưa được tính", en: "Units with more than one file — not counted")),
                     blocks: [.paragraph(w(Localized(vi: "Mỗi đơn vị chỉ giữ một tệp; đơn vị được tính lại khi chỉ còn một tệp.",
                                                     en: "Each unit keeps one file; it is counted again once only one is left."))),
                              .table(.init(key: "duplicates", columns: [
                                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("files", w(Vocabulary.files)),
                              ], rows: rows))])
    }

    /// Findings other than units sent twice (listed above): codes not in the roster, names that
    /// differ from it, a total too large to compute.
    private static func findings(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        let found = audit.diagnostics.filter { $0.code != .duplicateUnit }
        guard !found.isEmpty else { return nil }
        let rows = found.map { d -> [Cell] in [.text(fileName(d.file)), .text(w(d.people))] }
        return .init(key: "findings", heading: w(Localized(vi: "Vấn đề khi đối chiếu danh sách", en: "Findings against the roster")),
                     blocks: [.table(.init(key: "findings", columns: [Column("file", w(Vocabulary.file)), Column("finding", w(Vocabulary.finding))],
                                           rows: rows))])
    }

    private static func expiredWaivers(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        let lapsed = byCode(audit) { !$0.expiredWaivers.isEmpty }
        guard !lapsed.isEmpty else { return nil }
        let rows = ReportDocument.Rows(count: lapsed.count) { n -> [Cell] in
            let row = audit.rows[Int(lapsed[n])]
            return [.code(row.code), .text(row.name), .text(row.expiredWaivers.joined(separator: ", "))]
        }
        return .init(key: "expired_waivers", heading: w(Localized(vi: "Miễn trừ đã hết hạn — không áp dụng", en: "Expired waivers — ignored")),
                     blocks: [.paragraph(w(Localized(vi: "Các tiêu chí này được đánh giá như không có miễn trừ; thành phố cần gia hạn hoặc kết thúc miễn trừ.",
                                                     en: "These criteria are judged as if there were no waiver; the city should renew or close it."))),
                              .table(.init(key: "expired_waivers", columns: [
                                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("criteria", w(Vocabulary.expiredOn)),
                              ], rows: rows))])
    }

    private static func stale(_ audit: Audit, _ w: Words) -> ReportDocument.Section? {
        let old = byCode(audit, \.stale)
        guard !old.isEmpty else { return nil }
        let rows = ReportDocument.Rows(count: old.count) { n -> [Cell] in
            let row = audit.rows[Int(old[n])]
            let age = audit.evaluatedOn.flatMap { day in row.asOf.map { day - $0 } }
            return [.code(row.code), .text(row.name), row.asOf.map { .date($0) } ?? .empty, age.map { .count($0) } ?? .empty]
        }
        return .init(key: "stale", heading: w(Localized(vi: "Số liệu quá hạn (cũ hơn \(audit.staleAfterDays) ngày)",
                                                        en: "Stale facts (older than \(audit.staleAfterDays) days)")),
                     blocks: [.table(.init(key: "stale", columns: [
                        Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                        Column("facts_date", w(Vocabulary.factsDate)), Column("days", w(Vocabulary.age)),
                     ], rows: rows))])
    }

    private static func notEvaluable(_ audit: Audit, _ w: @escaping Words) -> ReportDocument.Section? {
        // Each problem as (row, problem), units by code: what the rows are made from.
        var problems: [(row: Int32, problem: Int32)] = []
        for r in byCode(audit, { !$0.problems.isEmpty }) {
            for p in audit.rows[Int(r)].problems.indices { problems.append((r, Int32(p))) }
        }
        guard !problems.isEmpty else { return nil }
        let rows = ReportDocument.Rows(count: problems.count) { n -> [Cell] in
            let row = audit.rows[Int(problems[n].row)]
            let p = row.problems[Int(problems[n].problem)]
            return [.code(row.code), .text(row.name), .code(p.criterion ?? ""), .text(w(p.message))]
        }
        return .init(key: "not_evaluable", heading: w(Localized(vi: "Tiêu chí không đánh giá được", en: "Criteria that could not be evaluated")),
                     blocks: [.table(.init(key: "not_evaluable", columns: [
                        Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                        Column("criterion", w(Vocabulary.criterion)), Column("why", w(Vocabulary.why)),
                     ], rows: rows))])
    }

    private static func criteria(_ audit: Audit, _ w: Words) -> ReportDocument.Section {
        let groups = Dictionary(audit.groups.map { ($0.key, w($0.label)) }, uniquingKeysWith: { a, _ in a })
        let rows = audit.tallies.map { t -> [Cell] in
            [.code(t.id), .text(w(t.title)), .text(groups[t.group] ?? t.group), .count(t.passed), .count(t.failed), .count(t.notReported),
             .count(t.notEvaluable), .count(t.waived), .count(t.blocking), .percent(AuditLayout.percent(t.passed, of: audit.valid))]
        }
        let n = audit.criteriaCount
        var table = ReportDocument.Table(key: "criteria", columns: [
            Column("criterion", w(Vocabulary.code)), Column("title", w(Vocabulary.criterion)), Column("group", w(Vocabulary.group)),
            Column("passed", w(Vocabulary.passed)), Column("failed", w(Vocabulary.failed)),
            Column("not_reported", w(Vocabulary.notReported)), Column("not_evaluable", w(Vocabulary.notEvaluable)),
            Column("waived", w(Vocabulary.waived)), Column("blocking", w(Vocabulary.blocking)), Column("pass_rate", w(Vocabulary.passRate)),
        ], rows: rows)
        if audit.valid > 0 {
            table.bars = .init(heading: w(Localized(vi: "Tỷ lệ đạt theo tiêu chí", en: "Pass rate by criterion")), label: [0, 1],
                               parts: [(3, .passed), (7, .waived), (5, .notReported), (6, .notEvaluable), (4, .failed)],
                               whole: audit.valid, value: 9)
        }
        return .init(key: "criteria", heading: w(Localized(vi: "Các tiêu chí — vướng nhiều đơn vị nhất trước", en: "Criteria — biggest blocker first")),
                     blocks: [.table(table),
                              .paragraph(w(Localized(vi: "Vướng = không đạt + chưa báo cáo + không đánh giá được: số đơn vị bị tiêu chí này giữ dưới \(n)/\(n). Tỷ lệ đạt tính trên các đơn vị đã đánh giá.",
                                                     en: "Blocking = failed + not reported + not evaluable: the units this criterion keeps below \(n)/\(n). Pass rates are of the units evaluated.")))])
    }

    private static func ranking(_ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section {
        let ranks = AuditLayout.ranks(audit.rows)
        // One row of a country's table at a time, made from the audit's compact row when it is written.
        let rows = ReportDocument.Rows(count: audit.rows.count) { i -> [Cell] in
            let row = audit.rows[i]
            let notMet = audit.criteria.indices.filter { $0 < row.outcomes.count && row.outcomes[$0] != .passed && row.outcomes[$0] != .waived }
                .map { audit.criteria[$0].id }
            return [.count(ranks[i]), .code(row.code), .unit(row.name, code: row.code), .count(row.passed), .text(notMet.joined(separator: ", ")),
                    .money(row.cost), row.asOf.map { .date($0) } ?? .empty]
        }
        var blocks: [ReportDocument.Block] = []
        if audit.rows.isEmpty {
            blocks.append(.paragraph(w(Localized(vi: "Không có đơn vị nào được đánh giá.", en: "No unit was evaluated."))))
        } else {
            var ranking = ReportDocument.Table(key: "ranking", columns: [
                Column("rank", w(Vocabulary.rank)), Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("passed_count", w(Vocabulary.met)), Column("not_met", w(Vocabulary.notMet)),
                Column("cost", w(Vocabulary.cost)), Column("facts_date", w(Vocabulary.factsDate)),
            ], rows: rows)
            ranking.rowHeader = 2
            blocks.append(.table(ranking))
            blocks.append(.paragraph(w(Vocabulary.marks) + ": " + AuditLayout.legendOrder.map { AuditLayout.symbol($0) + " " + w($0.label) }.joined(separator: ", ") + "."))
            blocks.append(.table(matrix(audit, w, ranks)))
        }
        return .init(key: "ranking", heading: w(Localized(vi: "Xếp hạng các đơn vị", en: "Units ranked")), blocks: blocks)
    }

    /// Unit by criterion, in the ranking's order, the criteria under their groups: one mark a cell.
    private static func matrix(_ audit: Audit, _ w: Words, _ ranks: [Int]) -> ReportDocument.Table {
        let layout = AuditLayout(audit)
        let rows = ReportDocument.Rows(count: audit.rows.count) { i -> [Cell] in
            let (row, rank) = (audit.rows[i], ranks[i])
            return [.count(rank), .code(row.code), .unit(row.name, code: row.code)]
                + layout.columns.map { column in layout.outcome(row, column).map { Cell.mark($0) } ?? .empty }
                + [.count(row.passed)]
        }
        var table = ReportDocument.Table(key: "matrix", caption: w(Localized(vi: "Kết quả từng tiêu chí", en: "Each criterion's outcome")),
                                         columns: [Column("rank", w(Vocabulary.rank)), Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit))]
                                            + layout.columns.map { Column($0.id, $0.id) } + [Column("passed_count", w(Vocabulary.met))],
                                         rows: rows)
        table.groups = [.init("", span: 3)] + layout.groups.map { .init(w($0.label), span: $0.columns.count) } + [.init("", span: 1)]
        table.rowHeader = 2
        return table
    }

    private static func plan(_ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section {
        var blocks: [ReportDocument.Block] = []
        if audit.plan.isEmpty {
            blocks.append(.paragraph(AuditSummary.noPlan(audit, language)))
        } else {
            let rows = audit.plan.map { p -> [Cell] in
                [.text(w(p.name)), .text(w(p.who)), .money(p.unitCost), .count(p.quantity), .count(p.units), .money(p.total)]
            }
            blocks.append(.table(.init(key: "plan", columns: [
                Column("item", w(Vocabulary.item)), Column("who", w(Vocabulary.who)), Column("unit_cost", w(Vocabulary.unitCost)),
                Column("quantity", w(Vocabulary.quantity)), Column("units", w(Vocabulary.units)), Column("total", w(Vocabulary.total)),
            ], rows: rows, total: [.text(w(Vocabulary.grandTotal)), .empty, .empty, .empty, .empty, .money(audit.grandTotal)])))
            for p in audit.plan where p.unpricedUnits > 0 {
                blocks.append(.paragraph(w(Localized(
                    vi: "\(w(p.name)): \(NumberText.grouped(p.unpricedUnits, .vi)) đơn vị chưa báo cáo số liệu để tính số lượng, chưa có trong tổng.",
                    en: "\(w(p.name)): \(NumberText.counted(p.unpricedUnits, vi: "", en: "unit", .en)) have not reported what the quantity depends on; not in the total."))))
            }
        }
        return .init(key: "plan", heading: w(Localized(vi: "Kế hoạch mua sắm", en: "Procurement plan")), blocks: blocks)
    }

    /// What an action line counts, in words when the criteria say what it counts.
    private static func actionName(_ line: Audit.ActionLine, _ audit: Audit, _ w: Words, _ language: Language) -> String {
        let task = audit.tasks[line.task]
        guard let counts = task.counts else { return w(line.name) }
        let n = NumberText.grouped(line.quantity, language)
        return w(line.name) + " (" + w(counts.filling(["value": Localized(vi: n, en: n)])) + ")"
    }

    private static func actions(_ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section? {
        guard !audit.actions.isEmpty else { return nil }
        let rows = audit.actions.map { a -> [Cell] in
            [.text(actionName(a, audit, w, language)), .text(w(a.who)), .count(a.quantity), .count(a.units)]
        }
        return .init(key: "actions", heading: w(Localized(vi: "Việc cần làm (không mua sắm)", en: "Actions (no purchase)")),
                     blocks: [.table(.init(key: "actions", columns: [
                        Column("action", w(Vocabulary.action)), Column("who", w(Vocabulary.who)),
                        Column("quantity", w(Vocabulary.quantity)), Column("units", w(Vocabulary.units)),
                     ], rows: rows))])
    }

    private static func parties(_ audit: Audit, _ w: @escaping Words, _ language: Language) -> ReportDocument.Section? {
        guard !audit.parties.isEmpty else { return nil }
        // A party that only acts buys nothing: its cost is left blank rather than "0 ₫".
        let summary = audit.parties.map { p -> [Cell] in [.text(w(p.who)), .count(p.units), p.total > 0 ? .money(p.total) : .empty] }
        // Each party's units by code, as (party, row): a country's table is made from these as it is written.
        let codeOrder = byCode(audit) { _ in true }
        var served: [(party: Int32, row: Int32)] = []
        for (p, party) in audit.parties.enumerated() {
            for r in codeOrder where !audit.needs(of: audit.rows[Int(r)], role: party.role).isEmpty { served.append((Int32(p), r)) }
        }
        let detail = ReportDocument.Rows(count: served.count) { n -> [Cell] in
            let party = audit.parties[Int(served[n].party)]
            let row = audit.rows[Int(served[n].row)]
            let needs = audit.needs(of: row, role: party.role)
            return [.text(w(party.who)), .code(row.code), .text(row.name),
                    .text(needs.map { AuditLayout.need($0, audit, language) }.joined(separator: "; ")),
                    AuditLayout.cost(needs, audit) > 0 ? .money(AuditLayout.cost(needs, audit)) : .empty]
        }
        return .init(key: "parties", heading: w(Localized(vi: "Phân công theo đơn vị thực hiện", en: "What falls to each party")), blocks: [
            .table(.init(key: "parties", columns: [
                Column("who", w(Vocabulary.who)), Column("units", w(Vocabulary.units)), Column("cost", w(Vocabulary.cost)),
            ], rows: summary, total: [.text(w(Vocabulary.grandTotal)), .empty, .money(audit.grandTotal)])),
            .table(.init(key: "party_units", caption: w(Localized(vi: "Chi tiết theo đơn vị", en: "Unit by unit")), columns: [
                Column("who", w(Vocabulary.who)), Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("needs", w(Vocabulary.needs)), Column("cost", w(Vocabulary.cost)),
            ], rows: detail)),
        ])
    }
}
