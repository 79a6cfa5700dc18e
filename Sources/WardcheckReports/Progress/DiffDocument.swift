import WardcheckCore

/// Two audits compared as one document: the figures that moved, what each side was, the headline
/// figures before and after, who became or stopped being ready, each criterion's pass count and
/// who gained or lost it, the units that changed, the units that came into or dropped out of the
/// audit, and the plan before and after. Every format but JSON (its own schema, `DiffJSON`) is
/// written from this, by the document's writers, so the formats cannot disagree.
public enum DiffDocument {
    public static func build(_ diff: AuditDiff, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let total = diff.new.criteria
        var title = w(Localized(vi: "So sánh hai lần kiểm tra", en: "Two audits compared"))
        if let province = diff.new.province { title += " — " + province }
        var subject = w(Localized(vi: "Thay đổi mức độ sẵn sàng theo \(total) tiêu chí của các đơn vị hành chính cấp xã giữa hai lần kiểm tra",
                                  en: "Changes in the readiness of the commune-level units against the \(total) criteria between two audits"))
        if let province = diff.new.province { subject += w(Localized(vi: " trên địa bàn ", en: " in ")) + province }
        if let before = diff.old.evaluatedOn, let after = diff.new.evaluatedOn {
            subject += w(Localized(vi: " (ngày \(before.written(.vi)) và ngày \(after.written(.vi)))",
                                   en: " (\(before.written(.en)) and \(after.written(.en)))"))
        }
        var document = ReportDocument(kind: "diff", language: language, title: title, subject: subject, headline: headline(diff, language))
        document.figures = figures(diff, w)
        document.sections = [
            sources(diff, w), summary(diff, w),
            ready(diff.becameReady, key: "became_ready", heading: Localized(vi: "Mới đạt \(total)/\(total)", en: "Newly ready"),
                  criteria: Vocabulary.criteriaGained, diff, w, language),
            ready(diff.stoppedReady, key: "stopped_ready", heading: Localized(vi: "Không còn đạt \(total)/\(total)", en: "No longer ready"),
                  criteria: Vocabulary.criteriaLost, diff, w, language),
            criteria(diff, w), units(diff, w, language), submissions(diff, w, language), plan(diff, w),
        ]
        return document
    }

    /// What the two sides are called: two audits ("Trước", "Sau"), or two criteria sets ("Hiện hành", "Đề xuất").
    struct Sides {
        var before: Localized
        var after: Localized

        static let audits = Sides(before: Vocabulary.before, after: Vocabulary.after)
    }

    typealias Words = (Localized) -> String
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column

    /// "2 đơn vị mới đạt 16/16, 1 đơn vị không còn đạt (số đơn vị đạt: 1 → 2); chi phí kế hoạch
    /// còn lại: 5.000.000 ₫ → 5.000.000 ₫."
    static func headline(_ diff: AuditDiff, _ language: Language) -> String {
        let total = diff.new.criteria
        let became = NumberText.counted(diff.becameReady.count, vi: "đơn vị", en: "unit", language)
        let stopped = NumberText.counted(diff.stoppedReady.count, vi: "đơn vị", en: "unit", language)
        let ready = NumberText.grouped(diff.old.ready, language) + " → " + NumberText.grouped(diff.new.ready, language)
        let cost = NumberText.money(diff.old.totalCost, language) + " → " + NumberText.money(diff.new.totalCost, language)
        return language == .vi
            ? "\(became) mới đạt \(total)/\(total), \(stopped) không còn đạt (số đơn vị đạt: \(ready)); chi phí kế hoạch còn lại: \(cost)."
            : "\(became) newly ready, \(NumberText.grouped(diff.stoppedReady.count, language)) no longer ready (units ready: \(ready)); remaining plan cost: \(cost)."
    }

    private static func figures(_ diff: AuditDiff, _ w: Words) -> [ReportDocument.Figure] {
        let total = diff.new.criteria
        let readyChange = diff.new.ready - diff.old.ready
        let losers = diff.units.filter { !$0.lost.isEmpty }.count
        return [
            .init(key: "ready", label: w(Localized(vi: "Đạt \(total)/\(total) (lần sau)", en: "Ready (\(total)/\(total)), after")),
                  value: .count(diff.new.ready), tone: .good),
            .init(key: "ready_change", label: w(Localized(vi: "Thay đổi số đơn vị đạt", en: "Change in units ready")),
                  value: .change(.count(readyChange)), tone: readyChange > 0 ? .good : readyChange < 0 ? .bad : .plain),
            .init(key: "became_ready", label: w(Localized(vi: "Mới đạt", en: "Newly ready")),
                  value: .count(diff.becameReady.count), tone: diff.becameReady.isEmpty ? .plain : .good),
            .init(key: "stopped_ready", label: w(Localized(vi: "Không còn đạt", en: "No longer ready")),
                  value: .count(diff.stoppedReady.count), tone: diff.stoppedReady.isEmpty ? .plain : .bad),
            .init(key: "units_losing", label: w(Localized(vi: "Đơn vị mất tiêu chí", en: "Units that lost a criterion")),
                  value: .count(losers), tone: losers > 0 ? .bad : .plain),
            .init(key: "criteria_lost", label: w(Localized(vi: "Số lượt mất tiêu chí", en: "Criteria lost")),
                  value: .count(diff.losses), tone: diff.losses > 0 ? .bad : .plain),
            .init(key: "dropped_out", label: w(Localized(vi: "Đơn vị không còn được đánh giá", en: "Units no longer evaluated")),
                  value: .count(diff.departed.count), tone: diff.departed.isEmpty ? .plain : .warn),
            .init(key: "total_cost", label: w(Localized(vi: "Chi phí kế hoạch còn lại (lần sau)", en: "Remaining plan cost, after")),
                  value: .money(diff.new.totalCost), tone: .money),
            .init(key: "cost_change", label: w(Localized(vi: "Thay đổi chi phí", en: "Change in cost")),
                  value: .change(.money(diff.costChange))),
        ]
    }

    /// What each side was: the report, folder or revision, the day it was judged on, and the
    /// criteria set it was judged by (a change of criteria explains a change of outcomes).
    private static func sources(_ diff: AuditDiff, _ w: Words) -> ReportDocument.Section {
        let rows = [(Vocabulary.before, diff.old), (Vocabulary.after, diff.new)].map { label, side -> [Cell] in
            [.text(w(label)), .text(w(side.shownAs)),
             side.evaluatedOn.map { .date($0) } ?? .text(w(Localized(vi: "theo ngày số liệu của từng tệp", en: "each file as of its own date"))),
             .text(w(side.criteriaSet?.words ?? Localized(vi: "không ghi", en: "not recorded")))]
        }
        var blocks: [ReportDocument.Block] = [
            .table(.init(key: "sources", columns: [
                Column("audit", w(Vocabulary.audit)), Column("source", w(Vocabulary.source)), Column("judged_on", w(Vocabulary.judgedOn)),
                Column("criteria_set", w(Vocabulary.criteriaSet)),
            ], rows: rows)),
        ]
        if let before = diff.old.criteriaSet, let after = diff.new.criteriaSet, before != after {
            blocks.append(.paragraph(w(Localized(
                vi: "Hai lần kiểm tra dùng hai bộ tiêu chí khác nhau: một phần thay đổi có thể do tiêu chí, đơn giá hoặc số liệu yêu cầu đã đổi, không phải do đơn vị.",
                en: "The two audits used different criteria sets: some changes may come from changed criteria, prices or required facts, not from the units."))))
        }
        return .init(key: "sources", heading: w(Localized(vi: "Hai lần kiểm tra", en: "The two audits")), blocks: blocks)
    }

    /// The headline figures before and after, and the change (`DiffSummary`, as the JSON has them).
    static func summary(_ diff: AuditDiff, _ w: Words, _ sides: Sides = .audits) -> ReportDocument.Section {
        let summary = DiffSummary(diff)
        func cell(_ value: DiffSummary.Value?, _ kind: DiffSummary.Kind) -> Cell {
            switch value {
            case nil: return .empty
            case .whole(let n)?: return kind == .money ? .money(n) : .count(n)
            case .decimal(let x)?: return .decimal(x, places: 2)
            }
        }
        let rows = summary.rows.map { row -> [Cell] in
            let change: Cell
            switch row.change {
            case nil: change = .empty
            case .whole(let n)?: change = .change(row.kind == .money ? .money(n) : .count(n))
            case .decimal(let x)?: change = .change(.decimal(x, places: 2))
            }
            return [.text(w(row.label)), cell(row.before, row.kind), cell(row.after, row.kind), change]
        }
        var blocks: [ReportDocument.Block] = [.table(.init(key: "summary", columns: [
            Column("indicator", w(Vocabulary.figure)), Column("before", w(sides.before)), Column("after", w(sides.after)),
            Column("change", w(Vocabulary.change)),
        ], rows: rows))]
        if summary.rows.contains(where: { $0.before == nil || $0.after == nil }) {
            blocks.append(.paragraph(w(Localized(vi: "Ô trống: lần kiểm tra đó không có danh sách đơn vị, hoặc báo cáo của nó không đánh dấu số liệu quá hạn.",
                                                 en: "A blank: that audit had no roster, or its report does not mark stale facts."))))
        }
        return .init(key: "summary", heading: w(Localized(vi: "Các chỉ số chính", en: "Headline figures")), blocks: blocks)
    }

    /// Where a unit stood on one side: "14/16", or in words when it was not evaluated ("chưa nộp").
    private static func standing(_ presence: AuditDiff.Presence, _ passed: Int?, _ total: Int, _ w: Words) -> Cell {
        presence == .evaluated ? .text("\(passed ?? 0)/\(total)") : .text(w(presence.label))
    }

    private static func ready(_ changes: [AuditDiff.ReadyChange], key: String, heading: Localized, criteria: Localized,
                              _ diff: AuditDiff, _ w: Words, _ language: Language) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if changes.isEmpty {
            block = .paragraph(w(Localized(vi: "Không có.", en: "None.")))
        } else {
            var table = ReportDocument.Table(key: key, columns: [
                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("standing_before", w(Vocabulary.before)),
                Column("standing_after", w(Vocabulary.after)), Column("criteria", w(criteria)),
            ], rows: changes.map { r in
                [.code(r.code), .text(r.name), standing(r.before, r.passedBefore, r.totalBefore, w), standing(r.after, r.passedAfter, r.totalAfter, w),
                 .text(r.criteria.joined(separator: ", "))]
            })
            table.rowHeader = 1
            block = .table(table)
        }
        return .init(key: key, heading: w(heading) + " (\(NumberText.grouped(changes.count, language)))", blocks: [block])
    }

    static func criteria(_ diff: AuditDiff, _ w: Words, _ sides: Sides = .audits) -> ReportDocument.Section {
        let rows = diff.criteria.map { c -> [Cell] in
            [.code(c.id), .text(w(c.title)), c.passedBefore.map { .count($0) } ?? .empty, c.passedAfter.map { .count($0) } ?? .empty,
             c.change.map { .change(.count($0)) } ?? .empty, .count(c.gained.count), .count(c.lost.count)]
        }
        var blocks: [ReportDocument.Block] = [.table(.init(key: "criteria", columns: [
            Column("criterion", w(Vocabulary.code)), Column("title", w(Vocabulary.criterion)), Column("before", w(sides.before)),
            Column("after", w(sides.after)), Column("change", w(Vocabulary.change)), Column("gained", w(Vocabulary.gained)),
            Column("lost", w(Vocabulary.lost)),
        ], rows: rows))]
        let moved = diff.criteria.filter { !$0.gained.isEmpty || !$0.lost.isEmpty }
        if !moved.isEmpty {
            blocks.append(.table(.init(key: "criteria_units", caption: w(Localized(vi: "Đơn vị đạt thêm, mất từng tiêu chí", en: "Units that gained or lost each criterion")),
                                       columns: [Column("criterion", w(Vocabulary.code)), Column("units_gained", w(Vocabulary.unitsGained)),
                                                 Column("units_lost", w(Vocabulary.unitsLost))],
                                       rows: moved.map { c in [.code(c.id), .text(c.gained.joined(separator: ", ")), .text(c.lost.joined(separator: ", "))] })))
        }
        blocks.append(.paragraph(w(Localized(
            vi: "Đạt thêm, mất: tính trên các đơn vị được đánh giá ở cả hai lần; số đơn vị đạt tính mọi đơn vị được đánh giá ở mỗi lần.",
            en: "Gained and lost count units evaluated both times; units meeting each criterion count every unit each audit evaluated."))))
        return .init(key: "criteria", heading: w(Localized(vi: "Tiêu chí — số đơn vị đạt trước và sau", en: "Criteria — units meeting each, before and after")),
                     blocks: blocks)
    }

    private static func units(_ diff: AuditDiff, _ w: Words, _ language: Language) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if diff.units.isEmpty {
            block = .paragraph(w(Localized(vi: "Không đơn vị nào thay đổi.", en: "No unit changed.")))
        } else {
            var table = ReportDocument.Table(key: "units", columns: [
                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("met_before", w(Vocabulary.paired(Vocabulary.met, Vocabulary.before))),
                Column("met_after", w(Vocabulary.paired(Vocabulary.met, Vocabulary.after))),
                Column("criteria_gained", w(Vocabulary.criteriaGained)), Column("criteria_lost", w(Vocabulary.criteriaLost)),
                Column("cost_before", w(Vocabulary.paired(Vocabulary.cost, Vocabulary.before))),
                Column("cost_after", w(Vocabulary.paired(Vocabulary.cost, Vocabulary.after))),
            ], rows: diff.units.map { u in
                [.code(u.code), .text(u.name), .count(u.passedBefore), .count(u.passedAfter), .text(u.gained.joined(separator: ", ")),
                 .text(u.lost.joined(separator: ", ")), .money(u.costBefore), .money(u.costAfter)]
            })
            table.rowHeader = 1
            block = .table(table)
        }
        return .init(key: "units", heading: w(Localized(vi: "Đơn vị có thay đổi", en: "Units that changed")) + " (\(NumberText.grouped(diff.units.count, language)))",
                     blocks: [block])
    }

    static func submissions(_ diff: AuditDiff, _ w: Words, _ language: Language, _ sides: Sides = .audits) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if diff.movements.isEmpty {
            block = .paragraph(w(Localized(vi: "Không thay đổi.", en: "No change.")))
        } else {
            var table = ReportDocument.Table(key: "submissions", columns: [
                Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("standing_before", w(sides.before)),
                Column("standing_after", w(sides.after)), Column("met_before", w(Vocabulary.paired(Vocabulary.met, sides.before))),
                Column("met_after", w(Vocabulary.paired(Vocabulary.met, sides.after))),
            ], rows: diff.movements.map { m in
                [.code(m.code), .text(m.name), .text(w(m.before.label)), .text(w(m.after.label)),
                 m.passedBefore.map { .count($0) } ?? .empty, m.passedAfter.map { .count($0) } ?? .empty]
            })
            table.rowHeader = 1
            block = .table(table)
        }
        return .init(key: "submissions", heading: w(Localized(vi: "Nộp số liệu — đơn vị vào, ra", en: "Submissions — units in and out"))
                        + " (\(NumberText.grouped(diff.movements.count, language)))", blocks: [block])
    }

    static func plan(_ diff: AuditDiff, _ w: Words, _ sides: Sides = .audits) -> ReportDocument.Section {
        let block: ReportDocument.Block
        if diff.plan.isEmpty {
            block = .paragraph(w(Localized(vi: "Không cần mua sắm ở cả hai lần.", en: "Nothing to buy either time.")))
        } else {
            block = .table(.init(key: "plan", columns: [
                Column("item", w(Vocabulary.item)),
                Column("quantity_before", w(Vocabulary.paired(Vocabulary.quantity, sides.before))),
                Column("quantity_after", w(Vocabulary.paired(Vocabulary.quantity, sides.after))),
                Column("total_before", w(Vocabulary.paired(Vocabulary.total, sides.before))),
                Column("total_after", w(Vocabulary.paired(Vocabulary.total, sides.after))),
                Column("change", w(Vocabulary.difference)),
            ], rows: diff.plan.map { p in
                [.text(w(p.name)), .count(p.quantityBefore), .count(p.quantityAfter), .money(p.totalBefore), .money(p.totalAfter), .change(.money(p.change))]
            }, total: [.text(w(Vocabulary.grandTotal)), .empty, .empty, .money(diff.old.totalCost), .money(diff.new.totalCost), .change(.money(diff.costChange))]))
        }
        return .init(key: "plan", heading: w(Localized(vi: "Kế hoạch mua sắm — trước và sau", en: "Procurement plan — before and after")), blocks: [block])
    }
}
