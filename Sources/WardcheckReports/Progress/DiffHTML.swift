import WardcheckCore

/// `diff --format html`: the comparison as one self-contained page. Every piece of ward text
/// (names, codes, sources) goes through `HTML.escape`.
public enum DiffHTML {
    public static func render(_ diff: AuditDiff, language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        // Control characters first become spaces: a report read back from JSON may carry them.
        let h = { (text: String) in HTML.escape(AuditLayout.plain(text)) }
        let total = diff.new.criteria
        let title = t("So sánh hai lần kiểm tra", "Two audits compared") + (diff.new.province.map { " — " + $0 } ?? "")
        let meta = h(t("Trước", "Before")) + ": <code>" + h(diff.old.source) + "</code> (" + h(ProgressLayout.judged(diff.old.evaluatedOn, language))
            + ") · " + h(t("Sau", "After")) + ": <code>" + h(diff.new.source) + "</code> (" + h(ProgressLayout.judged(diff.new.evaluatedOn, language)) + ")"

        var body = "<section id=\"summary\">\n<h2>\(h(t("Tóm tắt", "Summary")))</h2>\n"
        body += ProgressPage.table(["", h(t("Trước", "Before")), h(t("Sau", "After")), h(t("Thay đổi", "Change"))], numeric: [1, 2, 3],
                                   DiffSummary(diff).rows.map { row in
            // Fewer invalid files, fewer units missing and a smaller remaining cost are progress.
            let better = ["invalid", "not_submitted", "stale", "total_cost"].contains(row.key) ? -1 : 1
            let sign: Int
            switch row.change {
            case .whole(let n)?: sign = n.signum()
            case .decimal(let x)?: sign = x > 0.0049 ? 1 : x < -0.0049 ? -1 : 0
            case nil: sign = 0
            }
            return [h(row.label.text(language)), h(row.text(row.before, language)), h(row.text(row.after, language)),
                    ProgressPage.change(row.changeText(language), sign, better: better)]
        })
        body += "</section>\n"

        for (id, heading, units, css) in [
            ("newly-ready", t("Mới đạt \(total)/\(total)", "Newly ready"), diff.becameReady, "gain"),
            ("no-longer-ready", t("Không còn đạt \(total)/\(total)", "No longer ready"), diff.stoppedReady, "loss"),
        ] {
            body += "<section id=\"\(id)\">\n<h2>\(h(heading)) (\(units.count))</h2>\n"
            if units.isEmpty {
                body += "<p>\(h(t("Không có.", "None.")))</p>\n"
            } else {
                body += ProgressPage.table([h(t("Mã", "Code")), h(t("Đơn vị", "Unit")), h(t("Đạt", "Met")), h(t("Tiêu chí", "Criteria"))], numeric: [2],
                                           units.map { u in
                    [h(u.code), h(u.name), h(ProgressLayout.standing(u, language)),
                     "<span class=\"\(css)\">" + h(u.criteria.joined(separator: " ")) + "</span>"]
                })
            }
            body += "</section>\n"
        }

        body += "<section id=\"criteria\">\n<h2>\(h(t("Tiêu chí — số đơn vị đạt trước và sau", "Criteria — units meeting each, before and after")))</h2>\n"
        body += ProgressPage.table([h(t("Mã", "Id")), h(t("Tiêu chí", "Criterion")), h(t("Trước", "Before")), h(t("Sau", "After")),
                                    h(t("Thay đổi", "Change")), h(t("Đạt thêm", "Gained")), h(t("Mất", "Lost"))], numeric: [2, 3, 4],
                                   diff.criteria.map { c in
            [h(c.id), h(c.title.text(language)), c.passedBefore.map(String.init) ?? "—", c.passedAfter.map(String.init) ?? "—",
             c.change.map { ProgressPage.change(ProgressLayout.signed($0, language), $0.signum()) } ?? "—",
             "<span class=\"codes gain\">" + h(c.gained.joined(separator: ", ")) + "</span>",
             "<span class=\"codes loss\">" + h(c.lost.joined(separator: ", ")) + "</span>"]
        })
        body += "<p class=\"note\">\(h(t("Đạt thêm, mất: các đơn vị được đánh giá ở cả hai lần; số đơn vị đạt tính mọi đơn vị được đánh giá ở mỗi lần.", "Gained and lost: units evaluated both times; units meeting each criterion count every unit each audit evaluated.")))</p>\n</section>\n"

        body += "<section id=\"units\">\n<h2>\(h(t("Đơn vị có thay đổi", "Units that changed"))) (\(diff.units.count))</h2>\n"
        if diff.units.isEmpty {
            body += "<p>\(h(t("Không đơn vị nào thay đổi.", "No unit changed.")))</p>\n"
        } else {
            body += ProgressPage.table([h(t("Mã", "Code")), h(t("Đơn vị", "Unit")), h(t("Đạt", "Met")), h(t("Đạt thêm", "Gained")), h(t("Mất", "Lost")),
                                        h(t("Chi phí trước", "Cost before")), h(t("Chi phí sau", "Cost after"))], numeric: [2, 5, 6],
                                       diff.units.map { u in
                [h(u.code), h(u.name), ProgressPage.change("\(u.passedBefore)/\(u.totalBefore) → \(u.passedAfter)/\(u.totalAfter)", (u.passedAfter - u.passedBefore).signum()),
                 "<span class=\"gain\">" + h(u.gained.joined(separator: " ")) + "</span>", "<span class=\"loss\">" + h(u.lost.joined(separator: " ")) + "</span>",
                 h(NumberText.money(u.costBefore, language)), h(NumberText.money(u.costAfter, language))]
            })
        }
        body += "</section>\n"

        body += "<section id=\"submissions\">\n<h2>\(h(t("Nộp số liệu — đơn vị vào, ra", "Submissions — units in and out"))) (\(diff.movements.count))</h2>\n"
        if diff.movements.isEmpty {
            body += "<p>\(h(t("Không thay đổi.", "No change.")))</p>\n"
        } else {
            body += ProgressPage.table([h(t("Mã", "Code")), h(t("Đơn vị", "Unit")), h(t("Trước", "Before")), h(t("Sau", "After")), h(t("Đạt", "Met"))],
                                       diff.movements.map { m in
                [h(m.code), h(m.name), h(m.before.label.text(language)),
                 ProgressPage.change(m.after.label.text(language), m.after == .evaluated ? 1 : m.before == .evaluated ? -1 : 0),
                 [m.passedBefore, m.passedAfter].map { $0.map(String.init) ?? "—" }.joined(separator: " → ")]
            })
        }
        body += "</section>\n"

        body += "<section id=\"plan\">\n<h2>\(h(t("Kế hoạch mua sắm — trước và sau", "Procurement plan — before and after")))</h2>\n"
        body += ProgressPage.table([h(t("Hạng mục", "Item")), h(t("SL trước", "Qty before")), h(t("SL sau", "Qty after")),
                                    h(t("Thành tiền trước", "Total before")), h(t("Thành tiền sau", "Total after")), h(t("Chênh lệch", "Change"))],
                                   numeric: [1, 2, 3, 4, 5],
                                   diff.plan.map { p in
            [h(p.name.text(language)), h(NumberText.grouped(p.quantityBefore, language)), h(NumberText.grouped(p.quantityAfter, language)),
             h(NumberText.money(p.totalBefore, language)), h(NumberText.money(p.totalAfter, language)),
             ProgressPage.change(ProgressLayout.signedMoney(p.change, language), p.change.signum(), better: -1)]
        }, footer: [h(t("Tổng cộng", "Total")), "", "", h(NumberText.money(diff.old.totalCost, language)), h(NumberText.money(diff.new.totalCost, language)),
                    ProgressPage.change(ProgressLayout.signedMoney(diff.costChange, language), diff.costChange.signum(), better: -1)])
        body += "</section>\n"

        return ProgressPage.wrap(title: h(title), meta: meta, body: body, generator: "wardcheck diff", language: language)
    }
}
