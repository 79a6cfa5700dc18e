import Foundation
import WardcheckCore

/// `diff --format xlsx`: the comparison as an Excel workbook, one sheet a table: the summary (then,
/// now, change), who became or stopped being ready, each criterion, the units that changed, the
/// units that came in or dropped out, the plan. Written with the audit's `Workbook`: figures are
/// numbers (a change may be negative here, unlike in the CSV), text cells never formulas.
public enum DiffXLSX {
    public static func render(_ diff: AuditDiff, language: Language) throws -> Data {
        try workbook(diff, language: language).data()
    }

    public static func workbook(_ diff: AuditDiff, language: Language) -> Workbook {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        let total = diff.new.criteria
        let title = t("So sánh hai lần kiểm tra", "Two audits compared") + (diff.new.province.map { " — " + $0 } ?? "")
        var book = Workbook(title: title)
        book.dateFormat = Workbook.dateFormat(language)
        func headers(_ names: [String]) -> [Workbook.Cell] { names.map { .text($0, .header) } }

        var summary = Workbook.Sheet(name: t("Tóm tắt", "Summary"))
        summary.widths = [34, 20, 20, 18]
        summary.add([.text(title, .title)])
        summary.add([.text(t("Trước", "Before") + ": " + diff.old.source + " (" + ProgressLayout.judged(diff.old.evaluatedOn, language) + ")")])
        summary.add([.text(t("Sau", "After") + ": " + diff.new.source + " (" + ProgressLayout.judged(diff.new.evaluatedOn, language) + ")")])
        summary.add([])
        summary.add(headers(["", t("Trước", "Before"), t("Sau", "After"), t("Thay đổi", "Change")]))
        for row in DiffSummary(diff).rows {
            func cell(_ value: DiffSummary.Value?) -> Workbook.Cell {
                switch value {
                case nil: return .empty
                case .whole(let n)?: return row.kind == .money ? .money(n) : .int(n)
                case .decimal(let x)?: return .number(x, .decimal)
                }
            }
            let change: Workbook.Cell
            switch row.change {
            case nil: change = .empty
            case .whole(let n)?: change = row.kind == .money ? .money(n, .totalMoney) : .int(n, .totalLabel)
            case .decimal(let x)?: change = .number((x * 100).rounded() / 100, .decimal)
            }
            summary.add([.text(row.label.text(language)), cell(row.before), cell(row.after), change])
        }
        book.sheets.append(summary)

        var ready = Workbook.Sheet(name: t("Đạt, không còn đạt", "Ready changes"))
        ready.add(headers([t("Thay đổi", "Change"), t("Mã", "Code"), t("Đơn vị", "Unit"), t("Trước", "Before"), t("Sau", "After"),
                           t("Tiêu chí", "Criteria")]))
        ready.widths = [22, 8, 28, 18, 18, 30]
        ready.frozenRows = 1
        ready.filterRow = 1
        for (label, changes, style) in [(t("mới đạt \(total)/\(total)", "newly ready"), diff.becameReady, Workbook.Style.passed),
                                        (t("không còn đạt", "no longer ready"), diff.stoppedReady, Workbook.Style.failed)] {
            for r in changes {
                func side(_ presence: AuditDiff.Presence, _ passed: Int?, _ of: Int) -> Workbook.Cell {
                    presence == .evaluated ? .text("\(passed ?? 0)/\(of)") : .text(presence.label.text(language))
                }
                ready.add([.text(label, style), .text(r.code), .text(r.name), side(r.before, r.passedBefore, r.totalBefore),
                           side(r.after, r.passedAfter, r.totalAfter), .text(r.criteria.joined(separator: " "))])
            }
        }
        book.sheets.append(ready)

        var criteria = Workbook.Sheet(name: t("Tiêu chí", "Criteria"))
        criteria.add(headers([t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Trước", "Before"), t("Sau", "After"), t("Thay đổi", "Change"),
                              t("Đạt thêm", "Gained"), t("Mất", "Lost")]))
        criteria.widths = [8, 44, 10, 10, 10, 36, 36]
        criteria.frozenRows = 1
        criteria.filterRow = 1
        for c in diff.criteria {
            criteria.add([.text(c.id), .text(c.title.text(language)), c.passedBefore.map { .int($0) } ?? .empty, c.passedAfter.map { .int($0) } ?? .empty,
                          c.change.map { .int($0, .totalLabel) } ?? .empty, .text(c.gained.joined(separator: ", ")), .text(c.lost.joined(separator: ", "))])
        }
        book.sheets.append(criteria)

        var units = Workbook.Sheet(name: t("Đơn vị thay đổi", "Units that changed"))
        units.add(headers([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Đạt trước", "Met before"), t("Đạt sau", "Met after"), t("Đạt thêm", "Gained"),
                           t("Mất", "Lost"), t("Chi phí trước", "Cost before"), t("Chi phí sau", "Cost after")]))
        units.widths = [8, 28, 11, 11, 24, 24, 18, 18]
        units.frozenRows = 1
        units.frozenColumns = 2
        units.filterRow = 1
        for u in diff.units {
            units.add([.text(u.code), .text(u.name), .int(u.passedBefore), .int(u.passedAfter), .text(u.gained.joined(separator: " ")),
                       .text(u.lost.joined(separator: " ")), .money(u.costBefore), .money(u.costAfter)])
        }
        book.sheets.append(units)

        var movements = Workbook.Sheet(name: t("Nộp số liệu", "Submissions"))
        movements.add(headers([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Trước", "Before"), t("Sau", "After"), t("Đạt trước", "Met before"),
                               t("Đạt sau", "Met after")]))
        movements.widths = [8, 28, 20, 20, 11, 11]
        movements.frozenRows = 1
        movements.filterRow = 1
        for m in diff.movements {
            movements.add([.text(m.code), .text(m.name), .text(m.before.label.text(language)), .text(m.after.label.text(language)),
                           m.passedBefore.map { .int($0) } ?? .empty, m.passedAfter.map { .int($0) } ?? .empty])
        }
        book.sheets.append(movements)

        var plan = Workbook.Sheet(name: t("Kế hoạch mua sắm", "Purchase plan"))
        plan.add(headers([t("Hạng mục", "Item"), t("SL trước", "Qty before"), t("SL sau", "Qty after"), t("Thành tiền trước", "Total before"),
                          t("Thành tiền sau", "Total after"), t("Chênh lệch", "Change")]))
        plan.widths = [40, 11, 11, 18, 18, 18]
        plan.frozenRows = 1
        for p in diff.plan {
            plan.add([.text(p.name.text(language)), .int(p.quantityBefore), .int(p.quantityAfter), .money(p.totalBefore), .money(p.totalAfter),
                      .money(p.change)])
        }
        plan.add([.text(t("Tổng cộng", "Total"), .totalLabel), .empty, .empty, .money(diff.old.totalCost, .totalMoney),
                  .money(diff.new.totalCost, .totalMoney), .money(diff.costChange, .totalMoney)])
        book.sheets.append(plan)
        return book
    }
}
