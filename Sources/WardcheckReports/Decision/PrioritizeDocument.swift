import Foundation
import WardcheckCore

/// What a budget buys first (`wardcheck prioritize`), as one document: the figures, the units
/// made ready with what they buy and what their parties must do, the criteria funded with what is
/// left, the units still waiting for money, the units money cannot make ready and why, each
/// party's share, and how the choice was made. Every format but JSON renders this.
public enum PrioritizeDocument {
    public static func build(_ p: Prioritization, _ audit: Audit, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let n = audit.criteriaCount
        var title = w(Localized(vi: "Ưu tiên đầu tư để đạt \(n)/\(n) tiêu chí", en: "What to fund first to reach \(n)/\(n)"))
        if let province = audit.province { title += " — " + province }
        var subject = w(Localized(vi: "Đề xuất ưu tiên kinh phí để các đơn vị hành chính cấp xã đạt \(n) tiêu chí",
                                  en: "Proposed priorities for funding the commune-level units to meet the \(n) criteria"))
        if let province = audit.province { subject += w(Localized(vi: " trên địa bàn ", en: " in ")) + province }
        if let day = audit.evaluatedOn { subject += w(Localized(vi: " (tính đến ngày ", en: " (as of ")) + day.written(language) + ")" }
        var document = ReportDocument(kind: "prioritize", language: language, title: title, subject: subject,
                                      headline: headline(p, audit, language))
        document.figures = [
            .init(key: "budget", label: w(Localized(vi: "Ngân sách", en: "Budget")), value: .money(p.budget), tone: .money),
            .init(key: "spent", label: w(Localized(vi: "Đề xuất chi", en: "Proposed spending")), value: .money(p.spent), tone: .money),
            .init(key: "left", label: w(Localized(vi: "Còn lại", en: "Left")), value: .money(p.left)),
            .init(key: "ready_before", label: w(Localized(vi: "Đơn vị đạt \(n)/\(n) hiện nay", en: "Units at \(n)/\(n) now")), value: .count(p.readyBefore)),
            .init(key: "ready_after", label: w(Localized(vi: "Đơn vị đạt \(n)/\(n) sau khi chi", en: "Units at \(n)/\(n) after")),
                  value: .count(p.readyAfter), tone: .good),
            .init(key: "criteria_funded", label: w(Localized(vi: "Tiêu chí đạt thêm ở đơn vị khác", en: "Criteria met at other units")),
                  value: .count(p.criteria.count)),
        ]
        // Which rules the choice was made under, as every report built on an audit says.
        if let identity = audit.criteriaSet {
            document.figures.append(.init(key: "criteria_set", label: w(Vocabulary.criteriaSet), value: .text(w(identity.words))))
        }
        let sections: [ReportDocument.Section?] = [
            units(p, audit, w, language), criteria(p, audit, w, language), waiting(p, audit, w, language),
            blocked(p, audit, w, language), parties(p, audit, w, language), method(p, audit, w),
        ]
        document.sections = sections.compactMap { $0 }
        return document
    }

    private typealias Words = (Localized) -> String
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column

    /// One sentence: what the money does.
    public static func headline(_ p: Prioritization, _ audit: Audit, _ language: Language) -> String {
        let money = { NumberText.money($0, language) }
        let n = audit.criteriaCount
        let count = { NumberText.grouped($0, language) }
        let units = Set(p.criteria.map(\.row)).count
        // Units whose failures are all actions cost nothing: said apart, so the money is not credited with them.
        let free = p.units.filter(\.purchases.isEmpty).count
        switch language {
        case .vi:
            var text = "Với ngân sách \(money(p.budget)): \(count(p.units.count)) đơn vị đạt thêm \(n)/\(n) (từ \(count(p.readyBefore)) lên \(count(p.readyAfter))\(free > 0 ? "; \(count(free)) trong số đó không cần mua gì, chỉ cần các bên thực hiện việc" : "")) với \(money(p.spentOnUnits))"
            if !p.criteria.isEmpty {
                text += "; \(count(p.criteria.count)) tiêu chí ở \(count(units)) đơn vị khác với \(money(p.spentOnCriteria))"
            }
            return text + "; còn lại \(money(p.left))."
        case .en:
            var text = "With a budget of \(money(p.budget)): \(NumberText.counted(p.units.count, vi: "", en: "more unit", enPlural: "more units", .en)) \(p.units.count == 1 ? "reaches" : "reach") \(n)/\(n) (from \(count(p.readyBefore)) to \(count(p.readyAfter))\(free > 0 ? "; \(count(free)) of them need no purchase, only their parties' actions" : "")) for \(money(p.spentOnUnits))"
            if !p.criteria.isEmpty {
                text += "; \(NumberText.counted(p.criteria.count, vi: "", en: "criterion", enPlural: "criteria", .en)) at \(NumberText.counted(units, vi: "", en: "other unit", enPlural: "other units", .en)) for \(money(p.spentOnCriteria))"
            }
            return text + "; \(money(p.left)) left."
        }
    }

    /// Purchases as people read them: "Máy tính × 5 (75.000.000 ₫)".
    private static func purchases(_ needs: [Audit.Need], _ audit: Audit, _ language: Language) -> String {
        needs.map { need in
            AuditLayout.need(need, audit, language) + " (" + NumberText.money(AuditLayout.cost([need], audit), language) + ")"
        }.joined(separator: "; ")
    }

    /// Actions with who does them: "Phân công cán bộ phụ trách CNTT — Chủ tịch UBND xã".
    private static func conditions(_ needs: [Audit.Need], _ audit: Audit, _ language: Language) -> String {
        needs.map { need in
            AuditLayout.need(need, audit, language) + " — " + audit.tasks[Int(need.index)].who.text(language)
        }.joined(separator: "; ")
    }

    private static func units(_ p: Prioritization, _ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section {
        let n = audit.criteriaCount
        var blocks: [ReportDocument.Block] = []
        if p.units.isEmpty {
            blocks.append(.paragraph(w(Localized(vi: "Ngân sách này chưa đủ để đơn vị nào đạt \(n)/\(n).",
                                                 en: "This budget makes no unit reach \(n)/\(n)."))))
        } else {
            var running = 0
            let rows = p.units.enumerated().map { (i, unit) -> [Cell] in
                let row = audit.rows[unit.row]
                running += unit.cost
                return [.count(i + 1), .code(row.code), .unit(row.name, code: row.code), .count(row.passed), .money(unit.cost), .money(running),
                        .text(purchases(unit.purchases, audit, language)), .text(conditions(unit.actions, audit, language))]
            }
            var table = ReportDocument.Table(key: "units", columns: [
                Column("order", w(Localized(vi: "Thứ tự", en: "Order"))), Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)),
                Column("passed_count", w(Vocabulary.met)), Column("cost", w(Vocabulary.cost)),
                Column("running_total", w(Localized(vi: "Cộng dồn", en: "Running total"))),
                Column("purchases", w(Localized(vi: "Cần mua", en: "To buy"))),
                Column("conditions", w(Localized(vi: "Điều kiện: việc các bên phải làm", en: "On condition that")))
            ], rows: rows, total: [.text(w(Vocabulary.grandTotal)), .empty, .empty, .empty, .money(p.spentOnUnits), .empty, .empty, .empty])
            table.rowHeader = 2
            blocks.append(.paragraph(w(Localized(
                vi: "Mỗi đơn vị dưới đây đạt \(n)/\(n) khi được mua đủ các hạng mục của mình và các bên thực hiện xong những việc ghi ở cột điều kiện. Các đơn vị được chọn từ rẻ nhất.",
                en: "Each unit below reaches \(n)/\(n) once its purchases are bought and the parties have done what the last column says. Units are chosen cheapest first."))))
            blocks.append(.table(table))
        }
        return .init(key: "units", heading: w(Localized(vi: "Đơn vị đạt \(n)/\(n) nhờ khoản chi này", en: "Units this money makes ready")), blocks: blocks)
    }

    private static func criteria(_ p: Prioritization, _ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section? {
        guard !p.criteria.isEmpty else { return nil }
        let n = audit.criteriaCount
        // Criteria met after, per unit: the unit's own passes plus every criterion funded there.
        var funded: [Int: Int] = [:]
        for c in p.criteria { funded[c.row, default: 0] += 1 }
        let rows = p.criteria.map { c -> [Cell] in
            let row = audit.rows[c.row]
            return [.code(row.code), .unit(row.name, code: row.code), .code(audit.criteria[c.criterion].id), .text(w(audit.criteria[c.criterion].title)),
                    .money(c.cost), .text(purchases(c.purchases, audit, language)), .text(conditions(c.actions, audit, language)),
                    .text("\(row.passed)/\(n) → \(row.passed + (funded[c.row] ?? 0))/\(n)")]
        }
        var table = ReportDocument.Table(key: "criteria_funded", columns: [
            Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("criterion", w(Vocabulary.code)),
            Column("title", w(Vocabulary.criterion)), Column("cost", w(Vocabulary.cost)),
            Column("purchases", w(Localized(vi: "Cần mua", en: "To buy"))),
            Column("conditions", w(Localized(vi: "Điều kiện: việc các bên phải làm", en: "On condition that"))),
            Column("met", w(Localized(vi: "Số tiêu chí đạt (trước → sau)", en: "Criteria met (before → after)"))),
        ], rows: rows, total: [.text(w(Vocabulary.grandTotal)), .empty, .empty, .empty, .money(p.spentOnCriteria), .empty, .empty, .empty])
        table.rowHeader = 1
        return .init(key: "criteria_funded", heading: w(Localized(vi: "Tiêu chí đạt thêm với số tiền còn lại", en: "Criteria met with what is left")), blocks: [
            .paragraph(w(Localized(
                vi: "Số tiền còn lại không đủ cho thêm đơn vị nào đạt \(n)/\(n); nó được dùng cho các tiêu chí rẻ nhất ở các đơn vị khác, để có nhiều tiêu chí đạt nhất.",
                en: "What is left cannot make another unit reach \(n)/\(n); it buys the cheapest criteria at the other units, so that the most criteria are met."))),
            .table(table),
        ])
    }

    private static func waiting(_ p: Prioritization, _ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section? {
        guard !p.waiting.isEmpty else { return nil }
        let rows = p.waiting.map { unit -> [Cell] in
            let row = audit.rows[unit.row]
            return [.code(row.code), .unit(row.name, code: row.code), .count(row.passed), .money(unit.cost)]
        }
        var table = ReportDocument.Table(key: "waiting", columns: [
            Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("passed_count", w(Vocabulary.met)),
            Column("cost", w(Localized(vi: "Cần để đạt", en: "Needed to be ready"))),
        ], rows: rows)
        table.rowHeader = 1
        return .init(key: "waiting", heading: w(Localized(vi: "Đơn vị có thể đạt bằng kinh phí nhưng chưa đủ tiền", en: "Units money could make ready, beyond this budget")), blocks: [
            .paragraph(w(Localized(vi: "Mỗi đơn vị này cần nhiều hơn số tiền còn lại (\(NumberText.money(p.left, .vi))).",
                                   en: "Each of these needs more than what is left (\(NumberText.money(p.left, .en))).")) ),
            .table(table),
        ])
    }

    /// Why money alone does not make the unit ready, in words.
    static func why(_ obstacle: Prioritization.Obstacle, _ audit: Audit, _ language: Language) -> String {
        let list = { (ids: [String]) in ids.joined(separator: ", ") }
        let words: Localized
        switch obstacle {
        case .notReported(let ids): words = Localized(vi: "chưa báo cáo \(list(ids))", en: "not reported: \(list(ids))")
        case .notEvaluable(let ids): words = Localized(vi: "không đánh giá được \(list(ids))", en: "not evaluable: \(list(ids))")
        case .waived(let ids): words = Localized(vi: "đang được miễn trừ \(list(ids))", en: "waived: \(list(ids))")
        case .mustReport(let ids):
            words = Localized(vi: "cần báo cáo số liệu còn thiếu của \(list(ids)) trước", en: "must first report the facts missing for \(list(ids))")
        case .unpriced(let keys):
            let names = keys.map { key in audit.tasks.first { $0.kind == .item && $0.key == key }?.name.text(language) ?? key }
            words = Localized(vi: "chưa tính được số lượng cần mua: \(names.joined(separator: ", "))",
                              en: "how many to buy is not known yet: \(names.joined(separator: ", "))")
        }
        return words.text(language)
    }

    private static func blocked(_ p: Prioritization, _ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section? {
        guard !p.blocked.isEmpty else { return nil }
        let rows = p.blocked.map { b -> [Cell] in
            let row = audit.rows[b.row]
            return [.code(row.code), .unit(row.name, code: row.code), .count(row.passed), .text(b.obstacles.map { why($0, audit, language) }.joined(separator: "; "))]
        }
        var table = ReportDocument.Table(key: "blocked", columns: [
            Column("code", w(Vocabulary.code)), Column("unit", w(Vocabulary.unit)), Column("passed_count", w(Vocabulary.met)),
            Column("why", w(Vocabulary.why)),
        ], rows: rows)
        table.rowHeader = 1
        return .init(key: "blocked", heading: w(Localized(vi: "Đơn vị chưa thể đạt chỉ bằng kinh phí", en: "Units money alone cannot make ready")), blocks: [
            .paragraph(w(Localized(vi: "Tiền không làm các đơn vị này đạt khi còn tiêu chí chưa báo cáo, không đánh giá được hay đang miễn trừ, hoặc khi chưa biết cần mua bao nhiêu; các tiêu chí khác của chúng vẫn có thể được chi ở mục trên.",
                                   en: "Money cannot make these units ready while a criterion is not reported, not evaluable or waived, or while how much to buy is not known; their other criteria can still be funded above."))),
            .table(table),
        ])
    }

    private static func parties(_ p: Prioritization, _ audit: Audit, _ w: Words, _ language: Language) -> ReportDocument.Section? {
        // Each party's purchases and conditions, for the units made ready and the criteria funded.
        struct Share { var cost = 0; var units = Set<Int>(); var purchases = 0; var actions = 0 }
        var shares: [String: Share] = [:]
        var order: [String] = []
        func add(_ needs: [Audit.Need], row: Int, purchase: Bool) {
            for need in needs {
                let task = audit.tasks[Int(need.index)]
                if shares[task.role] == nil { order.append(task.role) }
                var share = shares[task.role] ?? Share()
                share.units.insert(row)
                if purchase {
                    share.cost = Money.sum([share.cost, AuditLayout.cost([need], audit)])
                    share.purchases += 1
                } else {
                    share.actions += 1
                }
                shares[task.role] = share
            }
        }
        for unit in p.units {
            add(unit.purchases, row: unit.row, purchase: true)
            add(unit.actions, row: unit.row, purchase: false)
        }
        for c in p.criteria {
            add(c.purchases, row: c.row, purchase: true)
            add(c.actions, row: c.row, purchase: false)
        }
        // A party given its own share is listed even when nothing it buys was chosen.
        for role in p.shares.keys.sorted() where shares[role] == nil {
            order.append(role)
            shares[role] = Share()
        }
        guard !order.isEmpty else { return nil }
        let who = { (role: String) in audit.tasks.first { $0.role == role }?.who.text(language) ?? role }
        let split = !p.shares.isEmpty
        let rows = order.map { role -> [Cell] in
            let share = shares[role]!
            let says: String
            switch language {
            case .vi:
                says = share.cost > 0
                    ? "Mua \(NumberText.money(share.cost, .vi)) cho \(share.units.count) đơn vị" + (share.actions > 0 ? ", và thực hiện \(share.actions) việc" : "")
                    : "Thực hiện \(share.actions) việc ở \(share.units.count) đơn vị, không cần kinh phí từ ngân sách này"
            case .en:
                says = share.cost > 0
                    ? "Buys \(NumberText.money(share.cost, .en)) for \(NumberText.counted(share.units.count, vi: "", en: "unit", .en))"
                        + (share.actions > 0 ? ", and does \(NumberText.counted(share.actions, vi: "", en: "action", .en))" : "")
                    : "Does \(NumberText.counted(share.actions, vi: "", en: "action", .en)) at \(NumberText.counted(share.units.count, vi: "", en: "unit", .en)), with no money from this budget"
            }
            let own: [Cell] = split ? [p.shares[role].map { .money($0) } ?? .text(w(Localized(vi: "chung", en: "shared")))] : []
            return [.text(who(role))] + own + [.count(share.units.count), share.cost > 0 ? .money(share.cost) : .empty, .count(share.actions), .text(says)]
        }
        let shareColumn = split ? [Column("share", w(Localized(vi: "Phần ngân sách", en: "Its share")))] : []
        var blocks: [ReportDocument.Block] = []
        if split {
            blocks.append(.paragraph(w(Localized(
                vi: "Mỗi bên có phần ngân sách riêng chỉ chi cho các hạng mục của mình; các bên khác dùng chung phần còn lại (\(NumberText.money(p.budget - p.shares.values.reduce(0, +), .vi))).",
                en: "A party with its own share spends it on its own purchases only; the other parties share the rest (\(NumberText.money(p.budget - p.shares.values.reduce(0, +), .en)))."))))
        }
        blocks.append(.table(.init(key: "parties", columns: [Column("who", w(Vocabulary.who))] + shareColumn + [
            Column("units", w(Vocabulary.units)), Column("cost", w(Vocabulary.cost)),
            Column("actions", w(Localized(vi: "Số việc phải làm", en: "Actions"))), Column("says", w(Localized(vi: "Tóm tắt", en: "In short"))),
        ], rows: rows, total: [.text(w(Vocabulary.grandTotal))] + (split ? [.money(p.budget)] : []) + [.empty, .money(p.spent), .empty, .empty])))
        return .init(key: "parties", heading: w(Localized(vi: "Phần việc của từng bên", en: "Each party's share")), blocks: blocks)
    }

    private static func method(_ p: Prioritization, _ audit: Audit, _ w: Words) -> ReportDocument.Section {
        let n = audit.criteriaCount
        var blocks = rule(n, w)
        if !p.shares.isEmpty {
            blocks.append(.paragraph(w(Localized(
                vi: "Khi ngân sách được chia cho từng bên, các đơn vị và tiêu chí vẫn được xét từ rẻ nhất, bỏ qua những gì vượt phần của một bên: mọi khoản được chọn nằm trong phần của từng bên và không thể thêm khoản nào nữa, nhưng một cách chọn khác có thể cho nhiều đơn vị đạt hơn.",
                en: "With the budget split between parties, units and criteria are still taken cheapest first, skipping what exceeds a party's share: everything chosen fits every share and nothing more can be added, but another choice may make more units ready."))))
        }
        return .init(key: "method", heading: w(Localized(vi: "Cách chọn", en: "How the choice is made")), blocks: blocks)
    }

    private static func rule(_ n: Int, _ w: Words) -> [ReportDocument.Block] {
        [
            .paragraph(w(Localized(
                vi: "Một đơn vị đạt \(n)/\(n) nhờ kinh phí khi không còn tiêu chí chưa báo cáo, không đánh giá được hay đang miễn trừ, mọi hạng mục cần mua đã tính được số lượng và được mua đủ; các việc không mua sắm do các bên thực hiện và được ghi là điều kiện.",
                en: "Money makes a unit reach \(n)/\(n) when none of its criteria is not reported, not evaluable or waived, every purchase it needs has a known quantity, and all are bought; what is not a purchase falls to its party and is listed as a condition."))),
            .paragraph(w(Localized(
                vi: "Các đơn vị được chọn từ rẻ nhất cho đến khi đơn vị tiếp theo vượt ngân sách: không cách chọn nào khác có nhiều đơn vị đạt hơn, và trong các cách có cùng số đơn vị, cách này rẻ nhất. Số tiền còn lại được dùng cho các tiêu chí rẻ nhất ở các đơn vị khác theo cùng cách, nên có nhiều tiêu chí đạt nhất với số tiền đó. Khi nhiều đơn vị có cùng chi phí ở ngưỡng ngân sách, chọn những đơn vị để lại nhiều tiêu chí đạt được nhất với số tiền còn lại.",
                en: "Units are taken cheapest first until the next one would exceed the budget: no other choice makes more units ready, and of those making as many, this one costs least. What is left goes the same way to the cheapest criteria at the other units, so the most criteria are met with it. Where units of equal cost straddle the edge of the budget, those are chosen whose remainder meets the most criteria."))),
        ]
    }
}
