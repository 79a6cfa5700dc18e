import Foundation
import WardcheckCore

/// The national roll-up as one document: the figures, what the reader must know about the
/// audits added (different days, a set not recorded), the provinces ranked, the audits read, each
/// criterion's pass rate nationally and by province, the national plan and what falls to each
/// party. Every format but JSON is written from this.
public enum RollupDocument {
    private typealias Words = (Localized) -> String
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column

    public static func build(_ rollup: Rollup, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let n = rollup.summary.criteria
        let count = NumberText.grouped(rollup.provinces.count, language)
        var subject = w(Localized(vi: "Kết quả đánh giá mức độ sẵn sàng theo \(n) tiêu chí của các đơn vị hành chính cấp xã trên \(count) tỉnh, thành phố",
                                  en: "Readiness of the commune-level units of \(count) provinces and cities against the \(n) criteria"))
        if let day = rollup.evaluatedOn { subject += w(Localized(vi: " (tính đến ngày ", en: " (as of ")) + day.written(language) + ")" }
        var document = ReportDocument(kind: "rollup", language: language,
                                      title: w(Localized(vi: "Tổng hợp toàn quốc — sẵn sàng \(n) tiêu chí", en: "National roll-up — readiness, \(n) criteria")),
                                      subject: subject, headline: headline(rollup, language))
        document.figures = figures(rollup, w)
        let sections: [ReportDocument.Section?] = [
            notes(rollup, w), provinces(rollup, w), sources(rollup, w), criteria(rollup, w), criteriaByProvince(rollup, w),
            plan(rollup, w), parties(rollup, w),
        ]
        document.sections = sections.compactMap { $0 }
        return document
    }

    /// "1.234/3.000 đơn vị đã đánh giá đạt 16/16 (41%) ở 34 tỉnh, thành phố; cần mua 12.000.000 ₫."
    static func headline(_ rollup: Rollup, _ language: Language) -> String {
        let s = rollup.summary
        let n = s.criteria
        func g(_ value: Int) -> String { NumberText.grouped(value, language) }
        let provinces = g(rollup.provinces.count)
        guard s.valid > 0 else {
            return Localized(vi: "Chưa đánh giá được đơn vị nào ở \(provinces) tỉnh, thành phố.",
                             en: "No unit could be evaluated in the \(provinces) provinces and cities.").text(language)
        }
        let share = AuditLayout.percent(s.ready, of: s.valid)
        return Localized(
            vi: "\(g(s.ready))/\(g(s.valid)) đơn vị đã đánh giá đạt \(n)/\(n) (\(share)%) ở \(provinces) tỉnh, thành phố; cần mua \(NumberText.money(s.totalCost, .vi)).",
            en: "\(g(s.ready)) of \(g(s.valid)) units evaluated are ready (\(share)%) across \(provinces) provinces and cities; to buy: \(NumberText.money(s.totalCost, .en)).")
            .text(language)
    }

    private static func figures(_ rollup: Rollup, _ w: Words) -> [ReportDocument.Figure] {
        let s = rollup.summary
        let n = s.criteria
        var f: [ReportDocument.Figure] = [
            .init(key: "provinces", label: w(Localized(vi: "Tỉnh, thành phố", en: "Provinces and cities")), value: .count(rollup.provinces.count)),
        ]
        if let roster = s.rosterUnits {
            f.append(.init(key: "roster_units", label: w(Localized(vi: "Đơn vị trong danh sách", en: "Units in the rosters")), value: .count(roster)))
        }
        f.append(.init(key: "files", label: w(Localized(vi: "Tệp đã nộp", en: "Files submitted")), value: .count(s.files)))
        f.append(.init(key: "valid", label: w(Localized(vi: "Đơn vị đã đánh giá", en: "Units evaluated")), value: .count(s.valid)))
        f.append(.init(key: "ready", label: w(Vocabulary.ready(n)), value: .count(s.ready),
                       tone: ReportDocument.Tone(rawValue: AuditLayout.readiness(s.ready, of: s.valid)) ?? .plain))
        f.append(.init(key: "not_ready", label: w(Localized(vi: "Chưa đạt đủ", en: "Not yet ready")), value: .count(s.notReady),
                       tone: s.notReady > 0 ? .warn : .plain))
        if let absent = s.notSubmitted {
            f.append(.init(key: "not_submitted", label: w(Localized(vi: "Chưa nộp số liệu", en: "Not submitted")), value: .count(absent),
                           tone: absent > 0 ? .warn : .plain))
        }
        f.append(.init(key: "invalid", label: w(Localized(vi: "Tệp không hợp lệ", en: "Invalid files")), value: .count(s.invalid),
                       tone: s.invalid > 0 ? .bad : .plain))
        f.append(.init(key: "stale", label: w(Localized(vi: "Đơn vị có số liệu quá hạn", en: "Units with stale facts")), value: .count(s.stale),
                       tone: s.stale > 0 ? .warn : .plain))
        f.append(.init(key: "mean_passed", label: w(Vocabulary.meanMet), value: .score(s.meanPassed, of: n)))
        f.append(.init(key: "evaluated_on", label: w(Localized(vi: "Ngày đánh giá", en: "Judged as of")),
                       value: rollup.evaluatedOn.map { .date($0) }
                           ?? .text(w(Localized(vi: "khác nhau giữa các tỉnh (xem từng tỉnh)", en: "differs between provinces (see each)")))))
        f.append(.init(key: "criteria_set", label: w(Vocabulary.criteriaSet),
                       value: .text(rollup.criteriaSet.map { w($0.words) } ?? w(Localized(vi: "không ghi", en: "not recorded")))))
        f.append(.init(key: "total_cost", label: w(Localized(vi: "Tổng chi phí ước tính", en: "Estimated total cost")), value: .money(s.totalCost), tone: .money))
        return f
    }

    private static func notes(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section? {
        guard !rollup.notes.isEmpty else { return nil }
        return .init(key: "notes", heading: w(Localized(vi: "Lưu ý khi đọc số liệu tổng hợp", en: "To know before reading the totals")),
                     blocks: rollup.notes.map { .paragraph(w($0.message)) })
    }

    private static func provinces(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section {
        let n = rollup.summary.criteria
        let rows = rollup.provinces.map { p -> [Cell] in
            let s = p.audit.summary
            return [.count(p.rank), .text(p.audit.province), s.rosterUnits.map { .count($0) } ?? .empty, .count(s.valid), .count(s.ready),
                    .percent(AuditLayout.percent(s.ready, of: s.valid)), .score(s.meanPassed, of: n),
                    s.notSubmitted.map { .count($0) } ?? .empty, .count(s.invalid), .money(s.totalCost)]
        }
        var table = ReportDocument.Table(key: "provinces", columns: [
            Column("rank", w(Vocabulary.rank)), Column("province", w(Localized(vi: "Tỉnh, thành phố", en: "Province or city"))),
            Column("roster_units", w(Localized(vi: "Đơn vị trong danh sách", en: "Units in the roster"))),
            Column("valid", w(Vocabulary.evaluated)), Column("ready", w(Vocabulary.ready(n))),
            Column("ready_percent", w(Localized(vi: "Tỷ lệ đạt \(n)/\(n)", en: "Share ready"))), Column("mean_passed", w(Vocabulary.meanMet)),
            Column("not_submitted", w(Vocabulary.notSubmitted)), Column("invalid", w(Localized(vi: "Tệp không hợp lệ", en: "Invalid files"))),
            Column("cost", w(Vocabulary.cost)),
        ], rows: rows, total: [.empty, .text(w(Vocabulary.grandTotal)), rollup.summary.rosterUnits.map { .count($0) } ?? .empty,
                               .count(rollup.summary.valid), .count(rollup.summary.ready),
                               .percent(AuditLayout.percent(rollup.summary.ready, of: rollup.summary.valid)),
                               .score(rollup.summary.meanPassed, of: n), rollup.summary.notSubmitted.map { .count($0) } ?? .empty,
                               .count(rollup.summary.invalid), .money(rollup.summary.totalCost)])
        table.rowHeader = 1
        return .init(key: "provinces", heading: w(Localized(vi: "Xếp hạng các tỉnh, thành phố", en: "Provinces and cities ranked")), blocks: [
            .table(table),
            .paragraph(w(Localized(vi: "Xếp theo tỷ lệ đơn vị đạt \(n)/\(n) trên số đơn vị đã đánh giá, rồi theo bình quân tiêu chí đạt; bình quân toàn quốc tính trên mọi đơn vị đã đánh giá.",
                                   en: "Ranked by the share of units evaluated that are ready, then by the mean of criteria met; the national mean is over every unit evaluated."))),
        ])
    }

    /// Each audit added, with the day it was judged and the criteria set it was made with.
    private static func sources(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section {
        let rows = rollup.provinces.map { p -> [Cell] in
            [.text(p.audit.province), .code((p.audit.source as NSString).lastPathComponent),
             p.audit.evaluatedOn.map { .date($0) } ?? .empty,
             .text(p.audit.criteriaSet.map { w($0.words) } ?? w(Localized(vi: "không ghi", en: "not recorded")))]
        }
        return .init(key: "sources", heading: w(Localized(vi: "Các báo cáo được tổng hợp", en: "The audits added")), blocks: [
            .table(.init(key: "sources", columns: [
                Column("province", w(Localized(vi: "Tỉnh, thành phố", en: "Province or city"))), Column("source", w(Vocabulary.source)),
                Column("judged_on", w(Vocabulary.judgedOn)), Column("criteria_set", w(Vocabulary.criteriaSet)),
            ], rows: rows)),
        ])
    }

    private static func criteria(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section {
        let groups = Dictionary(rollup.groups.map { ($0.key, w($0.label)) }, uniquingKeysWith: { a, _ in a })
        let rows = rollup.criteria.map { c -> [Cell] in
            [.code(c.id), .text(w(c.title)), .text(groups[c.group] ?? c.group), .count(c.passed), .count(c.judged),
             .percent(AuditLayout.percent(c.passed, of: c.judged))]
        }
        return .init(key: "criteria", heading: w(Localized(vi: "Tỷ lệ đạt từng tiêu chí trên toàn quốc", en: "Each criterion's pass rate nationally")), blocks: [
            .table(.init(key: "criteria", columns: [
                Column("criterion", w(Vocabulary.code)), Column("title", w(Vocabulary.criterion)), Column("group", w(Vocabulary.group)),
                Column("passed", w(Localized(vi: "Số đơn vị đạt", en: "Units meeting it"))), Column("judged", w(Vocabulary.evaluated)),
                Column("pass_rate", w(Vocabulary.passRate)),
            ], rows: rows)),
        ])
    }

    /// Province by criterion: the share of the province's units evaluated that meet it.
    private static func criteriaByProvince(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section? {
        guard !rollup.provinces.isEmpty, !rollup.criteria.isEmpty else { return nil }
        let rows = rollup.provinces.indices.map { i -> [Cell] in
            let judged = rollup.provinces[i].audit.summary.valid
            return [.count(rollup.provinces[i].rank), .text(rollup.provinces[i].audit.province)]
                + rollup.criteria.map { c in judged == 0 ? Cell.empty : .percent(AuditLayout.percent(c.byProvince[i], of: judged)) }
        }
        var table = ReportDocument.Table(key: "criteria_by_province", columns: [
            Column("rank", w(Vocabulary.rank)), Column("province", w(Localized(vi: "Tỉnh, thành phố", en: "Province or city"))),
        ] + rollup.criteria.map { Column($0.id, $0.id) }, rows: rows,
            total: [.empty, .text(w(Localized(vi: "Toàn quốc", en: "Nationally")))]
                + rollup.criteria.map { .percent(AuditLayout.percent($0.passed, of: $0.judged)) })
        table.rowHeader = 1
        return .init(key: "criteria_by_province", heading: w(Localized(vi: "Tỷ lệ đạt từng tiêu chí theo tỉnh, thành phố", en: "Each criterion's pass rate by province")),
                     blocks: [.paragraph(w(Localized(vi: "Mỗi ô là tỷ lệ đơn vị đã đánh giá của tỉnh đạt tiêu chí đó.",
                                                     en: "Each cell is the share of the province's units evaluated that meet the criterion."))),
                              .table(table)])
    }

    private static func plan(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section {
        guard !rollup.plan.isEmpty else {
            return .init(key: "plan", heading: w(Localized(vi: "Kế hoạch mua sắm toàn quốc", en: "National procurement plan")),
                         blocks: [.paragraph(w(rollup.summary.valid == 0
                            ? Localized(vi: "Chưa đánh giá được đơn vị nào nên chưa lập được kế hoạch mua sắm.", en: "No unit could be evaluated, so there is no procurement plan yet.")
                            : Localized(vi: "Không cần mua sắm.", en: "Nothing to buy.")))])
        }
        let rows = rollup.plan.map { p -> [Cell] in
            [.text(w(p.name)), .text(w(p.who)), .money(p.unitCost), .count(p.quantity), .count(p.units), .money(p.total)]
        }
        return .init(key: "plan", heading: w(Localized(vi: "Kế hoạch mua sắm toàn quốc", en: "National procurement plan")), blocks: [
            .table(.init(key: "plan", columns: [
                Column("item", w(Vocabulary.item)), Column("who", w(Vocabulary.who)), Column("unit_cost", w(Vocabulary.unitCost)),
                Column("quantity", w(Vocabulary.quantity)), Column("units", w(Vocabulary.units)), Column("total", w(Vocabulary.total)),
            ], rows: rows, total: [.text(w(Vocabulary.grandTotal)), .empty, .empty, .empty, .empty, .money(rollup.totalCost)])),
        ])
    }

    private static func parties(_ rollup: Rollup, _ w: Words) -> ReportDocument.Section? {
        guard !rollup.parties.isEmpty else { return nil }
        let rows = rollup.parties.map { p -> [Cell] in [.text(w(p.who)), .count(p.units), p.total > 0 ? .money(p.total) : .empty] }
        return .init(key: "parties", heading: w(Localized(vi: "Phân công theo đơn vị thực hiện", en: "What falls to each party")), blocks: [
            .table(.init(key: "parties", columns: [
                Column("who", w(Vocabulary.who)), Column("units", w(Vocabulary.units)), Column("cost", w(Vocabulary.cost)),
            ], rows: rows, total: [.text(w(Vocabulary.grandTotal)), .empty, .money(rollup.totalCost)])),
        ])
    }
}
