import WardcheckCore

/// One unit's scorecard as an HTML fragment, for the web pages: the same content as
/// `ScorecardText` (N/16, each criterion with what was observed against what is required, the
/// facts not reported and where to add them, the remedies by group with costs), with each fact
/// named by its label in the facts schema. Every piece of ward text goes through `HTML.escape`.
public struct ScorecardHTML {
    public let criteria: CriteriaSet
    public let language: Language
    /// Where a fact is filled in, when the page has a form for it (`#f-…`); without it, a missing
    /// fact says which block and line of the file to add it to, as `check` does.
    public let fieldLink: (@Sendable (String) -> String)?

    public init(criteria: CriteriaSet, language: Language, fieldLink: (@Sendable (String) -> String)? = nil) {
        self.criteria = criteria
        self.language = language
        self.fieldLink = fieldLink
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    /// The schema's label for a fact, in the page's language.
    private func label(_ path: String) -> String {
        criteria.schema.field(path)?.description.text(language) ?? path
    }

    public func render(_ report: UnitReport) -> String {
        guard let card = report.scorecard else { return invalid(report) }
        var out = "<section class=\"scorecard\" data-passed=\"\(card.passed)\" data-total=\"\(card.total)\" data-ready=\"\(card.ready)\">\n"
        out += "<div class=\"verdict \(card.ready ? "ready" : "not-ready")\"><span class=\"score\">\(card.passed)/\(card.total)</span> "
        out += h(t("tiêu chí đạt", "criteria met")) + " — <b>" + h(card.ready ? t("ĐẠT — sẵn sàng", "READY") : t("CHƯA ĐẠT", "NOT READY")) + "</b></div>\n"
        var meta: [String] = []
        if let name = card.name { meta.append(name + (card.code.map { " (\($0))" } ?? "")) }
        if let asOf = card.asOf {
            var text = t("Số liệu ngày \(asOf)", "Facts as of \(asOf)")
            if let day = card.evaluatedOn, day != asOf { text += t(", đánh giá theo ngày \(day)", ", judged as of \(day)") }
            meta.append(text)
        }
        if !meta.isEmpty { out += "<p class=\"unit-meta\">\(h(meta.joined(separator: " · ")))</p>\n" }
        let counts = Outcome.allCases.filter { $0 != .passed }.compactMap { outcome -> String? in
            let n = card.count(outcome)
            return n > 0 ? "<span class=\"count o-\(outcome.rawValue)\">\(n) \(h(outcome.label.text(language)))</span>" : nil
        }
        if !counts.isEmpty { out += "<p class=\"counts\">\(counts.joined(separator: " "))</p>\n" }
        for d in report.diagnostics { out += "<p class=\"diagnostic sev-\(d.severity.rawValue)\">\(diagnostic(d))</p>\n" }

        out += "<ol class=\"criteria\">\n"
        for r in card.results { out += row(r) }
        out += "</ol>\n"
        for waiver in card.expiredWaivers {
            out += "<p class=\"note\">" + h(t("Lưu ý: miễn trừ \(waiver.criterion) đã hết hạn ngày \(waiver.expires) nên không được áp dụng.",
                                              "Note: the waiver of \(waiver.criterion) expired on \(waiver.expires) and is ignored.")) + "</p>\n"
        }
        out += remediation(card)
        return out + "</section>\n"
    }

    private func row(_ r: CriterionResult) -> String {
        var out = "<li class=\"criterion o-\(r.outcome.rawValue)\" data-criterion=\"\(h(r.id))\" data-outcome=\"\(r.outcome.rawValue)\">"
        out += "<div class=\"criterion-head\"><span class=\"badge o-\(r.outcome.rawValue)\">\(h(r.outcome.label.text(language)))</span> "
        out += "<b>\(h(r.id))</b> \(h(r.title.text(language)))</div>\n"
        var details: [String] = []
        // Only what explains the outcome: a criterion that passed needs no list of why.
        if r.outcome != .passed {
            for c in r.failing {
                details.append("<li>\(h(label(c.fact))): <span class=\"observed\">\(h(Presentation.comparison(c).text(language)))</span></li>")
            }
            for m in r.missing { details.append("<li class=\"missing\">" + missing(m) + "</li>") }
        }
        if let w = r.waiver {
            details.append("<li>" + h(t("miễn trừ đến \(w.expires), \(w.approvedBy) phê duyệt: \(w.justification)",
                                        "waived until \(w.expires), approved by \(w.approvedBy): \(w.justification)")) + "</li>")
        }
        if !details.isEmpty { out += "<ul class=\"details\">" + details.joined() + "</ul>" }
        return out + "</li>\n"
    }

    /// "chưa báo cáo" and what to add: a link to the field on a form, the block and line in a file.
    private func missing(_ m: MissingFact) -> String {
        let notReported = "<span class=\"o-not_reported\">\(h(Outcome.notReported.label.text(language)))</span>"
        let name = h(label(m.path)) + " <code>\(h(m.path))</code>"
        if let fieldLink {
            return name + " — " + notReported + " · <a href=\"\(h(fieldLink(m.path)))\">\(h(t("điền", "fill it in")))</a>"
        }
        let place = m.block.isEmpty
            ? t("thêm vào tệp", "add it to the file")
            : t("thêm vào khối \(m.block), dòng \(m.at.line)", "add it under \(m.block), line \(m.at.line)")
        return name + " — " + notReported + " (\(h(place)))"
    }

    private func remediation(_ card: Scorecard) -> String {
        let remedies = card.remedies
        var out = "<div class=\"remedies\">\n<h3>\(h(t("Việc cần làm", "What to fix")))</h3>\n"
        guard !remedies.isEmpty else { return out + "<p>\(h(t("Không có việc cần làm.", "Nothing to fix.")))</p>\n</div>\n" }
        let groupOf = Dictionary(card.results.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        for (group, groupLabel) in criteria.catalogue.groups {
            let inGroup = remedies.filter { groupOf[$0.criterion] == group }
            guard !inGroup.isEmpty else { continue }
            out += "<h4>\(h(groupLabel.text(language)))</h4>\n<ul class=\"remedy-list\">\n"
            for remedy in inGroup {
                var cost: String
                if let unitCost = remedy.unitCost {
                    cost = "\(remedy.quantity ?? 1) × " + NumberText.money(unitCost, language) + " = " + NumberText.money(remedy.cost, language)
                } else {
                    cost = t("không mất chi phí", "no cost")
                }
                out += "<li class=\"remedy\" data-criterion=\"\(h(remedy.criterion))\"><b>\(h(remedy.criterion))</b> \(h(remedy.text.text(language)))"
                out += "<br><small>\(h(t("Ai thực hiện: ", "Who acts: ") + remedy.who.text(language))) · \(h(cost))</small></li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p class=\"total\">\(h(t("Tổng chi phí ước tính: ", "Estimated total cost: ")))<b>\(h(NumberText.money(card.totalCost, language)))</b></p>\n"
        return out + "</div>\n"
    }

    private func invalid(_ report: UnitReport) -> String {
        let errors = report.diagnostics.filter(\.isError).count
        var out = "<section class=\"scorecard invalid\">\n<div class=\"verdict invalid\"><b>"
        out += h(t("Chưa chấm được", "Not scored yet")) + "</b> — " + h(t("\(errors) lỗi cần sửa trước", "\(errors) errors to fix first")) + "</div>\n<ul class=\"diagnostics\">\n"
        for d in report.diagnostics { out += "<li class=\"sev-\(d.severity.rawValue)\">\(diagnostic(d))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    private func diagnostic(_ d: Diagnostic) -> String {
        var out = "<code>\(h(d.file)):\(d.start.line):\(d.start.column)</code> <span class=\"sev\">\(h(d.severity.rawValue))[\(h(d.code.rawValue))]</span> \(h(d.message.text(language)))"
        if let hint = d.hint { out += "<br><small>\(h(t("gợi ý", "hint"))): \(h(hint.text(language)))</small>" }
        return out
    }
}
