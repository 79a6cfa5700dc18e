import WardcheckCore

/// `diff --format markdown`: the comparison for a wiki page or an issue. Ward text goes through
/// `Markdown.escape`, as in the audit's Markdown.
public enum DiffMarkdown {
    public static func render(_ diff: AuditDiff, language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        let e = Markdown.escape
        let total = diff.new.criteria
        var out = "# " + t("So sánh hai lần kiểm tra", "Two audits compared") + (diff.new.province.map { " — " + e($0) } ?? "") + "\n\n"
        out += "- " + t("Trước", "Before") + ": " + e(diff.old.source) + " (" + e(ProgressLayout.judged(diff.old.evaluatedOn, language)) + ")\n"
        out += "- " + t("Sau", "After") + ": " + e(diff.new.source) + " (" + e(ProgressLayout.judged(diff.new.evaluatedOn, language)) + ")\n\n"
        out += table(["", t("Trước", "Before"), t("Sau", "After"), t("Thay đổi", "Change")], right: [1, 2, 3],
                     DiffSummary(diff).rows.map { [e($0.label.text(language)), $0.text($0.before, language), $0.text($0.after, language),
                                                   "**" + $0.changeText(language) + "**"] })

        for (title, units, sign) in [
            (t("Mới đạt \(total)/\(total)", "Newly ready"), diff.becameReady, "+"),
            (t("Không còn đạt \(total)/\(total)", "No longer ready"), diff.stoppedReady, "-"),
        ] {
            out += "\n## \(title) (\(units.count))\n\n"
            if units.isEmpty {
                out += t("Không có.", "None.") + "\n"
            } else {
                for u in units {
                    out += "- \(e(u.code)) \(e(u.name)) — " + e(ProgressLayout.standing(u, language)) + " "
                        + e(u.criteria.map { sign + $0 }.joined(separator: " ")) + "\n"
                }
            }
        }

        out += "\n## " + t("Tiêu chí — số đơn vị đạt trước và sau", "Criteria — units meeting each, before and after") + "\n\n"
        out += table([t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Trước", "Before"), t("Sau", "After"), t("Thay đổi", "Change"),
                      t("Đạt thêm", "Gained"), t("Mất", "Lost")], right: [2, 3, 4],
                     diff.criteria.map { c in
                         [e(c.id), e(c.title.text(language)), c.passedBefore.map(String.init) ?? "—", c.passedAfter.map(String.init) ?? "—",
                          c.change.map { ProgressLayout.signed($0, language) } ?? "—",
                          e(ProgressLayout.codes(c.gained, language)), e(ProgressLayout.codes(c.lost, language))]
                     })
        out += "\n" + t("Đạt thêm, mất: các đơn vị được đánh giá ở cả hai lần.", "Gained and lost: units evaluated both times.") + "\n"

        out += "\n## " + t("Đơn vị có thay đổi", "Units that changed") + " (\(diff.units.count))\n\n"
        if diff.units.isEmpty {
            out += t("Không đơn vị nào thay đổi.", "No unit changed.") + "\n"
        } else {
            out += table([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Đạt", "Met"), t("Đạt thêm", "Gained"), t("Mất", "Lost"),
                          t("Chi phí trước", "Cost before"), t("Chi phí sau", "Cost after")], right: [5, 6],
                         diff.units.map { u in
                             [e(u.code), e(u.name), "\(u.passedBefore)/\(u.totalBefore) → \(u.passedAfter)/\(u.totalAfter)",
                              e(u.gained.joined(separator: " ")), e(u.lost.joined(separator: " ")),
                              NumberText.money(u.costBefore, language), NumberText.money(u.costAfter, language)]
                         })
        }

        out += "\n## " + t("Nộp số liệu — đơn vị vào, ra", "Submissions — units in and out") + " (\(diff.movements.count))\n\n"
        if diff.movements.isEmpty {
            out += t("Không thay đổi.", "No change.") + "\n"
        } else {
            out += table([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Trước", "Before"), t("Sau", "After"), t("Đạt", "Met")], right: [],
                         diff.movements.map { m in
                             [e(m.code), e(m.name), m.before.label.text(language), m.after.label.text(language),
                              [m.passedBefore, m.passedAfter].map { $0.map(String.init) ?? "—" }.joined(separator: " → ")]
                         })
        }

        out += "\n## " + t("Kế hoạch mua sắm — trước và sau", "Procurement plan — before and after") + "\n\n"
        var rows = diff.plan.map { p in
            [e(p.name.text(language)), NumberText.grouped(p.quantityBefore, language), NumberText.grouped(p.quantityAfter, language),
             NumberText.money(p.totalBefore, language), NumberText.money(p.totalAfter, language), ProgressLayout.signedMoney(p.change, language)]
        }
        rows.append(["**" + t("Tổng cộng", "Total") + "**", "", "", NumberText.money(diff.old.totalCost, language),
                     NumberText.money(diff.new.totalCost, language), "**" + ProgressLayout.signedMoney(diff.costChange, language) + "**"])
        out += table([t("Hạng mục", "Item"), t("SL trước", "Qty before"), t("SL sau", "Qty after"), t("Thành tiền trước", "Total before"),
                      t("Thành tiền sau", "Total after"), t("Chênh lệch", "Change")], right: [1, 2, 3, 4, 5], rows)
        return out
    }

    static func table(_ headers: [String], right: Set<Int>, _ rows: [[String]]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { right.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
