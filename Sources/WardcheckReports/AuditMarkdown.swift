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
        var summary: [(String, String)] = []
        if let size = audit.rosterSize { summary.append((t("Đơn vị trong danh sách", "Units in the roster"), "\(size)")) }
        summary.append((t("Tệp đã nộp", "Files submitted"), "\(audit.files)"))
        summary.append((t("Đơn vị đã đánh giá", "Units evaluated"), "\(audit.valid)"))
        summary.append((t("Tệp không hợp lệ", "Invalid files"), "\(audit.invalid.count)"))
        if audit.rosterSize != nil { summary.append((t("Chưa nộp số liệu", "Not submitted"), "\(audit.notSubmitted.count)")) }
        summary.append((t("Đạt \(total)/\(total)", "Ready (\(total)/\(total))"), "\(audit.ready) / \(audit.valid)"))
        summary.append((t("Bình quân tiêu chí đạt", "Mean criteria met"), AuditLayout.decimal(audit.meanPassed, language) + "/\(total)"))
        summary.append((t("Ngày đánh giá", "Judged as of"), audit.evaluatedOn.map(\.description) ?? t("ngày số liệu của từng tệp", "each file's own date")))
        summary.append((t("Tổng chi phí ước tính", "Estimated total cost"), "**" + NumberText.money(audit.grandTotal, language) + "**"))
        out += table([t("Mục", "Item"), t("Giá trị", "Value")], right: [1], summary.map { [$0.0, $0.1] })

        if audit.rosterSize != nil, !audit.notSubmitted.isEmpty {
            out += "\n## " + t("Chưa nộp số liệu", "Not submitted") + " (\(audit.notSubmitted.count))\n\n"
            for unit in audit.notSubmitted { out += "- \(escape(unit.code)) \(escape(unit.name))\n" }
        }
        if !audit.invalid.isEmpty {
            out += "\n## " + t("Tệp không hợp lệ", "Invalid files") + " (\(audit.invalid.count))\n\n"
            for file in audit.invalid {
                out += "- " + escape(file.file) + " — " + t("\(file.errorCount) lỗi", "\(file.errorCount) errors") + "\n"
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

        out += "\n## " + t("Tiêu chí — vướng nhiều đơn vị nhất trước", "Criteria — biggest blocker first") + "\n\n"
        out += table([t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Đạt", "Passed"), t("Không đạt", "Failed"),
                      t("Chưa báo cáo", "Not reported"), t("Miễn trừ", "Waived"), t("Vướng", "Blocking")],
                     right: [2, 3, 4, 5, 6],
                     audit.tallies.map { [escape($0.id), escape($0.title.text(language)), "\($0.passed)", "\($0.failed)",
                                          "\($0.notReported)", "\($0.waived)", "**\($0.blocking)**"] })

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
        if audit.plan.isEmpty {
            out += t("Không cần mua sắm.", "Nothing to buy.") + "\n"
        } else {
            var rows = audit.plan.map { line in
                [escape(line.name.text(language)), NumberText.grouped(line.quantity, language), "\(line.units)",
                 NumberText.money(line.unitCost, language), NumberText.money(line.total, language)]
            }
            rows.append(["**" + t("Tổng cộng", "Total") + "**", "", "", "", "**" + NumberText.money(audit.grandTotal, language) + "**"])
            out += table([t("Hạng mục", "Item"), t("Số lượng", "Quantity"), t("Số đơn vị", "Units"), t("Đơn giá", "Unit cost"), t("Thành tiền", "Total")],
                         right: [1, 2, 3, 4], rows)
        }
        if !audit.actions.isEmpty {
            out += "\n## " + t("Việc cần làm không phải mua sắm", "Actions that are not purchases") + "\n\n"
            out += table([t("Việc", "Action"), t("Số việc", "Count"), t("Số đơn vị", "Units"), t("Ai thực hiện", "Who acts")], right: [1, 2],
                         audit.actions.map { [escape($0.name.text(language)), "\($0.count)", "\($0.units)", escape($0.who.text(language))] })
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
