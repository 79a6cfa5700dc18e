import WardcheckCore

/// "What if the committee changed the criteria?" as one document: what the proposal changes in
/// the criteria, the headline figures in force and proposed, the units that would fall back or
/// come forward and why, every unit that moves, each criterion's pass count, and the plan's cost
/// item by item and per paying party. The comparison's own sections are the diff's (`DiffDocument`)
/// with the two sides named as criteria sets; every format but JSON (`WhatIfJSON`) is written from it.
public enum WhatIfDocument {
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column
    private typealias Words = (Localized) -> String

    static let sides = DiffDocument.Sides(before: Localized(vi: "Hiện hành", en: "In force"), after: Localized(vi: "Đề xuất", en: "Proposed"))

    public static func build(_ whatIf: WhatIf, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let diff = whatIf.diff
        var title = w(Localized(vi: "Nếu áp dụng bộ tiêu chí đề xuất", en: "If the proposed criteria applied"))
        if let province = diff.new.province { title += " — " + province }
        var subject = w(Localized(vi: "Mức độ sẵn sàng của các đơn vị hành chính cấp xã theo bộ tiêu chí hiện hành (\(diff.old.criteria) tiêu chí) và theo bộ tiêu chí đề xuất (\(diff.new.criteria) tiêu chí)",
                                  en: "The readiness of the commune-level units under the criteria in force (\(diff.old.criteria)) and under the proposed criteria (\(diff.new.criteria))"))
        if let province = diff.new.province { subject += w(Localized(vi: " trên địa bàn ", en: " in ")) + province }
        if let day = diff.new.evaluatedOn {
            subject += w(Localized(vi: ", đánh giá theo ngày \(day.written(.vi))", en: ", judged as of \(day.written(.en))"))
        }
        var document = ReportDocument(kind: "whatif", language: language, title: title, subject: subject, headline: headline(whatIf, language))
        document.figures = figures(whatIf, w)
        document.sections = [
            changes(whatIf, w),
            DiffDocument.summary(diff, w, sides),
            readiness(whatIf.fallBack, key: "fall_back", heading: Localized(vi: "Đơn vị không còn đạt", en: "Units that would fall back"), whatIf, w, language),
            readiness(whatIf.comeForward, key: "come_forward", heading: Localized(vi: "Đơn vị mới đạt", en: "Units that would come forward"), whatIf, w, language),
            units(whatIf, w, language),
            DiffDocument.criteria(diff, w, sides),
            DiffDocument.submissions(diff, w, language, sides),
            DiffDocument.plan(diff, w, sides),
            parties(whatIf, w),
        ]
        return document
    }

    /// "Theo bộ tiêu chí đề xuất: 3 đơn vị không còn đạt, 0 đơn vị mới đạt (số đơn vị đạt: 8 → 5);
    /// chi phí kế hoạch: 2.801.600.000 ₫ → 3.101.600.000 ₫."
    static func headline(_ whatIf: WhatIf, _ language: Language) -> String {
        let back = NumberText.counted(whatIf.fallBack.count, vi: "đơn vị", en: "unit", language)
        let forward = NumberText.counted(whatIf.comeForward.count, vi: "đơn vị", en: "unit", language)
        let ready = NumberText.grouped(whatIf.readyBefore, language) + " → " + NumberText.grouped(whatIf.readyAfter, language)
        let cost = NumberText.money(whatIf.costBefore, language) + " → " + NumberText.money(whatIf.costAfter, language)
        return language == .vi
            ? "Theo bộ tiêu chí đề xuất: \(back) không còn đạt, \(forward) mới đạt (số đơn vị đạt: \(ready)); chi phí kế hoạch: \(cost)."
            : "Under the proposed criteria: \(back) would fall back, \(forward) would come forward (units ready: \(ready)); plan cost: \(cost)."
    }

    private static func figures(_ whatIf: WhatIf, _ w: Words) -> [ReportDocument.Figure] {
        let change = whatIf.readyAfter - whatIf.readyBefore
        return [
            .init(key: "ready_before", label: w(Localized(vi: "Đạt — hiện hành", en: "Ready — in force")), value: .count(whatIf.readyBefore)),
            .init(key: "ready_after", label: w(Localized(vi: "Đạt — đề xuất", en: "Ready — proposed")), value: .count(whatIf.readyAfter),
                  tone: change < 0 ? .bad : change > 0 ? .good : .plain),
            .init(key: "fall_back", label: w(Localized(vi: "Không còn đạt", en: "Would fall back")), value: .count(whatIf.fallBack.count),
                  tone: whatIf.fallBack.isEmpty ? .plain : .bad),
            .init(key: "come_forward", label: w(Localized(vi: "Mới đạt", en: "Would come forward")), value: .count(whatIf.comeForward.count),
                  tone: whatIf.comeForward.isEmpty ? .plain : .good),
            .init(key: "cost_before", label: w(Localized(vi: "Chi phí — hiện hành", en: "Cost — in force")), value: .money(whatIf.costBefore), tone: .money),
            .init(key: "cost_after", label: w(Localized(vi: "Chi phí — đề xuất", en: "Cost — proposed")), value: .money(whatIf.costAfter), tone: .money),
            .init(key: "cost_change", label: w(Localized(vi: "Chi phí tăng thêm", en: "Change in cost")),
                  value: .change(.money(whatIf.costAfter - whatIf.costBefore))),
        ] + [(whatIf.diff.old.criteriaSet, "criteria_set_before", Localized(vi: "Bộ tiêu chí hiện hành", en: "Criteria in force")),
             (whatIf.diff.new.criteriaSet, "criteria_set_after", Localized(vi: "Bộ tiêu chí đề xuất", en: "Proposed criteria"))]
            .compactMap { identity, key, label in identity.map { .init(key: key, label: w(label), value: .text(w($0.words))) } }
    }

    /// What the proposal changes: criteria new, dropped, revised.
    private static func changes(_ whatIf: WhatIf, _ w: Words) -> ReportDocument.Section {
        let titles = Dictionary(whatIf.diff.criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        func rows(_ ids: [String], _ what: Localized) -> [[Cell]] {
            ids.map { [.code($0), .text(titles[$0].map(w) ?? ""), .text(w(what))] }
        }
        let all = rows(whatIf.added, Localized(vi: "Tiêu chí mới", en: "New criterion"))
            + rows(whatIf.revised, Localized(vi: "Sửa đổi (ngưỡng, điều kiện hoặc biện pháp)", en: "Revised (threshold, condition or remedy)"))
            + rows(whatIf.dropped, Localized(vi: "Bỏ", en: "Dropped"))
        var blocks: [ReportDocument.Block] = all.isEmpty
            ? [.paragraph(w(Localized(vi: "Bộ đề xuất giống bộ hiện hành.", en: "The proposal is the same as the criteria in force.")))]
            : [.table(.init(key: "criteria_changes", columns: [
                Column("criterion", w(Vocabulary.code)), Column("title", w(Vocabulary.criterion)),
                Column("change", w(Localized(vi: "Thay đổi", en: "Change"))),
            ], rows: all))]
        blocks.append(.paragraph(w(Localized(
            vi: "Cả hai bên đánh giá cùng hồ sơ, cùng danh sách đơn vị, cùng tệp miễn trừ và cùng một ngày: mọi khác biệt là do bộ tiêu chí.",
            en: "Both sides judge the same files with the same roster, waivers and day: every difference is the criteria's."))))
        if whatIf.waiversDropped > 0 {
            blocks.append(.paragraph(w(Localized(
                vi: "\(NumberText.counted(whatIf.waiversDropped, vi: "miễn trừ", en: "waiver", .vi)) cho tiêu chí bị bỏ không còn áp dụng theo bộ đề xuất.",
                en: "\(NumberText.counted(whatIf.waiversDropped, vi: "miễn trừ", en: "waiver", .en)) of dropped criteria no longer apply under the proposal."))))
        }
        return .init(key: "criteria_changes", heading: w(Localized(vi: "Bộ tiêu chí đề xuất thay đổi gì", en: "What the proposal changes")), blocks: blocks)
    }

    private static func standing(_ passed: Int, _ total: Int) -> Cell { .text("\(passed)/\(total)") }

    /// The units that would fall back or come forward, with the criteria that decide it.
    private static func readiness(_ changes: [WhatIf.UnitChange], key: String, heading: Localized, _ whatIf: WhatIf,
                                  _ w: Words, _ language: Language) -> ReportDocument.Section {
        let (before, after) = (whatIf.diff.old.criteria, whatIf.diff.new.criteria)
        let block: ReportDocument.Block
        if changes.isEmpty {
            block = .paragraph(w(Localized(vi: "Không có.", en: "None.")))
        } else {
            var table = ReportDocument.Table(key: key, columns: [
                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("met_before", w(Vocabulary.paired(Vocabulary.met, sides.before))),
                Column("met_after", w(Vocabulary.paired(Vocabulary.met, sides.after))),
                Column("why", w(Localized(vi: "Vì", en: "Because"))),
            ], rows: changes.map { u in
                [.code(u.code), .text(u.name), standing(u.passedBefore, before), standing(u.passedAfter, after), .text(reasons(u, w))]
            })
            table.rowHeader = 1
            block = .table(table)
        }
        return .init(key: key, heading: w(heading) + " (\(NumberText.grouped(changes.count, language)))", blocks: [block])
    }

    /// "không còn đạt TC01; chưa đạt tiêu chí mới TC17", in the order that matters to the verdict.
    private static func reasons(_ u: WhatIf.UnitChange, _ w: Words) -> String {
        var parts: [String] = []
        if !u.lost.isEmpty { parts.append(w(Localized(vi: "không còn đạt ", en: "no longer meets ")) + u.lost.joined(separator: ", ")) }
        if !u.newNotMet.isEmpty { parts.append(w(Localized(vi: "chưa đạt tiêu chí mới ", en: "does not meet the new ")) + u.newNotMet.joined(separator: ", ")) }
        if !u.gained.isEmpty { parts.append(w(Localized(vi: "đạt thêm ", en: "now meets ")) + u.gained.joined(separator: ", ")) }
        if !u.droppedNotMet.isEmpty { parts.append(w(Localized(vi: "tiêu chí chưa đạt bị bỏ ", en: "unmet criteria dropped: ")) + u.droppedNotMet.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    private static func units(_ whatIf: WhatIf, _ w: Words, _ language: Language) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if whatIf.units.isEmpty {
            block = .paragraph(w(Localized(vi: "Không đơn vị nào thay đổi.", en: "No unit changes.")))
        } else {
            var table = ReportDocument.Table(key: "units", columns: [
                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("met_before", w(Vocabulary.paired(Vocabulary.met, sides.before))),
                Column("met_after", w(Vocabulary.paired(Vocabulary.met, sides.after))),
                Column("criteria_gained", w(Vocabulary.criteriaGained)), Column("criteria_lost", w(Vocabulary.criteriaLost)),
                Column("new_not_met", w(Localized(vi: "Tiêu chí mới chưa đạt", en: "New criteria not met"))),
                Column("dropped_not_met", w(Localized(vi: "Tiêu chí chưa đạt bị bỏ", en: "Unmet criteria dropped"))),
                Column("cost_before", w(Vocabulary.paired(Vocabulary.cost, sides.before))),
                Column("cost_after", w(Vocabulary.paired(Vocabulary.cost, sides.after))),
            ], rows: whatIf.units.map { u in
                [.code(u.code), .text(u.name), .count(u.passedBefore), .count(u.passedAfter), .text(u.gained.joined(separator: ", ")),
                 .text(u.lost.joined(separator: ", ")), .text(u.newNotMet.joined(separator: ", ")), .text(u.droppedNotMet.joined(separator: ", ")),
                 .money(u.costBefore), .money(u.costAfter)]
            })
            table.rowHeader = 1
            block = .table(table)
        }
        return .init(key: "units", heading: w(Localized(vi: "Đơn vị có thay đổi", en: "Units that change")) + " (\(NumberText.grouped(whatIf.units.count, language)))",
                     blocks: [block])
    }

    /// What each paying party would pay, in force and proposed.
    private static func parties(_ whatIf: WhatIf, _ w: Words) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if whatIf.parties.isEmpty {
            block = .paragraph(w(Localized(vi: "Không bên nào phải chi ở cả hai bên.", en: "No party pays on either side.")))
        } else {
            block = .table(.init(key: "parties", columns: [
                Column("who", w(Vocabulary.who)),
                Column("cost_before", w(Vocabulary.paired(Vocabulary.cost, sides.before))),
                Column("cost_after", w(Vocabulary.paired(Vocabulary.cost, sides.after))),
                Column("change", w(Vocabulary.difference)),
            ], rows: whatIf.parties.map { p in [.text(w(p.who)), .money(p.before), .money(p.after), .change(.money(p.change))] },
               total: [.text(w(Vocabulary.grandTotal)), .money(whatIf.costBefore), .money(whatIf.costAfter),
                       .change(.money(whatIf.costAfter - whatIf.costBefore))]))
        }
        return .init(key: "parties", heading: w(Localized(vi: "Chi phí theo bên chi trả", en: "Cost per paying party")), blocks: [block])
    }
}
