import Foundation
import WardcheckCore

/// `audit --format html`: one self-contained page to read and print and send up. No script, no
/// fonts or images from elsewhere: it must open the same offline, in a mail client, on paper.
/// Every piece of ward text (names, files, diagnostics) goes through `HTML.escape`.
public enum AuditHTML {
    public static func render(_ audit: Audit, language: Language) -> String {
        Page(audit: audit, language: language).render()
    }
}

private struct Page {
    let audit: Audit
    let language: Language
    let layout: AuditLayout

    init(audit: Audit, language: Language) {
        self.audit = audit
        self.language = language
        self.layout = AuditLayout(audit)
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }
    private func money(_ amount: Int) -> String { h(NumberText.money(amount, language)) }
    private var total: Int { audit.criteriaCount }

    func render() -> String {
        let title = t("Kiểm tra sẵn sàng \(total) tiêu chí", "Readiness audit, \(total) criteria") + (audit.province.map { " — " + $0 } ?? "")
        var out = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="wardcheck audit">
        <title>\(h(title))</title>
        <style>\(Page.style)</style>
        </head>
        <body>
        <header>
        <h1>\(h(title))</h1>
        <p class="meta">\(h(meta()))</p>
        </header>
        <main>

        """
        out += cards()
        out += chart()
        out += blockers()
        out += notSubmitted()
        out += invalidFiles()
        out += findings()
        out += matrix()
        out += plan()
        out += """
        </main>
        <footer><p>\(h(t("Tạo bởi wardcheck. Đơn giá là ước tính trong danh mục chi phí (criteria/catalogue.yaml); số liệu do các đơn vị tự báo cáo.",
                         "Made by wardcheck. Unit costs are the estimates in the cost catalogue (criteria/catalogue.yaml); figures are self-reported by the units.")))</p></footer>
        </body>
        </html>

        """
        return out
    }

    private func meta() -> String {
        var parts: [String] = []
        parts.append(audit.evaluatedOn.map { t("Đánh giá theo ngày \($0)", "Judged as of \($0)") } ?? t("Đánh giá theo ngày số liệu của từng tệp", "Judged as of each file's own date"))
        if let file = audit.rosterFile { parts.append(t("danh sách: \(file)", "roster: \(file)")) }
        return parts.joined(separator: " · ")
    }

    private func cards() -> String {
        var cards: [(value: String, label: String, tone: String)] = []
        if let size = audit.rosterSize { cards.append(("\(size)", t("đơn vị trong danh sách", "units in the roster"), "")) }
        cards.append(("\(audit.files)", t("tệp đã nộp", "files submitted"), ""))
        cards.append(("\(audit.valid)", t("đơn vị đã đánh giá", "units evaluated"), ""))
        let share = AuditLayout.percent(audit.ready, of: audit.valid)
        cards.append(("\(audit.ready) <small>(\(share)%)</small>", t("đạt \(total)/\(total)", "ready (\(total)/\(total))"), "good"))
        cards.append((h(AuditLayout.decimal(audit.meanPassed, language)) + "<small>/\(total)</small>", t("bình quân tiêu chí đạt", "mean criteria met"), ""))
        if audit.rosterSize != nil {
            cards.append(("\(audit.notSubmitted.count)", t("chưa nộp số liệu", "not submitted"), audit.notSubmitted.isEmpty ? "" : "warn"))
        }
        cards.append(("\(audit.invalid.count)", t("tệp không hợp lệ", "invalid files"), audit.invalid.isEmpty ? "" : "bad"))
        cards.append((money(audit.grandTotal), t("tổng chi phí ước tính", "estimated total cost"), "money"))
        var out = "<section class=\"cards\" aria-label=\"\(h(t("Tóm tắt", "Summary")))\">\n"
        for card in cards {
            out += "<div class=\"card \(card.tone)\"><div class=\"value\">\(card.value)</div><div class=\"label\">\(h(card.label))</div></div>\n"
        }
        return out + "</section>\n"
    }

    /// Stacked bars in plain CSS: each criterion's passed, waived, not reported and failed shares of the units evaluated.
    private func chart() -> String {
        var out = "<section id=\"rates\">\n<h2>\(h(t("Tỷ lệ đạt theo tiêu chí", "Pass rate by criterion")))</h2>\n"
        out += legend()
        guard audit.valid > 0 else { return out + "<p>\(h(t("Không có đơn vị nào được đánh giá.", "No unit was evaluated.")))</p>\n</section>\n" }
        let tallies = Dictionary(audit.tallies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        out += "<div class=\"chart\">\n"
        for column in layout.columns {
            guard let tally = tallies[column.id] else { continue }
            let parts: [(Outcome, Int)] = [(.passed, tally.passed), (.waived, tally.waived), (.notReported, tally.notReported), (.failed, tally.failed)]
            let rate = AuditLayout.percent(tally.passed, of: audit.valid)
            out += "<div class=\"bar-row\"><div class=\"bar-label\"><b>\(h(column.id))</b> \(h(column.title.text(language)))</div>"
            out += "<div class=\"bar\" role=\"img\" aria-label=\"\(h(parts.map { "\($0.label.text(language)) \($1)" }.joined(separator: ", ")))\">"
            for (outcome, count) in parts where count > 0 {
                let width = String(format: "%.2f", Double(count) * 100 / Double(audit.valid))
                out += "<span class=\"seg o-\(outcome.rawValue)\" style=\"width:\(width)%\" title=\"\(h(outcome.label.text(language))): \(count)\"></span>"
            }
            out += "</div><div class=\"bar-value\">\(rate)%</div></div>\n"
        }
        return out + "</div>\n</section>\n"
    }

    private func legend() -> String {
        "<p class=\"legend\">" + AuditLayout.legendOrder.map {
            "<span class=\"key o-\($0.rawValue)\">\(h(AuditLayout.symbol($0)))</span> \(h($0.label.text(language)))"
        }.joined(separator: " &nbsp; ") + "</p>\n"
    }

    private func blockers() -> String {
        var out = "<section id=\"blockers\">\n<h2>\(h(t("Tiêu chí — vướng nhiều đơn vị nhất trước", "Criteria — biggest blocker first")))</h2>\n"
        out += "<table class=\"data\">\n<thead><tr><th>\(h(t("Mã", "Id")))</th><th>\(h(t("Tiêu chí", "Criterion")))</th><th>\(h(t("Nhóm", "Group")))</th>"
        for header in [t("Đạt", "Passed"), t("Không đạt", "Failed"), t("Chưa báo cáo", "Not reported"), t("Miễn trừ", "Waived"), t("Vướng", "Blocking")] {
            out += "<th class=\"num\">\(h(header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let labels = Dictionary(layout.groups.map { ($0.key, $0.label.text(language)) }, uniquingKeysWith: { a, _ in a })
        for tally in audit.tallies {
            out += "<tr><td>\(h(tally.id))</td><td>\(h(tally.title.text(language)))</td><td>\(h(labels[tally.group] ?? tally.group))</td>"
            out += "<td class=\"num\">\(tally.passed)</td><td class=\"num\">\(tally.failed)</td><td class=\"num\">\(tally.notReported)</td>"
            out += "<td class=\"num\">\(tally.waived)</td><td class=\"num\"><b>\(tally.blocking)</b></td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"note\">\(h(t("Vướng = không đạt + chưa báo cáo: số đơn vị bị tiêu chí này giữ dưới \(total)/\(total).", "Blocking = failed + not reported: units this criterion keeps below \(total)/\(total).")))</p>\n"
        return out + "</section>\n"
    }

    private func notSubmitted() -> String {
        guard audit.rosterSize != nil else { return "" }
        var out = "<section id=\"not-submitted\">\n<h2>\(h(t("Chưa nộp số liệu", "Not submitted"))) (\(audit.notSubmitted.count))</h2>\n"
        guard !audit.notSubmitted.isEmpty else { return out + "<p>\(h(t("Mọi đơn vị trong danh sách đã nộp số liệu.", "Every unit in the roster has submitted.")))</p>\n</section>\n" }
        // The roster's own extra columns (type, terrain, …), whatever the roster carries.
        let keys = audit.notSubmitted.flatMap { $0.attributes.map(\.key) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        out += "<table class=\"data\">\n<thead><tr><th>\(h(t("Mã", "Code")))</th><th>\(h(t("Đơn vị", "Unit")))</th>" + keys.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for unit in audit.notSubmitted {
            out += "<tr><td>\(h(unit.code))</td><td>\(h(unit.name))</td>"
                + keys.map { key in "<td>\(h(unit.attributes.first { $0.key == key }?.value ?? ""))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out + "</section>\n"
    }

    private func invalidFiles() -> String {
        guard !audit.invalid.isEmpty else { return "" }
        var out = "<section id=\"invalid\">\n<h2>\(h(t("Tệp không hợp lệ — chưa được đánh giá", "Invalid files — not evaluated"))) (\(audit.invalid.count))</h2>\n<ul class=\"files\">\n"
        for file in audit.invalid {
            out += "<li><code>\(h(file.file))</code> — \(h(t("\(file.errorCount) lỗi", "\(file.errorCount) errors")))\n<ul>\n"
            for d in file.firstErrors { out += "<li>\(diagnostic(d))</li>\n" }
            let more = file.errorCount - file.firstErrors.count
            if more > 0 { out += "<li>\(h(t("… và \(more) lỗi khác", "… and \(more) more")))</li>\n" }
            out += "</ul></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func findings() -> String {
        guard !audit.diagnostics.isEmpty else { return "" }
        var out = "<section id=\"findings\">\n<h2>\(h(t("Vấn đề khi đối chiếu", "Audit findings"))) (\(audit.diagnostics.count))</h2>\n<ul class=\"files\">\n"
        for d in audit.diagnostics {
            out += "<li>\(diagnostic(d))"
            if let hint = d.hint { out += "<br><span class=\"hint\">\(h(t("gợi ý", "hint"))): \(h(hint.text(language)))</span>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func diagnostic(_ d: Diagnostic) -> String {
        "<code>\(h(d.file)):\(d.start.line):\(d.start.column)</code> <span class=\"sev-\(d.severity.rawValue)\">\(h(d.severity.rawValue))[\(h(d.code.rawValue))]</span> \(h(d.message.text(language)))"
    }

    private func matrix() -> String {
        var out = "<section id=\"matrix\" class=\"break\">\n<h2>\(h(t("Bảng xếp hạng", "Ranked matrix")))</h2>\n" + legend()
        guard !audit.rows.isEmpty else { return out + "<p>\(h(t("Không có đơn vị nào được đánh giá.", "No unit was evaluated.")))</p>\n</section>\n" }
        out += "<div class=\"scroll\">\n<table class=\"matrix\">\n<thead>\n<tr><th rowspan=\"2\" class=\"num\">#</th><th rowspan=\"2\">\(h(t("Mã", "Code")))</th><th rowspan=\"2\" class=\"name\">\(h(t("Đơn vị", "Unit")))</th>"
        for group in layout.groups {
            out += "<th colspan=\"\(group.columns.count + 1)\" class=\"group\">\(h(group.label.text(language)))</th>"
        }
        out += "<th rowspan=\"2\" class=\"num\">\(h(t("Đạt", "Met")))</th><th rowspan=\"2\" class=\"num\">\(h(t("Chi phí", "Cost")))</th></tr>\n<tr>"
        for group in layout.groups {
            for column in group.columns { out += "<th class=\"id\" title=\"\(h(column.title.text(language)))\">\(h(column.id))</th>" }
            out += "<th class=\"sub\" title=\"\(h(t("số tiêu chí đạt trong nhóm", "criteria met in the group")))\">Σ</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        let ranks = AuditLayout.ranks(audit.rows)
        for (row, rank) in zip(audit.rows, ranks) {
            out += "<tr\(row.ready ? " class=\"ready\"" : "")><td class=\"num\">\(rank)</td><td>\(h(row.code))</td><td class=\"name\" title=\"\(h(row.file + (row.contact.map { " — " + $0 } ?? "")))\">\(h(row.name))</td>"
            for (group, passed) in zip(layout.groups, layout.subtotals(row)) {
                for column in group.columns {
                    let outcome = layout.outcome(row, column)
                    out += "<td class=\"o-\(outcome?.rawValue ?? "none")\">\(h(AuditLayout.symbol(outcome)))</td>"
                }
                out += "<td class=\"sub\(passed == group.columns.count ? " full" : "")\">\(passed)/\(group.columns.count)</td>"
            }
            out += "<td class=\"num\"><b>\(row.passed)/\(total)</b></td><td class=\"num\">\(money(row.cost))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    private func plan() -> String {
        var out = "<section id=\"plan\" class=\"break\">\n<h2>\(h(t("Kế hoạch mua sắm", "Procurement plan")))</h2>\n"
        if audit.plan.isEmpty {
            out += "<p>\(h(t("Không cần mua sắm.", "Nothing to buy.")))</p>\n"
        } else {
            out += "<table class=\"data\">\n<thead><tr><th>\(h(t("Hạng mục", "Item")))</th>"
            for header in [t("Số lượng", "Quantity"), t("Số đơn vị", "Units"), t("Đơn giá", "Unit cost"), t("Thành tiền", "Total")] {
                out += "<th class=\"num\">\(h(header))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for line in audit.plan {
                out += "<tr><td>\(h(line.name.text(language)))</td><td class=\"num\">\(h(NumberText.grouped(line.quantity, language)))</td>"
                out += "<td class=\"num\">\(line.units)</td><td class=\"num\">\(money(line.unitCost))</td><td class=\"num\">\(money(line.total))</td></tr>\n"
            }
            out += "</tbody>\n<tfoot><tr><th colspan=\"4\">\(h(t("Tổng cộng", "Total")))</th><td class=\"num\"><b>\(money(audit.grandTotal))</b></td></tr></tfoot>\n</table>\n"
            out += "<p class=\"note\">\(h(t("Chi phí của từng đơn vị: cột “Chi phí” của bảng xếp hạng.", "Cost per unit: the “Cost” column of the ranked matrix.")))</p>\n"
        }
        if !audit.actions.isEmpty {
            out += "<h3>\(h(t("Việc cần làm không phải mua sắm", "Actions that are not purchases")))</h3>\n"
            out += "<table class=\"data\">\n<thead><tr><th>\(h(t("Việc", "Action")))</th><th class=\"num\">\(h(t("Số việc", "Count")))</th><th class=\"num\">\(h(t("Số đơn vị", "Units")))</th><th>\(h(t("Ai thực hiện", "Who acts")))</th></tr></thead>\n<tbody>\n"
            for action in audit.actions {
                out += "<tr><td>\(h(action.name.text(language)))</td><td class=\"num\">\(action.count)</td><td class=\"num\">\(action.units)</td><td>\(h(action.who.text(language)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    static let style = """

    :root { --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #b42318; --failed-bg: #ffe4e0; --not_reported: #8a5a00; --not_reported-bg: #fff3c4;
            --waived: #0b5cad; --waived-bg: #dcecff; --line: #d0d7de; --muted: #57606a; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1400px; padding: 1.5rem; line-height: 1.4; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; } h3 { margin: 1.5rem 0 .5rem; }
    .meta, .note, footer { color: var(--muted); font-size: .9rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; margin: 1.25rem 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; background: #f6f8fa; }
    .card .value { font-size: 1.6rem; font-weight: 700; white-space: nowrap; } .card .value small { font-size: .9rem; font-weight: 400; }
    .card .label { color: var(--muted); font-size: .85rem; }
    .card.good { border-color: var(--passed); background: var(--passed-bg); } .card.warn { border-color: var(--not_reported); background: var(--not_reported-bg); }
    .card.bad { border-color: var(--failed); background: var(--failed-bg); } .card.money .value { font-size: 1.25rem; }
    .legend .key { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px; font-weight: 700; }
    .chart { display: grid; gap: .3rem; }
    .bar-row { display: grid; grid-template-columns: minmax(12rem, 26rem) 1fr 3.5rem; gap: .75rem; align-items: center; font-size: .9rem; }
    .bar { display: flex; height: 1.1rem; background: #eaeef2; border-radius: 3px; overflow: hidden; }
    .seg { display: block; height: 100%; }
    .seg.o-passed { background: var(--passed); } .seg.o-waived { background: var(--waived); } .seg.o-not_reported { background: #d4a72c; } .seg.o-failed { background: var(--failed); }
    .bar-value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    table.data { width: 100%; } table.data th, table.data td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    table th.num, table td.num { text-align: right; white-space: nowrap; }
    tfoot th, tfoot td { border-top: 2px solid #1f2328; }
    .scroll { overflow: auto; max-height: 85vh; border: 1px solid var(--line); }
    table.matrix { font-size: .8rem; }
    table.matrix th, table.matrix td { border: 1px solid var(--line); padding: .15rem .3rem; text-align: center; }
    table.matrix td.name, table.matrix th.name { text-align: left; white-space: nowrap; }
    table.matrix thead { position: sticky; top: 0; z-index: 1; }
    table.matrix thead th { background: #f6f8fa; }
    table.matrix th.group { font-weight: 600; } table.matrix th.id { font-size: .75rem; }
    td.o-passed, .key.o-passed { color: var(--passed); background: var(--passed-bg); }
    td.o-failed, .key.o-failed { color: var(--failed); background: var(--failed-bg); font-weight: 700; }
    td.o-not_reported, .key.o-not_reported { color: var(--not_reported); background: var(--not_reported-bg); font-weight: 700; }
    td.o-waived, .key.o-waived { color: var(--waived); background: var(--waived-bg); }
    td.sub, th.sub { background: #f6f8fa; color: var(--muted); white-space: nowrap; } td.sub.full { color: var(--passed); }
    tr.ready td.name { font-weight: 600; }
    ul.files { padding-left: 1.2rem; } code { font-size: .85em; overflow-wrap: anywhere; }
    .sev-error { color: var(--failed); font-weight: 600; } .sev-warning { color: var(--not_reported); font-weight: 600; } .hint { color: var(--muted); }
    footer { margin-top: 2rem; border-top: 1px solid var(--line); }
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { max-width: none; padding: 0; font-size: 9pt; }
      .break { break-before: page; }
      .scroll { overflow: visible; max-height: none; border: 0; }
      table.matrix { font-size: 6.5pt; }
      table.matrix thead { position: static; }
      thead { display: table-header-group; } tfoot { display: table-footer-group; }
      tr, .bar-row, .card { break-inside: avoid; }
      h2 { break-after: avoid; }
    }

    """
}
