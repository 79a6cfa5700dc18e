import WardcheckCore

/// `audit --format markdown`: the audit for a wiki page or an issue: summary, blockers, matrix, plan.
/// Ward text is escaped so a name cannot close a table cell, start a link or inject HTML.
public enum AuditMarkdown {
    public static func render(_ audit: Audit, language: Language) -> String {
        let vi = language == .vi
        func t(_ a: String, _ b: String) -> String { vi ? a : b }
        let total = audit.criteriaCount
        let layout = AuditLayout(audit)
        var out = "# " + t("Kiểm tra sẵn sàng \(total) tiêu chí", "Readiness audit, \(total) criteria")
            + (audit.province.map { " — " + escape($0) } ?? "") + "\n\n"

        out += "## " + t("Tóm tắt", "Summary") + "\n\n"
        out += "**" + escape(AuditSummary.headline(audit, language)) + "**\n\n"
        let summary = AuditSummary(audit).figures.map { figure -> [String] in
            let value = AuditSummary.text(figure.value, language)
            return [figure.label.text(language), figure.tone == .money ? "**" + value + "**" : escape(value)]
        }
        out += table([t("Mục", "Item"), t("Giá trị", "Value")], right: [1], summary)

        if audit.rosterSize != nil, !audit.notSubmitted.isEmpty {
            out += "\n## " + t("Chưa nộp số liệu", "Not submitted") + " (\(audit.notSubmitted.count))\n\n"
            out += table([t("Mã", "Code"), t("Đơn vị", "Unit")] + audit.rosterColumns.map { escape($0.label.text(language)) }, right: [],
                         audit.notSubmitted.map { unit in
                             [escape(unit.code), escape(unit.name)] + audit.rosterColumns.map { escape(AuditLayout.attribute(unit, $0, language)) }
                         })
        }
        if !audit.invalid.isEmpty {
            out += "\n## " + t("Tệp không hợp lệ", "Invalid files") + " (\(audit.invalid.count))\n\n"
            for file in audit.invalid {
                out += "- " + escape(file.file) + " — " + NumberText.counted(file.errorCount, vi: "lỗi", en: "error", language) + "\n"
                for d in file.firstErrors {
                    out += "  - \(d.start.line):\(d.start.column) \(d.code.rawValue) " + escape(d.message.text(language)) + "\n"
                }
            }
        }
        if !audit.diagnostics.isEmpty {
            out += "\n## " + t("Vấn đề khi đối chiếu", "Audit findings") + " (\(audit.diagnostics.count))\n\n"
            for d in audit.diagnostics {
                out += "- " + escape(d.file) + " — \(d.severity.rawValue)[\(d.code.rawValue)]: " + escape(d.message.text(language)) + "\n"
            }
        }

        let old = audit.rows.filter(\.stale).sorted { $0.code < $1.code }
        if !old.isEmpty {
            out += "\n## " + t("Số liệu quá hạn — cũ hơn \(audit.staleAfterDays) ngày", "Stale facts — older than \(audit.staleAfterDays) days") + " (\(old.count))\n\n"
            out += table([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Ngày số liệu", "Facts date")], right: [],
                         old.map { [escape($0.code), escape($0.name), $0.asOf?.written(language) ?? ""] })
        }
        let faulty = audit.rows.filter { !$0.problems.isEmpty }.sorted { $0.code < $1.code }
        if !faulty.isEmpty {
            out += "\n## " + t("Không đánh giá được", "Not evaluable") + " (\(faulty.count))\n\n"
            for row in faulty {
                for p in row.problems { out += "- \(escape(row.code)) \(escape(row.name)) — \(escape(p.criterion ?? "?")): " + escape(p.message.text(language)) + "\n" }
            }
        }

        out += "\n## " + t("Tiêu chí — vướng nhiều đơn vị nhất trước", "Criteria — biggest blocker first") + "\n\n"
        out += table([t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Đạt", "Passed"), t("Không đạt", "Failed"),
                      t("Chưa báo cáo", "Not reported"), t("Không đánh giá được", "Not evaluable"), t("Miễn trừ", "Waived"), t("Vướng", "Blocking")],
                     right: [2, 3, 4, 5, 6, 7],
                     audit.tallies.map { [escape($0.id), escape($0.title.text(language)), "\($0.passed)", "\($0.failed)",
                                          "\($0.notReported)", "\($0.notEvaluable)", "\($0.waived)", "**\($0.blocking)**"] })

        out += "\n## " + t("Bảng xếp hạng", "Ranked matrix") + "\n\n"
        out += AuditLayout.legendOrder.map { "\(escape(AuditLayout.symbol($0))) \($0.label.text(language))" }.joined(separator: " · ") + "\n\n"
        if audit.rows.isEmpty {
            out += t("Không có đơn vị nào được đánh giá.", "No unit was evaluated.") + "\n"
        } else {
            let columns = layout.columns
            let headers = ["#", t("Mã", "Code"), t("Đơn vị", "Unit")] + columns.map { escape($0.id) }
                + layout.groups.map { escape($0.label.text(language)) } + [t("Đạt", "Met"), t("Chi phí", "Cost")]
            let first = 3 + columns.count
            let right = Set([0] + Array(first..<(first + layout.groups.count + 2)))
            let ranks = AuditLayout.ranks(audit.rows)
            out += table(headers, right: right, center: Set(3..<first), zip(audit.rows, ranks).map { row, rank in
                ["\(rank)", escape(row.code), escape(row.name)]
                    + columns.map { escape(AuditLayout.symbol(layout.outcome(row, $0))) }
                    + zip(layout.groups, layout.subtotals(row)).map { "\($1)/\($0.columns.count)" }
                    + ["\(row.passed)/\(total)", NumberText.money(row.cost, language)]
            })
        }

        out += "\n## " + t("Kế hoạch mua sắm", "Procurement plan") + "\n\n"
        let money = { (amount: Int) in NumberText.money(amount, language) }
        let number = { (n: Int) in NumberText.grouped(n, language) }
        if audit.plan.isEmpty {
            out += AuditSummary.noPlan(audit, language) + "\n"
        } else {
            var rows = audit.plan.map { line in
                [escape(line.name.text(language)) + (line.unpricedUnits > 0
                    ? " " + t("(+ \(number(line.unpricedUnits)) đơn vị chưa tính được số lượng)", "(+ \(NumberText.counted(line.unpricedUnits, vi: "", en: "unit", language)) not yet counted)") : ""),
                 number(line.quantity), number(line.units),
                 money(line.unitCost), money(line.total), escape(line.who.text(language))]
            }
            rows.append(["**" + t("Tổng cộng", "Total") + "**", "", "", "", "**" + money(audit.grandTotal) + "**", ""])
            out += table([t("Hạng mục", "Item"), t("Số lượng", "Quantity"), t("Số đơn vị", "Units"), t("Đơn giá", "Unit cost"),
                          t("Thành tiền", "Total"), t("Ai mua", "Bought by")], right: [1, 2, 3, 4], rows)
        }
        if !audit.actions.isEmpty {
            out += "\n## " + t("Việc cần làm không phải mua sắm", "Actions that are not purchases") + "\n\n"
            out += table([t("Việc", "Action"), t("Số việc", "Count"), t("Số đơn vị", "Units"), t("Ai thực hiện", "Who acts")], right: [1, 2],
                         audit.actions.map { [escape($0.name.text(language)), number($0.count), number($0.units), escape($0.who.text(language))] })
        }
        if !audit.parties.isEmpty {
            out += "\n## " + t("Theo đơn vị thực hiện", "By responsible party") + "\n"
            for party in audit.parties {
                out += "\n### " + escape(party.who.text(language)) + "\n\n"
                out += NumberText.counted(party.units, vi: "đơn vị", en: "unit", language)
                    + (party.total > 0 ? " · " + money(party.total) : "") + "\n\n"
                let lines = party.plan.map { i -> [String] in
                    let l = audit.plan[i]
                    return [escape(l.name.text(language)), number(l.quantity), number(l.units), money(l.total)]
                } + party.actions.map { i -> [String] in
                    let l = audit.actions[i]
                    return [escape(l.name.text(language)), number(l.quantity), number(l.units), ""]
                }
                out += table([t("Hạng mục hoặc việc", "Item or action"), t("Số lượng", "Quantity"), t("Số đơn vị", "Units"), t("Thành tiền", "Total")],
                             right: [1, 2, 3], lines)
                out += "\n" + table([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Cần", "Needs"), t("Chi phí", "Cost")], right: [3],
                                    AuditLayout.units(of: party, in: audit).map { row, needs in
                                        let cost = AuditLayout.cost(needs, audit)
                                        return [escape(row.code), escape(row.name),
                                                escape(needs.map { AuditLayout.need($0, audit, language) }.joined(separator: "; ")),
                                                cost > 0 ? money(cost) : ""]
                                    })
            }
        }
        return out
    }

    private static func table(_ headers: [String], right: Set<Int>, center: Set<Int> = [], _ rows: [[String]]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { right.contains($0) ? "---:" : center.contains($0) ? ":---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    /// Ward text inside Markdown: line breaks flattened, characters that open emphasis, code, links
    /// or table cells backslash-escaped, and `<`, `>`, `&` written as entities so no HTML gets through.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in AuditLayout.plain(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "#":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
