import WardcheckCore

/// `audit` in a terminal, for the city office: the summary, who has not submitted, broken files,
/// audit findings, the criteria that block most units, the ranked matrix and the procurement plan.
public struct AuditText {
    public let language: Language
    public let colour: Bool

    public init(language: Language, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }

    public func render(_ audit: Audit) -> String {
        let paint = Painter(enabled: colour)
        var out = summary(audit, paint)
        out += notSubmitted(audit)
        out += invalidFiles(audit, paint)
        out += findings(audit, paint)
        out += expiredWaivers(audit, paint)
        out += stale(audit, paint)
        out += notEvaluable(audit, paint)
        out += criteria(audit, paint)
        out += matrix(audit, paint)
        out += plan(audit, paint)
        return out
    }

    /// Waivers that have lapsed are ignored; the city should renew or close them.
    private func expiredWaivers(_ audit: Audit, _ paint: Painter) -> String {
        let lapsed = audit.rows.filter { !$0.expiredWaivers.isEmpty }
        guard !lapsed.isEmpty else { return "" }
        var out = heading(t("MIỄN TRỪ ĐÃ HẾT HẠN — KHÔNG ÁP DỤNG", "EXPIRED WAIVERS — IGNORED"), paint)
        for row in lapsed {
            out += "  \(AuditLayout.plain(row.code))  \(AuditLayout.plain(row.name)): \(row.expiredWaivers.joined(separator: ", "))\n"
        }
        return out
    }

    /// Facts older than the audit allows: the unit should send fresh ones.
    private func stale(_ audit: Audit, _ paint: Painter) -> String {
        let old = audit.rows.filter(\.stale)
        guard !old.isEmpty else { return "" }
        var out = heading(t("SỐ LIỆU QUÁ HẠN (cũ hơn \(audit.staleAfterDays) ngày) (\(old.count))",
                            "STALE FACTS (older than \(audit.staleAfterDays) days) (\(old.count))"), paint)
        for row in old {
            let age = audit.evaluatedOn.flatMap { day in row.asOf.map { day - $0 } }
            out += "  \(AuditLayout.plain(row.code))  \(AuditLayout.plain(row.name)): " + (row.asOf?.written(language) ?? "?")
                + (age.map { " (" + NumberText.counted($0, vi: "ngày", en: "day", language) + ")" } ?? "") + "\n"
        }
        return out
    }

    /// Criteria that could not be computed for a unit: a fault in the criteria or their data, shown apart.
    private func notEvaluable(_ audit: Audit, _ paint: Painter) -> String {
        let rows = audit.rows.filter { !$0.problems.isEmpty }
        guard !rows.isEmpty else { return "" }
        var out = heading(t("KHÔNG ĐÁNH GIÁ ĐƯỢC (\(rows.count) đơn vị)", "NOT EVALUABLE (\(NumberText.counted(rows.count, vi: "", en: "unit", .en)))"), paint)
        for row in rows {
            for p in row.problems {
                let place = [p.file, p.at.map { "\($0.line):\($0.column)" }].compactMap { $0 }.joined(separator: ":")
                out += "  \(AuditLayout.plain(row.code))  \(p.criterion ?? "?"): " + paint(.magenta, AuditLayout.plain(p.message.text(language)))
                    + (place.isEmpty ? "" : "  (\(AuditLayout.plain(place)))") + "\n"
            }
        }
        return out
    }

    private func heading(_ text: String, _ paint: Painter) -> String {
        "\n" + paint(.bold, text) + "\n\n"
    }

    private func summary(_ audit: Audit, _ paint: Painter) -> String {
        let total = audit.criteriaCount
        var out = paint(.bold, t("KIỂM TRA SẴN SÀNG \(total) TIÊU CHÍ", "READINESS AUDIT, \(total) CRITERIA")
            + (audit.province.map { " — " + AuditLayout.plain($0) } ?? "")) + "\n\n"
        out += "  " + AuditSummary.headline(audit, language) + "\n\n"
        var lines: [(String, String)] = []
        if audit.rosterFile == nil {
            lines.append((t("Danh sách đơn vị", "Roster"), t("không có — mọi tệp đều được tính", "none — every file is counted")))
        }
        for figure in AuditSummary(audit).figures {
            var value = AuditSummary.text(figure.value, language)
            if figure.key == "roster_units", let file = audit.rosterFile { value += "  (\(AuditLayout.plain(file)))" }
            if figure.key == "ready" {
                value += t(" / \(NumberText.grouped(audit.valid, language)) đơn vị (\(AuditLayout.percent(audit.ready, of: audit.valid))%)",
                           " of \(NumberText.counted(audit.valid, vi: "", en: "unit", language)) (\(AuditLayout.percent(audit.ready, of: audit.valid))%)")
            }
            let painted: String
            switch figure.tone {
            case .good: painted = paint(.green, value)
            case .warn: painted = paint(.yellow, value)
            case .bad: painted = paint(.red, value)
            case .money: painted = paint(.bold, value)
            case .plain: painted = value
            }
            lines.append((figure.label.text(language), painted))
        }
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines { out += "  " + AuditLayout.pad(label + ":", width + 1) + "  " + value + "\n" }
        return out
    }

    private func notSubmitted(_ audit: Audit) -> String {
        guard audit.rosterSize != nil, !audit.notSubmitted.isEmpty else { return "" }
        var out = heading(t("CHƯA NỘP SỐ LIỆU (\(audit.notSubmitted.count))", "NOT SUBMITTED (\(audit.notSubmitted.count))"), Painter(enabled: colour))
        var table = TextTable(headers: [t("Mã", "Code"), t("Đơn vị", "Unit")] + audit.rosterColumns.map { $0.label.text(language) })
        for unit in audit.notSubmitted {
            table.add([.init(AuditLayout.plain(unit.code)), .init(AuditLayout.plain(unit.name))]
                + audit.rosterColumns.map { .init(AuditLayout.plain(AuditLayout.attribute(unit, $0, language))) })
        }
        out += table.render()
        return out
    }

    private func invalidFiles(_ audit: Audit, _ paint: Painter) -> String {
        guard !audit.invalid.isEmpty else { return "" }
        var out = heading(t("TỆP KHÔNG HỢP LỆ (\(audit.invalid.count)) — chưa được đánh giá", "INVALID FILES (\(audit.invalid.count)) — not evaluated"), paint)
        for file in audit.invalid {
            out += "  " + paint(.red, AuditLayout.plain(file.file)) + " — " + NumberText.counted(file.errorCount, vi: "lỗi", en: "error", language) + "\n"
            for d in file.firstErrors { out += "    " + oneLine(d, paint) + "\n" }
            let more = file.errorCount - file.firstErrors.count
            if more > 0 { out += "    " + t("… và \(more) lỗi khác", "… and \(more) more") + "\n" }
        }
        return out
    }

    private func findings(_ audit: Audit, _ paint: Painter) -> String {
        guard !audit.diagnostics.isEmpty else { return "" }
        var out = heading(t("VẤN ĐỀ KHI ĐỐI CHIẾU (\(audit.diagnostics.count))", "AUDIT FINDINGS (\(audit.diagnostics.count))"), paint)
        for d in audit.diagnostics {
            out += "  " + oneLine(d, paint) + "\n"
            if let hint = d.hint { out += "      = " + paint(.cyan, t("gợi ý", "hint")) + ": " + AuditLayout.plain(hint.text(language)) + "\n" }
        }
        return out
    }

    /// `file:line:col: error[WC101]: message`, the way editors and CI match it.
    private func oneLine(_ d: Diagnostic, _ paint: Painter) -> String {
        "\(AuditLayout.plain(d.file)):\(d.start.line):\(d.start.column): "
            + paint(d.severity == .error ? .red : .yellow, "\(d.severity.rawValue)[\(d.code.rawValue)]")
            + ": " + AuditLayout.plain(d.message.text(language))
    }

    private func criteria(_ audit: Audit, _ paint: Painter) -> String {
        var out = heading(t("TIÊU CHÍ — VƯỚNG NHIỀU ĐƠN VỊ NHẤT TRƯỚC", "CRITERIA — BIGGEST BLOCKER FIRST"), paint)
        var table = TextTable(headers: [t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Đạt", "Passed"), t("Không đạt", "Failed"),
                                        t("Chưa BC", "Not rep."), t("Miễn trừ", "Waived"), t("Vướng", "Blocking")],
                              right: [2, 3, 4, 5, 6])
        for tally in audit.tallies {
            table.add([.init(tally.id), .init(tally.title.text(language)),
                       .init("\(tally.passed)", paint, tally.passed > 0 ? .green : nil),
                       .init("\(tally.failed)", paint, tally.failed > 0 ? .red : nil),
                       .init("\(tally.notReported)", paint, tally.notReported > 0 ? .yellow : nil),
                       .init("\(tally.waived)", paint, tally.waived > 0 ? .cyan : nil),
                       .init("\(tally.blocking)", paint, tally.blocking > 0 ? .bold : nil)])
        }
        out += table.render()
        out += "\n  " + t("Vướng = không đạt + chưa báo cáo + không đánh giá được: số đơn vị bị tiêu chí này giữ dưới \(audit.criteriaCount)/\(audit.criteriaCount).",
                          "Blocking = failed + not reported + not evaluable: units this criterion keeps below \(audit.criteriaCount)/\(audit.criteriaCount).") + "\n"
        return out
    }

    private func matrix(_ audit: Audit, _ paint: Painter) -> String {
        var out = heading(t("BẢNG XẾP HẠNG", "RANKED MATRIX"), paint)
        let legend = AuditLayout.legendOrder.map { AuditLayout.symbol($0) + " " + $0.label.text(language) }.joined(separator: "   ")
        out += "  " + legend + "\n"
        let layout = AuditLayout(audit)
        for (i, group) in layout.groups.enumerated() {
            let ids = group.columns.map(\.id)
            let contiguous = zip(group.columns, group.columns.dropFirst()).allSatisfy { $0.index + 1 == $1.index }
            let span = ids.count > 2 && contiguous ? "\(ids.first!)–\(ids.last!)" : ids.joined(separator: ", ")
            out += "  [\(i + 1)] " + group.label.text(language) + " (\(span))\n"
        }
        out += "\n"
        guard !audit.rows.isEmpty else { return out + "  " + t("Không có đơn vị nào được đánh giá.", "No unit was evaluated.") + "\n" }

        // Criterion ids stand vertically over their symbol column, shared prefix dropped ("TC01" → "0" over "1").
        let short = AuditLayout.shortIDs(layout.columns.map(\.id))
        let depth = short.map(\.count).max() ?? 0
        var cursor = 0
        var idLines = Array(repeating: [String](), count: depth)
        for group in layout.groups {
            let ids = short[cursor..<cursor + group.columns.count]
            cursor += group.columns.count
            for level in 0..<depth {
                idLines[level].append(ids.map { id in
                    let chars = Array(id)
                    let offset = depth - chars.count
                    return level >= offset ? String(chars[level - offset]) : " "
                }.joined())
            }
        }
        let subtotalWidths = layout.groups.map { String($0.columns.count).count }
        let groupNumbers = layout.groups.indices.map { String($0 + 1) }

        var table = TextTable(headers: ["#", t("Mã", "Code"), t("Đơn vị", "Unit"), idLines.last?.joined(separator: " ") ?? "",
                                        zip(groupNumbers, subtotalWidths).map { AuditLayout.pad($0, $1, right: true) }.joined(separator: " "),
                                        t("Đạt", "Met"), t("Chi phí", "Cost"), t("Ngày số liệu", "Facts date")],
                              right: [0, 5, 6])
        table.preamble = idLines.dropLast().map { $0.joined(separator: " ") }
        table.preambleColumn = 3
        let ranks = AuditLayout.ranks(audit.rows)
        for (row, rank) in zip(audit.rows, ranks) {
            var plainSymbols: [String] = []
            var paintedSymbols: [String] = []
            for group in layout.groups {
                let outcomes = group.columns.map { layout.outcome(row, $0) }
                plainSymbols.append(outcomes.map(AuditLayout.symbol).joined())
                paintedSymbols.append(outcomes.map { paint(colourFor($0), AuditLayout.symbol($0)) }.joined())
            }
            let subtotals = zip(layout.subtotals(row), subtotalWidths).map { AuditLayout.pad(String($0), $1, right: true) }.joined(separator: " ")
            table.add([.init("\(rank)"), .init(AuditLayout.plain(row.code)), .init(AuditLayout.cut(AuditLayout.plain(row.name), 28)),
                       TextTable.Cell(text: plainSymbols.joined(separator: " "), shown: paintedSymbols.joined(separator: " ")),
                       .init(subtotals),
                       .init("\(row.passed)/\(audit.criteriaCount)", paint, row.ready ? .green : nil),
                       .init(NumberText.money(row.cost, language)),
                       .init((row.asOf?.written(language) ?? "?") + (row.stale ? t(" quá hạn", " stale") : ""), paint, row.stale ? .yellow : nil)])
        }
        out += table.render()
        return out
    }

    private func plan(_ audit: Audit, _ paint: Painter) -> String {
        var out = heading(t("KẾ HOẠCH MUA SẮM", "PROCUREMENT PLAN"), paint)
        if audit.plan.isEmpty {
            out += "  " + AuditSummary.noPlan(audit, language) + "\n"
        } else {
            var table = TextTable(headers: [t("Hạng mục", "Item"), t("Số lượng", "Quantity"), t("Số đơn vị", "Units"),
                                            t("Đơn giá", "Unit cost"), t("Thành tiền", "Total"), t("Ai mua", "Bought by")], right: [1, 2, 3, 4])
            for line in audit.plan {
                let units = NumberText.grouped(line.units, language) + (line.unpricedUnits > 0 ? t(" (+\(NumberText.grouped(line.unpricedUnits, language)) chưa định lượng)", " (+\(NumberText.grouped(line.unpricedUnits, language)) unpriced)") : "")
                table.add([.init(line.name.text(language)), .init(NumberText.grouped(line.quantity, language)), .init(units),
                           .init(NumberText.money(line.unitCost, language)), .init(NumberText.money(line.total, language)), .init(line.who.text(language))])
            }
            table.add([.init(t("Tổng cộng", "Total")), .init(""), .init(""), .init(""),
                       .init(NumberText.money(audit.grandTotal, language), paint, .bold), .init("")])
            table.ruleBeforeLast = true
            out += table.render()
            out += "\n  " + t("Đơn giá là ước tính trong criteria/catalogue.yaml. Từng đơn vị cần gì: xem phần theo đơn vị thực hiện.",
                              "Unit costs are the estimates in criteria/catalogue.yaml. What each unit needs: see the view by responsible party.") + "\n"
        }
        if !audit.actions.isEmpty {
            out += heading(t("VIỆC CẦN LÀM KHÔNG PHẢI MUA SẮM", "ACTIONS THAT ARE NOT PURCHASES"), paint)
            var table = TextTable(headers: [t("Việc", "Action"), t("Số việc", "Count"), t("Số đơn vị", "Units"), t("Ai thực hiện", "Who acts")],
                                  right: [1, 2])
            for action in audit.actions {
                table.add([.init(action.name.text(language)), .init(NumberText.grouped(action.count, language)),
                           .init(NumberText.grouped(action.units, language)), .init(action.who.text(language))])
            }
            out += table.render()
        }
        return out + parties(audit, paint)
    }

    /// One section a responsible party: what it buys or does, in total and unit by unit.
    private func parties(_ audit: Audit, _ paint: Painter) -> String {
        guard !audit.parties.isEmpty else { return "" }
        var out = heading(t("THEO ĐƠN VỊ THỰC HIỆN", "BY RESPONSIBLE PARTY"), paint)
        for party in audit.parties {
            out += "  " + paint(.bold, AuditLayout.plain(party.who.text(language))) + " — "
                + NumberText.counted(party.units, vi: "đơn vị", en: "unit", language)
                + (party.total > 0 ? " — " + NumberText.money(party.total, language) : "") + "\n"
            for i in party.plan {
                let line = audit.plan[i]
                out += "    " + line.name.text(language) + ": " + NumberText.grouped(line.quantity, language)
                    + " (" + NumberText.counted(line.units, vi: "đơn vị", en: "unit", language) + ") = " + NumberText.money(line.total, language) + "\n"
            }
            for i in party.actions {
                let line = audit.actions[i]
                out += "    " + line.name.text(language) + ": " + NumberText.counted(line.units, vi: "đơn vị", en: "unit", language) + "\n"
            }
            for (row, needs) in AuditLayout.units(of: party, in: audit) {
                let cost = AuditLayout.cost(needs, audit)
                out += "      " + AuditLayout.plain(row.code) + "  " + AuditLayout.plain(row.name) + ": "
                    + needs.map { AuditLayout.need($0, audit, language) }.joined(separator: "; ")
                    + (cost > 0 ? " — " + NumberText.money(cost, language) : "") + "\n"
            }
            out += "\n"
        }
        return out
    }

    private func colourFor(_ outcome: Outcome?) -> Painter.Colour {
        switch outcome {
        case .passed: return .green
        case .failed: return .red
        case .notReported: return .yellow
        case .notEvaluable: return .magenta
        case .waived: return .cyan
        case nil: return .dim
        }
    }
}

/// Columns sized by `Character` count; colour is added after padding so escape codes never count.
struct TextTable {
    struct Cell {
        var text: String
        var shown: String

        init(text: String, shown: String) {
            self.text = text
            self.shown = shown
        }

        init(_ text: String, _ paint: Painter? = nil, _ colour: Painter.Colour? = nil) {
            self.text = text
            if let paint, let colour { shown = paint(colour, text) } else { shown = text }
        }
    }

    var headers: [String]
    var right: Set<Int>
    var rows: [[Cell]] = []
    /// Lines above the header, starting at column `preambleColumn` (the matrix's stacked criterion ids).
    var preamble: [String] = []
    var preambleColumn = 0
    var ruleBeforeLast = false

    init(headers: [String], right: Set<Int> = []) {
        self.headers = headers
        self.right = right
    }

    mutating func add(_ row: [Cell]) { rows.append(row) }

    func render(indent: String = "  ", gap: String = "  ") -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.text.count) }
        }
        func line(_ cells: [Cell]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let fill = String(repeating: " ", count: max(0, widths[i] - cell.text.count))
                parts.append(right.contains(i) ? fill + cell.shown : cell.shown + fill)
            }
            return indent + trimmingTrailing(parts.joined(separator: gap)) + "\n"
        }
        func rule() -> String { indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: gap) + "\n" }
        var out = ""
        let lead = widths.prefix(preambleColumn).reduce(0, +) + preambleColumn * gap.count
        for extra in preamble { out += indent + String(repeating: " ", count: lead) + extra + "\n" }
        out += line(headers.map { Cell($0) })
        out += rule()
        for (i, row) in rows.enumerated() {
            if ruleBeforeLast, i == rows.count - 1 { out += rule() }
            out += line(row)
        }
        return out
    }

    private func trimmingTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
