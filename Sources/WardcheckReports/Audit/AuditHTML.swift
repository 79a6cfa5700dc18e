import Foundation
import WardcheckCore

/// `audit --format html`: one self-contained page to read and print and send up. No script, no
/// fonts or images from elsewhere: it must open the same offline, in a mail client, on paper.
/// Every piece of ward text (names, files, diagnostics) goes through `HTML.escape`.
public enum AuditHTML {
    /// `unitLink` gives the address of a unit's own page from its code, when the page is served
    /// with one (the web server's drill-down); the written report links nowhere. `navigation` is
    /// the served page's bar (the way back to the form, the other language). `contacts`: whether
    /// units' contact names and phones are shown, which only their owners and the city office see.
    public static func render(_ audit: Audit, language: Language, unitLink: ((String) -> String)? = nil,
                              navigation: String? = nil, contacts: Bool = true) -> String {
        Page(audit: audit, language: language, unitLink: unitLink, navigation: navigation, contacts: contacts).render()
    }
}

private struct Page {
    let audit: Audit
    let language: Language
    let layout: AuditLayout
    let unitLink: ((String) -> String)?
    let navigation: String?
    let contacts: Bool

    init(audit: Audit, language: Language, unitLink: ((String) -> String)?, navigation: String?, contacts: Bool) {
        self.audit = audit
        self.language = language
        self.layout = AuditLayout(audit)
        self.unitLink = unitLink
        self.navigation = navigation
        self.contacts = contacts
    }

    /// A unit's name, linked to its page when there is one.
    private func unitName(_ name: String, code: String?) -> String {
        guard let code, let unitLink else { return h(name) }
        return "<a href=\"\(h(unitLink(code)))\">\(h(name))</a>"
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }
    private func money(_ amount: Int) -> String { h(NumberText.money(amount, language)) }
    private func n(_ count: Int) -> String { NumberText.grouped(count, language) }
    /// A table that scrolls sideways inside its own box, never the page; the box takes the
    /// keyboard's focus, so it can be scrolled without a mouse, and is named for screen readers.
    private func scroll(_ table: String, _ name: String) -> String {
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(h(name))\">\n" + table + "</div>\n"
    }
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
        <link rel="icon" href="data:,">
        <style>\(Page.style)\(PrintedPages.css(title: title, language: language, landscape: true))</style>
        </head>
        <body>
        \(navigation ?? "")
        <header>
        <h1>\(h(title))</h1>
        <p class="meta">\(h(meta()))</p>
        </header>
        <main>

        """
        out += hero()
        out += contents()
        out += cards()
        out += chart()
        out += blockers()
        out += notSubmitted()
        out += invalidFiles()
        out += findings()
        out += stale()
        out += notEvaluable()
        out += matrix()
        out += plan()
        out += parties()
        out += """
        </main>
        <footer><p>\(h(t("Tạo bởi wardcheck. Đơn giá là ước tính trong danh mục chi phí của thành phố; số liệu do các đơn vị tự báo cáo.",
                         "Made by wardcheck. Unit costs are the estimates in the city's cost catalogue; figures are self-reported by the units.")))</p></footer>
        </body>
        </html>

        """
        return out
    }

    private func meta() -> String {
        var parts: [String] = []
        parts.append(audit.evaluatedOn.map { t("Đánh giá theo ngày \($0.written(.vi))", "Judged as of \($0.written(.en))") } ?? t("Đánh giá theo ngày số liệu của từng tệp", "Judged as of each file's own date"))
        if let size = audit.rosterSize {
            parts.append(t("theo danh sách \(n(size)) đơn vị của thành phố", "against the city's roster of \(NumberText.counted(size, vi: "", en: "unit", language))"))
        }
        return parts.joined(separator: " · ")
    }

    /// The first screen, on a phone too: how ready the city is and what must be bought.
    private func hero() -> String {
        let share = AuditLayout.percent(audit.ready, of: audit.valid)
        var out = "<section id=\"summary\" class=\"hero\" aria-label=\"\(h(t("Tóm tắt", "Summary")))\">\n"
        // Green only when every unit judged is ready; amber from half; red below.
        let tone = AuditLayout.readiness(audit.ready, of: audit.valid)
        out += "<div class=\"kpi \(tone)\"><div class=\"value\">\(n(audit.ready))<small>/\(n(audit.valid))</small></div>"
        out += "<div class=\"label\">\(h(t("đơn vị đạt \(total)/\(total) (\(share)%)", "units ready, \(total)/\(total) (\(share)%)")))</div>"
        out += "<div class=\"meter\" role=\"img\" aria-label=\"\(h(t("\(share)% đơn vị đạt", "\(share)% of units ready")))\"><span style=\"width:\(share)%\"></span></div></div>\n"
        out += "<div class=\"kpi money\"><div class=\"value\">\(money(audit.grandTotal))</div>"
        out += "<div class=\"label\">\(h(t("cần mua, ước tính", "to buy, estimated")))</div></div>\n"
        // The gaps in the picture, next to the answer, so no one reads 14% as the whole city.
        var gaps: [String] = []
        if audit.rosterSize != nil { gaps.append(t("\(n(audit.notSubmitted.count)) chưa nộp", "\(n(audit.notSubmitted.count)) not submitted")) }
        gaps.append(t("\(n(audit.invalid.count)) tệp lỗi", NumberText.counted(audit.invalid.count, vi: "", en: "invalid file", language)))
        if audit.stale > 0 { gaps.append(t("\(n(audit.stale)) số liệu quá hạn", "\(n(audit.stale)) with stale facts")) }
        if audit.withNotEvaluable > 0 { gaps.append(t("\(n(audit.withNotEvaluable)) không đánh giá được", "\(n(audit.withNotEvaluable)) not evaluable")) }
        gaps.append(t("\(n(audit.incomplete)) thiếu số liệu", "\(n(audit.incomplete)) with facts missing"))
        gaps.append(t("\(n(audit.withWaivers)) có miễn trừ", "\(n(audit.withWaivers)) waived"))
        out += "<p class=\"gaps\">" + gaps.map(h).joined(separator: " · ") + "</p>\n"
        if !audit.plan.isEmpty {
            // The costliest items first: the ones a budget meeting asks about.
            let top = audit.plan.sorted { ($0.total, $1.item) > ($1.total, $0.item) }.prefix(5)
            out += "<h2 class=\"buy-title\">\(h(t("Cần mua nhiều nhất", "Biggest purchases")))</h2>\n<ul class=\"buy\">\n"
            for line in top {
                out += "<li><span class=\"what\">\(h(line.name.text(language)))</span><span class=\"qty\">× \(n(line.quantity))</span>"
                out += "<span class=\"sum\">\(money(line.total))</span></li>\n"
            }
            out += "</ul>\n<p class=\"more\"><a href=\"#plan\">\(h(t("Kế hoạch đầy đủ, theo đơn vị thực hiện", "The full plan, by responsible party"))) ↓</a></p>\n"
        }
        return out + "</section>\n"
    }

    private func contents() -> String {
        var links: [(String, String)] = [("figures", t("Số liệu", "Figures")), ("rates", t("Tỷ lệ đạt", "Pass rates")), ("blockers", t("Tiêu chí", "Criteria"))]
        if audit.rosterSize != nil { links.append(("not-submitted", t("Chưa nộp", "Not submitted"))) }
        if !audit.invalid.isEmpty { links.append(("invalid", t("Tệp lỗi", "Invalid files"))) }
        if audit.stale > 0 { links.append(("stale", t("Quá hạn", "Stale"))) }
        if audit.withNotEvaluable > 0 { links.append(("not-evaluable", t("Không đánh giá được", "Not evaluable"))) }
        links += [("matrix", t("Bảng xếp hạng", "Ranked matrix")), ("plan", t("Mua sắm", "Purchases"))]
        if !audit.parties.isEmpty { links.append(("parties", t("Theo đơn vị thực hiện", "By party"))) }
        return "<nav class=\"toc\" aria-label=\"\(h(t("Mục lục", "Contents")))\">" + links.map { "<a href=\"#\($0.0)\">\(h($0.1))</a>" }.joined() + "</nav>\n"
    }

    private func cards() -> String {
        var out = "<section id=\"figures\" class=\"cards\" aria-label=\"\(h(t("Số liệu", "Figures")))\">\n"
        // The total and the day are already at the top of the page.
        for figure in AuditSummary(audit).figures where figure.key != "total_cost" && figure.key != "evaluated_on" {
            let tone = figure.key == "ready" ? AuditLayout.readiness(audit.ready, of: audit.valid) : figure.tone.rawValue
            out += "<div class=\"card \(tone)\"><div class=\"value\">\(h(AuditSummary.text(figure.value, language)))</div>"
            out += "<div class=\"label\">\(h(figure.label.text(language)))</div></div>\n"
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
            let parts: [(Outcome, Int)] = [(.passed, tally.passed), (.waived, tally.waived), (.notReported, tally.notReported),
                                           (.notEvaluable, tally.notEvaluable), (.failed, tally.failed)]
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
        var table = "<table class=\"data blockers\">\n<thead><tr><th>\(h(t("Mã", "Id")))</th><th>\(h(t("Tiêu chí", "Criterion")))</th><th class=\"wide\">\(h(t("Nhóm", "Group")))</th>"
        let evaluable = audit.tallies.contains { $0.notEvaluable > 0 }
        var headers = [t("Đạt", "Passed"), t("Không đạt", "Failed"), t("Chưa báo cáo", "Not reported")]
        if evaluable { headers.append(t("Không đánh giá được", "Not evaluable")) }
        headers += [t("Miễn trừ", "Waived"), t("Vướng", "Blocking")]
        for header in headers { table += "<th class=\"num\">\(h(header))</th>" }
        table += "</tr></thead>\n<tbody>\n"
        let labels = Dictionary(layout.groups.map { ($0.key, $0.label.text(language)) }, uniquingKeysWith: { a, _ in a })
        for tally in audit.tallies {
            table += "<tr><td>\(h(tally.id))</td><td>\(h(tally.title.text(language)))</td><td class=\"wide\">\(h(labels[tally.group] ?? tally.group))</td>"
            table += "<td class=\"num\">\(n(tally.passed))</td><td class=\"num\">\(n(tally.failed))</td><td class=\"num\">\(n(tally.notReported))</td>"
            if evaluable { table += "<td class=\"num\">\(n(tally.notEvaluable))</td>" }
            table += "<td class=\"num\">\(n(tally.waived))</td><td class=\"num\"><b>\(n(tally.blocking))</b></td></tr>\n"
        }
        out += scroll(table + "</tbody>\n</table>\n", t("Bảng tiêu chí", "Criteria table"))
        out += "<p class=\"note\">\(h(t("Vướng = không đạt + chưa báo cáo + không đánh giá được: số đơn vị bị tiêu chí này giữ dưới \(total)/\(total).", "Blocking = failed + not reported + not evaluable: units this criterion keeps below \(total)/\(total).")))</p>\n"
        return out + "</section>\n"
    }

    private func notSubmitted() -> String {
        guard audit.rosterSize != nil else { return "" }
        var out = "<section id=\"not-submitted\">\n<h2>\(h(t("Chưa nộp số liệu", "Not submitted"))) (\(audit.notSubmitted.count))</h2>\n"
        guard !audit.notSubmitted.isEmpty else { return out + "<p>\(h(t("Mọi đơn vị trong danh sách đã nộp số liệu.", "Every unit in the roster has submitted.")))</p>\n</section>\n" }
        // The roster's own extra columns (type, terrain, …), whatever the roster carries, as the schema labels them.
        var table = "<table class=\"data\">\n<thead><tr><th>\(h(t("Mã", "Code")))</th><th>\(h(t("Đơn vị", "Unit")))</th>"
            + audit.rosterColumns.map { "<th>\(h($0.label.text(language)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for unit in audit.notSubmitted {
            table += "<tr><td>\(h(unit.code))</td><td>\(h(unit.name))</td>"
                + audit.rosterColumns.map { "<td>\(h(AuditLayout.attribute(unit, $0, language)))</td>" }.joined() + "</tr>\n"
        }
        out += scroll(table + "</tbody>\n</table>\n", t("Đơn vị chưa nộp", "Units not submitted"))
        return out + "</section>\n"
    }

    /// Each invalid file by its unit's name, its problems in words; the file view (file name,
    /// line, code) folded below for whoever edits the file. No folder of the server is shown.
    private func invalidFiles() -> String {
        guard !audit.invalid.isEmpty else { return "" }
        var out = "<section id=\"invalid\">\n<h2>\(h(t("Tệp không hợp lệ — chưa được đánh giá", "Invalid files — not evaluated"))) (\(audit.invalid.count))</h2>\n<ul class=\"files\">\n"
        for file in audit.invalid {
            let base = URL(fileURLWithPath: file.file).lastPathComponent
            let who = file.name.map { $0 + (file.code.map { " (\($0))" } ?? "") } ?? file.code.map { t("Đơn vị \($0)", "Unit \($0)") } ?? base
            let name = "<b>\(h(who))</b>"
            let linked = file.code.flatMap { code in unitLink.map { "<a href=\"\(h($0(code)))\">\(name)</a>" } } ?? name
            out += "<li>\(linked) — \(h(NumberText.counted(file.errorCount, vi: "vấn đề", en: "problem", language)))\n<ul>\n"
            for d in file.firstErrors { out += "<li>\(h(d.people.text(language)))</li>\n" }
            let more = file.errorCount - file.firstErrors.count
            if more > 0 { out += "<li>\(h(t("… và \(more) vấn đề khác", "… and \(more) more")))</li>\n" }
            out += "</ul>\n" + ScorecardHTML.technical(file.firstErrors, language: language) + "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func findings() -> String {
        guard !audit.diagnostics.isEmpty else { return "" }
        var out = "<section id=\"findings\">\n<h2>\(h(t("Vấn đề khi đối chiếu", "Audit findings"))) (\(audit.diagnostics.count))</h2>\n<ul class=\"files\">\n"
        for d in audit.diagnostics {
            out += "<li>\(h(d.people.text(language)))</li>\n"
        }
        return out + "</ul>\n" + ScorecardHTML.technical(audit.diagnostics, language: language) + "</section>\n"
    }

    /// Facts older than the audit allows: the unit must send fresh ones before its outcomes count.
    private func stale() -> String {
        let old = audit.rows.filter(\.stale).sorted { $0.code < $1.code }
        guard !old.isEmpty else { return "" }
        var out = "<section id=\"stale\">\n<h2>\(h(t("Số liệu quá hạn — cũ hơn \(audit.staleAfterDays) ngày", "Stale facts — older than \(audit.staleAfterDays) days"))) (\(n(old.count)))</h2>\n"
        var table = "<table class=\"data\">\n<thead><tr><th>\(h(t("Mã", "Code")))</th><th>\(h(t("Đơn vị", "Unit")))</th><th>\(h(t("Ngày số liệu", "Facts date")))</th><th class=\"num\">\(h(t("Số ngày", "Age")))</th></tr></thead>\n<tbody>\n"
        for row in old {
            let age = audit.evaluatedOn.flatMap { day in row.asOf.map { day - $0 } }
            table += "<tr><td>\(h(row.code))</td><td>\(h(row.name))</td><td>\(h(row.asOf?.written(language) ?? ""))</td>"
            table += "<td class=\"num\">\(age.map { h(NumberText.counted($0, vi: "ngày", en: "day", language)) } ?? "")</td></tr>\n"
        }
        return out + scroll(table + "</tbody>\n</table>\n", t("Số liệu quá hạn", "Stale facts")) + "</section>\n"
    }

    /// Criteria that could not be computed for a unit (a fault in the criteria or their data), apart from failures.
    private func notEvaluable() -> String {
        let rows = audit.rows.filter { !$0.problems.isEmpty }.sorted { $0.code < $1.code }
        guard !rows.isEmpty else { return "" }
        var out = "<section id=\"not-evaluable\">\n<h2>\(h(t("Không đánh giá được", "Not evaluable"))) (\(n(rows.count)))</h2>\n<ul class=\"files\">\n"
        for row in rows {
            for p in row.problems {
                out += "<li><b>\(h(row.code))</b> \(h(row.name)) — \(h(p.criterion ?? "?")): "
                    + h(t("không tính được; lỗi của bộ tiêu chí, không phải của đơn vị", "cannot be computed; a fault of the criteria, not the unit's"))
                    + "<details class=\"technical\"><summary>\(h(t("Chi tiết kỹ thuật", "Technical details")))</summary><p>\(h(p.message.text(language)))</p></details></li>\n"
            }
        }
        return out + "</ul>\n</section>\n"
    }

    private func matrix() -> String {
        var out = "<section id=\"matrix\" class=\"break\">\n<h2>\(h(t("Bảng xếp hạng", "Ranked matrix")))</h2>\n" + legend()
        guard !audit.rows.isEmpty else { return out + "<p>\(h(t("Không có đơn vị nào được đánh giá.", "No unit was evaluated.")))</p>\n</section>\n" }
        out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(h(t("Bảng xếp hạng các đơn vị", "Units ranked")))\">\n<table class=\"matrix\">\n<thead>\n<tr><th rowspan=\"2\" class=\"num\">#</th><th rowspan=\"2\">\(h(t("Mã", "Code")))</th><th rowspan=\"2\" class=\"name\">\(h(t("Đơn vị", "Unit")))</th>"
        for group in layout.groups {
            out += "<th colspan=\"\(group.columns.count + 1)\" class=\"group\">\(h(group.label.text(language)))</th>"
        }
        out += "<th rowspan=\"2\" class=\"num\">\(h(t("Đạt", "Met")))</th><th rowspan=\"2\" class=\"num\">\(h(t("Chi phí", "Cost")))</th>"
        out += "<th rowspan=\"2\">\(h(t("Ngày số liệu", "Facts date")))</th></tr>\n<tr>"
        for group in layout.groups {
            for column in group.columns { out += "<th class=\"id\" title=\"\(h(column.title.text(language)))\">\(h(column.id))</th>" }
            out += "<th class=\"sub\" title=\"\(h(t("số tiêu chí đạt trong nhóm", "criteria met in the group")))\">Σ</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        let ranks = AuditLayout.ranks(audit.rows)
        for (row, rank) in zip(audit.rows, ranks) {
            let contact = contacts ? row.contact.map { " title=\"\(h($0))\"" } ?? "" : ""
            out += "<tr\(row.ready ? " class=\"ready\"" : "")><td class=\"num\">\(rank)</td><td>\(h(row.code))</td><th scope=\"row\" class=\"name\"\(contact)>\(unitName(row.name, code: row.code))</th>"
            for (group, passed) in zip(layout.groups, layout.subtotals(row)) {
                for column in group.columns {
                    let outcome = layout.outcome(row, column)
                    // The symbol for the eye, the outcome in words for a screen reader.
                    let words = outcome.map { column.id + ": " + $0.label.text(language) } ?? column.id
                    out += "<td class=\"o-\(outcome?.rawValue ?? "none")\"><span aria-hidden=\"true\">\(h(AuditLayout.symbol(outcome)))</span><span class=\"visually-hidden\">\(h(words))</span></td>"
                }
                out += "<td class=\"sub\(passed == group.columns.count ? " full" : "")\">\(passed)/\(group.columns.count)</td>"
            }
            out += "<td class=\"num\"><b>\(row.passed)/\(total)</b></td><td class=\"num\">\(money(row.cost))</td>"
            out += row.stale ? "<td class=\"stale\">\(h(row.asOf?.written(language) ?? "")) <span aria-hidden=\"true\">⚠</span><span class=\"visually-hidden\">\(h(t("số liệu quá hạn", "stale facts")))</span></td></tr>\n"
                             : "<td>\(h(row.asOf?.written(language) ?? ""))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    private func plan() -> String {
        var out = "<section id=\"plan\" class=\"break\">\n<h2>\(h(t("Kế hoạch mua sắm", "Procurement plan")))</h2>\n"
        if audit.plan.isEmpty {
            out += "<p>\(h(AuditSummary.noPlan(audit, language)))</p>\n"
        } else {
            var table = "<table class=\"data\">\n<thead><tr><th>\(h(t("Hạng mục", "Item")))</th>"
            for header in [t("Số lượng", "Quantity"), t("Số đơn vị", "Units"), t("Đơn giá", "Unit cost"), t("Thành tiền", "Total")] {
                table += "<th class=\"num\">\(h(header))</th>"
            }
            table += "<th>\(h(t("Ai mua", "Bought by")))</th></tr></thead>\n<tbody>\n"
            for line in audit.plan {
                // Units whose quantity waits on a fact they left out are named, not priced.
                let unpriced = line.unpricedUnits > 0
                    ? "<br><small>\(h(t("+ \(n(line.unpricedUnits)) đơn vị chưa tính được số lượng", "+ \(NumberText.counted(line.unpricedUnits, vi: "", en: "unit", language)) not yet counted")))</small>" : ""
                table += "<tr><td>\(h(line.name.text(language)))\(unpriced)</td><td class=\"num\">\(n(line.quantity))</td>"
                table += "<td class=\"num\">\(n(line.units))</td><td class=\"num\">\(money(line.unitCost))</td><td class=\"num\">\(money(line.total))</td>"
                table += "<td>\(h(line.who.text(language)))</td></tr>\n"
            }
            table += "</tbody>\n<tfoot><tr><th colspan=\"4\">\(h(t("Tổng cộng", "Total")))</th><td class=\"num\"><b>\(money(audit.grandTotal))</b></td><td></td></tr></tfoot>\n</table>\n"
            out += scroll(table, t("Kế hoạch mua sắm", "Procurement plan"))
            out += "<p class=\"note\">\(h(t("Đơn giá là ước tính trong danh mục chi phí. Từng đơn vị cần gì: phần “Theo đơn vị thực hiện”.", "Unit costs are the catalogue's estimates. What each unit needs: “By responsible party”.")))</p>\n"
        }
        if !audit.actions.isEmpty {
            out += "<h3>\(h(t("Việc cần làm không phải mua sắm", "Actions that are not purchases")))</h3>\n"
            var table = "<table class=\"data\">\n<thead><tr><th>\(h(t("Việc", "Action")))</th><th class=\"num\">\(h(t("Số việc", "Count")))</th><th class=\"num\">\(h(t("Số đơn vị", "Units")))</th><th>\(h(t("Ai thực hiện", "Who acts")))</th></tr></thead>\n<tbody>\n"
            for action in audit.actions {
                table += "<tr><td>\(h(action.name.text(language)))</td><td class=\"num\">\(n(action.count))</td><td class=\"num\">\(n(action.units))</td><td>\(h(action.who.text(language)))</td></tr>\n"
            }
            out += scroll(table + "</tbody>\n</table>\n", t("Việc cần làm không phải mua sắm", "Actions that are not purchases"))
        }
        return out + "</section>\n"
    }

    /// One block a responsible party: what it buys or does in total, then unit by unit.
    private func parties() -> String {
        guard !audit.parties.isEmpty else { return "" }
        var out = "<section id=\"parties\" class=\"break\">\n<h2>\(h(t("Theo đơn vị thực hiện", "By responsible party")))</h2>\n"
        for party in audit.parties {
            out += "<article class=\"party\">\n<h3>\(h(party.who.text(language)))</h3>\n"
            out += "<p class=\"meta\">\(h(NumberText.counted(party.units, vi: "đơn vị", en: "unit", language)))"
                + (party.total > 0 ? " · <b>\(money(party.total))</b>" : "") + "</p>\n<ul class=\"tasks\">\n"
            for i in party.plan {
                let line = audit.plan[i]
                out += "<li>\(h(line.name.text(language))): <b>\(n(line.quantity))</b> · \(h(NumberText.counted(line.units, vi: "đơn vị", en: "unit", language))) · \(money(line.total))</li>\n"
            }
            for i in party.actions {
                let line = audit.actions[i]
                out += "<li>\(h(line.name.text(language))): \(h(NumberText.counted(line.units, vi: "đơn vị", en: "unit", language)))</li>\n"
            }
            out += "</ul>\n"
            var table = "<table class=\"data units\">\n<thead><tr><th>\(h(t("Mã", "Code")))</th><th>\(h(t("Đơn vị", "Unit")))</th><th>\(h(t("Cần", "Needs")))</th><th class=\"num\">\(h(t("Chi phí", "Cost")))</th></tr></thead>\n<tbody>\n"
            for (row, needs) in AuditLayout.units(of: party, in: audit) {
                let cost = AuditLayout.cost(needs, audit)
                table += "<tr><td>\(h(row.code))</td><td>\(h(row.name))</td><td>\(h(needs.map { AuditLayout.need($0, audit, language).replacingOccurrences(of: " × ", with: "\u{00A0}×\u{00A0}") }.joined(separator: "; ")))</td>"
                table += "<td class=\"num\">\(cost > 0 ? money(cost) : "")</td></tr>\n"
            }
            out += scroll(table + "</tbody>\n</table>\n", party.who.text(language)) + "</article>\n"
        }
        return out + "</section>\n"
    }

    static let style = """

    :root { --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #b42318; --failed-bg: #ffe4e0; --not_reported: #8a5a00; --not_reported-bg: #fff3c4;
            --waived: #0b5cad; --waived-bg: #dcecff; --line: #d0d7de; --muted: #57606a; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1400px; padding: 1.5rem; line-height: 1.4; overflow-wrap: break-word; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; } h3 { margin: 1.5rem 0 .5rem; }
    .meta, .note, footer { color: var(--muted); font-size: .9rem; }
    a { color: var(--waived); }
    .hero { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .75rem; margin: 1rem 0 .5rem; }
    .kpi { border: 1px solid var(--line); border-radius: 10px; padding: .75rem 1rem; background: #f6f8fa; min-width: 0; }
    .kpi .value { font-size: 2.2rem; font-weight: 700; line-height: 1.1; overflow-wrap: anywhere; } .kpi .value small { font-size: 1.1rem; font-weight: 400; color: var(--muted); }
    .kpi .label { color: var(--muted); }
    .kpi.good { border-color: var(--passed); background: var(--passed-bg); }
    .kpi.warn { border-color: var(--not_reported); background: var(--not_reported-bg); } .kpi.warn .meter { border-color: var(--not_reported); } .kpi.warn .meter span { background: var(--not_reported); }
    .kpi.bad { border-color: var(--failed); background: var(--failed-bg); } .kpi.bad .meter { border-color: var(--failed); } .kpi.bad .meter span { background: var(--failed); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .scroll:focus { outline: 3px solid #80b3ff; outline-offset: 2px; }
    details.technical { font-size: .85rem; margin: .3rem 0; } details.technical summary { cursor: pointer; padding: .5rem 0; color: var(--muted); }
    /* The served page's bar: the way back to the form, and the other language; 44 px targets. */
    nav.top { background: #0b3d6e; margin: -1.5rem -1.5rem 1rem; padding: .3rem .9rem; display: flex; flex-wrap: wrap; gap: .2rem .4rem; justify-content: flex-end; }
    nav.top a { color: #fff; display: inline-flex; align-items: center; min-height: 44px; min-width: 44px; padding: 0 .5rem; border-radius: 6px; }
    nav.top a[aria-current=page] { text-decoration: none; background: rgba(255,255,255,.15); }
    .kpi.money .value { font-size: 1.6rem; }
    .meter { height: .6rem; background: #fff; border: 1px solid var(--passed); border-radius: 4px; margin-top: .4rem; overflow: hidden; }
    .meter span { display: block; height: 100%; background: var(--passed); }
    .hero .gaps, .hero .buy-title, .hero .buy, .hero .more { grid-column: 1 / -1; margin: 0; }
    .hero .gaps { color: var(--muted); }
    .hero .buy-title { font-size: 1rem; border: 0; padding: 0; margin-top: .25rem; }
    ul.buy { list-style: none; padding: 0; display: grid; gap: .2rem; max-width: 44rem; }
    ul.buy li { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; gap: .75rem; border-bottom: 1px solid var(--line); padding: .15rem 0; font-variant-numeric: tabular-nums; }
    ul.buy .qty { color: var(--muted); } ul.buy .sum { font-weight: 600; text-align: right; }
    nav.toc { display: flex; flex-wrap: wrap; gap: .4rem; margin: 1rem 0; }
    nav.toc a { border: 1px solid var(--line); border-radius: 999px; padding: .15rem .7rem; text-decoration: none; font-size: .9rem; background: #fff;
                min-height: 44px; display: inline-flex; align-items: center; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .6rem; margin: 1rem 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; background: #f6f8fa; min-width: 0; }
    .card .value { font-size: 1.4rem; font-weight: 700; white-space: nowrap; }
    .card .label { color: var(--muted); font-size: .85rem; }
    .card.good { border-color: var(--passed); background: var(--passed-bg); } .card.warn { border-color: var(--not_reported); background: var(--not_reported-bg); }
    .card.bad { border-color: var(--failed); background: var(--failed-bg); } .card.money .value { font-size: 1.15rem; }
    .legend .key { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px; font-weight: 700; }
    .chart { display: grid; gap: .3rem; }
    .bar-row { display: grid; grid-template-columns: minmax(12rem, 26rem) minmax(0, 1fr) 3.5rem; gap: .75rem; align-items: center; font-size: .9rem; }
    .bar { display: flex; height: 1.1rem; background: #eaeef2; border-radius: 3px; overflow: hidden; min-width: 0; }
    .seg { display: block; height: 100%; flex: none; }
    .seg.o-passed { background: var(--passed); } .seg.o-waived { background: var(--waived); } .seg.o-not_reported { background: #d4a72c; } .seg.o-failed { background: var(--failed); }
    .bar-value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    table.data { width: 100%; } table.data th, table.data td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    table th.num, table td.num { text-align: right; white-space: nowrap; }
    tfoot th, tfoot td { border-top: 2px solid #1f2328; }
    /* Relative: the words hidden for screen readers inside a wide table stay inside its box, never widening the page. */
    .scroll { overflow: auto; max-width: 100%; -webkit-overflow-scrolling: touch; position: relative; }
    #matrix .scroll { max-height: 85vh; border: 1px solid var(--line); }
    table.matrix { font-size: .8rem; }
    table.matrix th, table.matrix td { border: 1px solid var(--line); padding: .15rem .3rem; text-align: center; }
    table.matrix td.name, table.matrix th.name { text-align: left; white-space: nowrap; position: sticky; left: 0; background: #fff; z-index: 1; }
    table.matrix thead { position: sticky; top: 0; z-index: 2; }
    table.matrix thead th { background: #f6f8fa; }
    table.matrix th.group { font-weight: 600; } table.matrix th.id { font-size: .75rem; }
    td.o-passed, .key.o-passed { color: var(--passed); background: var(--passed-bg); }
    td.o-failed, .key.o-failed { color: var(--failed); background: var(--failed-bg); font-weight: 700; }
    td.o-not_reported, .key.o-not_reported { color: var(--not_reported); background: var(--not_reported-bg); font-weight: 700; }
    td.o-waived, .key.o-waived { color: var(--waived); background: var(--waived-bg); }
    td.o-not_evaluable, .key.o-not_evaluable { color: #6e40c9; background: #efe6ff; font-weight: 700; } .seg.o-not_evaluable { background: #8250df; }
    td.stale { color: var(--not_reported); background: var(--not_reported-bg); white-space: nowrap; }
    td.sub, th.sub { background: #f6f8fa; color: var(--muted); white-space: nowrap; } td.sub.full { color: var(--passed); }
    tr.ready td.name { font-weight: 600; }
    .party { border-top: 1px solid var(--line); } .party h3 { margin-bottom: .2rem; } ul.tasks { padding-left: 1.2rem; margin: .4rem 0; }
    ul.files { padding-left: 1.2rem; } code { font-size: .85em; overflow-wrap: anywhere; }
    .sev-error { color: var(--failed); font-weight: 600; } .sev-warning { color: var(--not_reported); font-weight: 600; } .hint { color: var(--muted); }
    footer { margin-top: 2rem; border-top: 1px solid var(--line); }
    /* Phones: one column, the criterion's name above its bar, wide tables scroll in their own box. */
    @media (max-width: 640px) {
      body { padding: .75rem; font-size: 15px; }
      nav.top { margin: -.75rem -.75rem .75rem; }
      h1 { font-size: 1.25rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
      .meta { font-size: .8rem; }
      .hero { gap: .5rem; margin-top: .5rem; }
      .kpi { padding: .5rem .7rem; } .kpi .value { font-size: 1.7rem; } .kpi.money .value { font-size: 1.05rem; } .kpi .label { font-size: .8rem; }
      .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .card .value { font-size: 1.15rem; } .card.money .value { font-size: 1rem; }
      .bar-row { grid-template-columns: minmax(0, 1fr) 3rem; gap: .1rem .5rem; }
      .bar-label { grid-column: 1 / -1; font-size: .85rem; }
      .wide { display: none; }
      table.data th, table.data td { padding: .25rem .35rem; font-size: .85rem; }
      table.units td:nth-child(3) { min-width: 10rem; }
      table.data th.num { white-space: normal; }
      table.blockers td:nth-child(2), table.units td:nth-child(2) { min-width: 9rem; }
    }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      nav.top, details.technical { display: none; }
      body { max-width: none; padding: 0; font-size: 9pt; }
      nav.toc, .more { display: none; }
      .break { break-before: page; }
      .scroll, #matrix .scroll { overflow: visible; max-height: none; border: 0; }
      table.matrix { font-size: 6.5pt; }
      table.matrix thead { position: static; } table.matrix td.name { position: static; }
      thead { display: table-header-group; } tfoot { display: table-footer-group; }
      tr, .bar-row, .card, .kpi { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
    }

    """
}
