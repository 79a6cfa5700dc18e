import WardcheckCore

/// `diff` in a terminal: the headline figures then and now, who became or stopped being ready,
/// criterion by criterion who gained and who lost, units that came in or dropped out, and the plan.
public struct DiffText {
    public let language: Language
    public let colour: Bool

    public init(language: Language, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private func p(_ text: String) -> String { AuditLayout.plain(text) }

    public func render(_ diff: AuditDiff) -> String {
        let paint = Painter(enabled: colour)
        let total = diff.new.criteria
        var out = paint(.bold, t("SO SÁNH HAI LẦN KIỂM TRA", "TWO AUDITS COMPARED") + (diff.new.province.map { " — " + p($0) } ?? "")) + "\n\n"
        let labels = [t("Trước", "Before") + ":", t("Sau", "After") + ":"]
        let width = labels.map(\.count).max() ?? 0
        for (label, side) in zip(labels, [diff.old, diff.new]) {
            out += "  " + AuditLayout.pad(label, width) + " " + p(side.source) + "  (" + ProgressLayout.judged(side.evaluatedOn, language) + ")\n"
        }
        out += "\n"

        var summary = TextTable(headers: ["", t("Trước", "Before"), t("Sau", "After"), t("Thay đổi", "Change")], right: [1, 2, 3])
        for row in DiffSummary(diff).rows {
            summary.add([.init(row.label.text(language)), .init(row.text(row.before, language)), .init(row.text(row.after, language)),
                         .init(row.changeText(language))])
        }
        out += summary.render()

        out += heading(t("MỚI ĐẠT \(total)/\(total) (\(diff.becameReady.count))", "NEWLY READY (\(diff.becameReady.count))"), paint)
        out += unitList(diff.becameReady, sign: "+", paint, .green)
        out += heading(t("KHÔNG CÒN ĐẠT \(total)/\(total) (\(diff.stoppedReady.count))", "NO LONGER READY (\(diff.stoppedReady.count))"), paint)
        out += unitList(diff.stoppedReady, sign: "-", paint, .red)

        out += heading(t("TIÊU CHÍ — SỐ ĐƠN VỊ ĐẠT TRƯỚC VÀ SAU", "CRITERIA — UNITS MEETING EACH, BEFORE AND AFTER"), paint)
        var criteria = TextTable(headers: [t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Trước", "Before"), t("Sau", "After"),
                                           t("Thay đổi", "Change"), t("Đạt thêm", "Gained"), t("Mất", "Lost")], right: [2, 3, 4, 5, 6])
        for c in diff.criteria {
            criteria.add([.init(p(c.id)), .init(AuditLayout.cut(p(c.title.text(language)), 48)),
                          .init(c.passedBefore.map(String.init) ?? "—"), .init(c.passedAfter.map(String.init) ?? "—"),
                          .init(c.change.map { ProgressLayout.signed($0, language) } ?? "—"),
                          .init("\(c.gained.count)", paint, c.gained.isEmpty ? nil : .green),
                          .init("\(c.lost.count)", paint, c.lost.isEmpty ? nil : .red)])
        }
        out += criteria.render()
        let moved = diff.criteria.filter { !$0.gained.isEmpty || !$0.lost.isEmpty }
        if !moved.isEmpty {
            out += "\n"
            for c in moved {
                if !c.gained.isEmpty { out += "  \(p(c.id)) " + paint(.green, t("đạt thêm", "gained")) + ": " + p(ProgressLayout.codes(c.gained, language)) + "\n" }
                if !c.lost.isEmpty { out += "  \(p(c.id)) " + paint(.red, t("mất", "lost")) + ": " + p(ProgressLayout.codes(c.lost, language)) + "\n" }
            }
        }
        out += "\n  " + t("Đạt thêm, mất: tính trên các đơn vị được đánh giá ở cả hai lần; số đơn vị đạt tính mọi đơn vị được đánh giá ở mỗi lần.",
                          "Gained and lost count units evaluated both times; units meeting each criterion count every unit each audit evaluated.") + "\n"

        out += heading(t("ĐƠN VỊ CÓ THAY ĐỔI (\(diff.units.count))", "UNITS THAT CHANGED (\(diff.units.count))"), paint)
        if diff.units.isEmpty {
            out += "  " + t("Không đơn vị nào thay đổi.", "No unit changed.") + "\n"
        } else {
            var table = TextTable(headers: [t("Mã", "Code"), t("Đơn vị", "Unit"), t("Đạt", "Met"), t("Đạt thêm", "Gained"), t("Mất", "Lost"),
                                            t("Chi phí trước", "Cost before"), t("Chi phí sau", "Cost after")], right: [5, 6])
            for u in diff.units {
                table.add([.init(p(u.code)), .init(AuditLayout.cut(p(u.name), 28)),
                           .init("\(u.passedBefore)/\(u.totalBefore) → \(u.passedAfter)/\(u.totalAfter)", paint,
                                 u.passedAfter > u.passedBefore ? .green : u.passedAfter < u.passedBefore ? .red : nil),
                           .init(p(u.gained.joined(separator: " "))), .init(p(u.lost.joined(separator: " "))),
                           .init(NumberText.money(u.costBefore, language)), .init(NumberText.money(u.costAfter, language))])
            }
            out += table.render()
        }

        out += heading(t("NỘP SỐ LIỆU — ĐƠN VỊ VÀO, RA", "SUBMISSIONS — UNITS IN AND OUT"), paint)
        if diff.movements.isEmpty {
            out += "  " + t("Không thay đổi.", "No change.") + "\n"
        } else {
            var table = TextTable(headers: [t("Mã", "Code"), t("Đơn vị", "Unit"), t("Trước", "Before"), t("Sau", "After"), t("Đạt", "Met")])
            for m in diff.movements {
                let met = [m.passedBefore, m.passedAfter].map { $0.map(String.init) ?? "—" }.joined(separator: " → ")
                table.add([.init(p(m.code)), .init(AuditLayout.cut(p(m.name), 28)), .init(m.before.label.text(language)),
                           .init(m.after.label.text(language), paint, m.after == .evaluated ? .green : m.before == .evaluated ? .red : nil),
                           .init(met)])
            }
            out += table.render()
        }

        out += heading(t("KẾ HOẠCH MUA SẮM — TRƯỚC VÀ SAU", "PROCUREMENT PLAN — BEFORE AND AFTER"), paint)
        if diff.plan.isEmpty {
            out += "  " + t("Không cần mua sắm ở cả hai lần.", "Nothing to buy either time.") + "\n"
        } else {
            var table = TextTable(headers: [t("Hạng mục", "Item"), t("SL trước", "Qty before"), t("SL sau", "Qty after"),
                                            t("Thành tiền trước", "Total before"), t("Thành tiền sau", "Total after"), t("Chênh lệch", "Change")],
                                  right: [1, 2, 3, 4, 5])
            for line in diff.plan {
                table.add([.init(line.name.text(language)), .init(NumberText.grouped(line.quantityBefore, language)),
                           .init(NumberText.grouped(line.quantityAfter, language)), .init(NumberText.money(line.totalBefore, language)),
                           .init(NumberText.money(line.totalAfter, language)), .init(ProgressLayout.signedMoney(line.change, language))])
            }
            table.add([.init(t("Tổng cộng", "Total")), .init(""), .init(""), .init(NumberText.money(diff.old.totalCost, language)),
                       .init(NumberText.money(diff.new.totalCost, language)),
                       .init(ProgressLayout.signedMoney(diff.costChange, language), paint, .bold)])
            table.ruleBeforeLast = true
            out += table.render()
        }
        return out
    }

    private func heading(_ text: String, _ paint: Painter) -> String {
        "\n" + paint(.bold, text) + "\n\n"
    }

    private func unitList(_ units: [AuditDiff.ReadyChange], sign: String, _ paint: Painter, _ colour: Painter.Colour) -> String {
        guard !units.isEmpty else { return "  " + t("Không có.", "None.") + "\n" }
        var table = TextTable(headers: [t("Mã", "Code"), t("Đơn vị", "Unit"), t("Đạt", "Met"), t("Tiêu chí", "Criteria")])
        for u in units {
            table.add([.init(p(u.code)), .init(AuditLayout.cut(p(u.name), 28)),
                       .init(ProgressLayout.standing(u, language), paint, colour),
                       .init(p(u.criteria.map { sign + $0 }.joined(separator: " ")))])
        }
        return table.render()
    }
}
