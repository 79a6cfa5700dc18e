import Foundation
import WardcheckCore

/// One unit's scorecard as an HTML fragment, for the web pages, written for the ward official
/// who reads it: N/16, each criterion with its findings as sentences in the schema's words
/// ("Tốc độ tải xuống 45 Mbps — cần ít nhất 50 Mbps"), the facts not reported by their names,
/// the remedies by group with costs. No key path, code, line number or server path reaches the
/// page outside a folded "technical details" box. Every piece of ward text goes through `HTML.escape`.
public struct ScorecardHTML {
    public let criteria: CriteriaSet
    public let language: Language
    /// Where a fact is filled in, when the page has a form for it (`#f-…`).
    public let fieldLink: (@Sendable (String) -> String)?

    public init(criteria: CriteriaSet, language: Language, fieldLink: (@Sendable (String) -> String)? = nil) {
        self.criteria = criteria
        self.language = language
        self.fieldLink = fieldLink
    }

    private var vi: Bool { language == .vi }
    private func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }
    private func h(_ text: Localized) -> String { HTML.escape(text.text(language)) }
    private var words: FactWords { FactWords(schema: criteria.schema) }
    private var verdict: Verdict { Verdict(words: words) }

    public func render(_ report: UnitReport) -> String {
        guard let card = report.scorecard else { return invalid(report) }
        var out = "<section class=\"scorecard\" data-passed=\"\(card.passed)\" data-total=\"\(card.total)\" data-ready=\"\(card.ready)\">\n"
        out += "<div class=\"verdict \(card.ready ? "ready" : "not-ready")\"><span class=\"score\">\(card.passed)/\(card.total)</span> "
        out += h(t("tiêu chí đạt", "criteria met")) + " — <b>" + h(card.ready ? t("ĐẠT — sẵn sàng", "READY") : t("CHƯA ĐẠT", "NOT READY")) + "</b></div>\n"
        var meta: [String] = []
        if let name = card.name { meta.append(name + (card.code.map { " (\($0))" } ?? "")) }
        if let asOf = card.asOf {
            var text = t("Số liệu ngày \(asOf.written(.vi))", "Facts as of \(asOf.written(.en))")
            if let day = card.evaluatedOn, day != asOf { text += t(", đánh giá theo ngày \(day.written(.vi))", ", judged as of \(day.written(.en))") }
            meta.append(text)
        }
        if !meta.isEmpty { out += "<p class=\"unit-meta\">\(h(meta.joined(separator: " · ")))</p>\n" }
        let counts = Outcome.allCases.filter { $0 != .passed }.compactMap { outcome -> String? in
            let n = card.count(outcome)
            return n > 0 ? "<span class=\"count o-\(outcome.rawValue)\">\(n) \(h(outcome.label))</span>" : nil
        }
        if !counts.isEmpty { out += "<p class=\"counts\">\(counts.joined(separator: " "))</p>\n" }
        let notes = report.diagnostics.filter { $0.severity == .warning }
        if !notes.isEmpty {
            out += "<ul class=\"notes\">\n" + notes.map { "<li>\(problem($0))</li>\n" }.joined() + "</ul>\n"
        }

        out += "<ol class=\"criteria\">\n"
        for r in card.results { out += row(r) }
        out += "</ol>\n"
        for waiver in card.expiredWaivers {
            out += "<p class=\"note\">" + h(t("Lưu ý: miễn trừ \(waiver.criterion) đã hết hạn ngày \(waiver.expires.written(.vi)) nên không được áp dụng.",
                                              "Note: the waiver of \(waiver.criterion) expired on \(waiver.expires.written(.en)) and is ignored.")) + "</p>\n"
        }
        out += remediation(card)
        return out + "</section>\n"
    }

    private func row(_ r: CriterionResult) -> String {
        var out = "<li class=\"criterion o-\(r.outcome.rawValue)\" data-criterion=\"\(h(r.id))\" data-outcome=\"\(r.outcome.rawValue)\">"
        out += "<div class=\"criterion-head\"><span class=\"badge o-\(r.outcome.rawValue)\">\(h(r.outcome.label))</span> "
        out += "<b>\(h(r.id))</b> \(h(r.title))</div>\n"
        var details: [String] = []
        // Only what explains the outcome: a criterion that passed needs no list of why.
        if r.outcome != .passed {
            for c in r.failing { details.append("<li>\(h(verdict.sentence(c)))</li>") }
            for m in r.missing { details.append("<li class=\"missing\">" + missing(m) + "</li>") }
            if r.outcome == .notEvaluable {
                details.append("<li>" + h(t("Không tính được tiêu chí này cho đơn vị: lỗi của bộ tiêu chí, không phải của đơn vị. Hãy báo Văn phòng thành phố.",
                                            "This criterion cannot be computed for the unit: a fault in the criteria, not the unit's. Tell the city office.")) + "</li>")
            }
        }
        if let w = r.waiver {
            details.append("<li>" + h(t("miễn trừ đến \(w.expires.written(.vi)), \(w.approvedBy) phê duyệt: \(w.justification)",
                                        "waived until \(w.expires.written(.en)), approved by \(w.approvedBy): \(w.justification)")) + "</li>")
        }
        if !details.isEmpty { out += "<ul class=\"details\">" + details.joined() + "</ul>" }
        return out + "</li>\n"
    }

    /// "Máy phát điện dự phòng: chưa báo cáo", and on a form a link to the question.
    private func missing(_ m: MissingFact) -> String {
        let text = "<span class=\"o-not_reported\">\(h(words.label(m.path).map { $0 + ": " } + Outcome.notReported.label))</span>"
        guard let fieldLink else { return text }
        return text + " · <a href=\"\(h(fieldLink(m.path)))\">\(h(t("trả lời câu hỏi này", "answer this question")))</a>"
    }

    private func remediation(_ card: Scorecard) -> String {
        let remedies = card.remedies
        var out = "<div class=\"remedies\">\n<h3>\(h(t("Việc cần làm", "What to fix")))</h3>\n"
        guard !remedies.isEmpty else { return out + "<p>\(h(t("Không có việc cần làm.", "Nothing to fix.")))</p>\n</div>\n" }
        let groupOf = Dictionary(card.results.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        for (group, groupLabel) in criteria.catalogue.groups {
            let inGroup = remedies.filter { groupOf[$0.criterion] == group }
            guard !inGroup.isEmpty else { continue }
            out += "<h4>\(h(groupLabel))</h4>\n<ul class=\"remedy-list\">\n"
            for remedy in inGroup {
                let cost: String
                if let unitCost = remedy.unitCost, let quantity = remedy.quantity {
                    cost = NumberText.grouped(quantity, language) + " × " + NumberText.money(unitCost, language) + " = " + NumberText.money(remedy.cost, language)
                } else if remedy.isUnpriced {
                    cost = t("chưa tính được chi phí: cần trả lời ", "not priced yet: answer ") + FactWords.list(remedy.facts.map(words.inSentence)).text(language)
                } else {
                    cost = t("không mất chi phí", "no cost")
                }
                out += "<li class=\"remedy\" data-criterion=\"\(h(remedy.criterion))\"><b>\(h(remedy.criterion))</b> \(h(remedy.text))"
                out += "<br><small>\(h(t("Ai thực hiện: ", "Who acts: ") + remedy.who.text(language))) · \(h(cost))</small></li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p class=\"total\">\(h(t("Tổng chi phí ước tính: ", "Estimated total cost: ")))<b>\(h(NumberText.money(card.totalCost, language)))</b></p>\n"
        return out + "</div>\n"
    }

    /// A file that could not be scored: each problem in words, the file view folded away.
    private func invalid(_ report: UnitReport) -> String {
        let errors = report.diagnostics.filter(\.isError)
        var out = "<section class=\"scorecard invalid\">\n<div class=\"verdict invalid\"><b>"
        out += h(t("Chưa chấm được", "Not scored yet")) + "</b> — "
            + h(t("\(errors.count) vấn đề cần sửa trước", NumberText.counted(errors.count, vi: "", en: "problem", .en) + " to fix first")) + "</div>\n<ul class=\"problems\">\n"
        for d in report.diagnostics where d.severity != .note { out += "<li>\(problem(d))</li>\n" }
        return out + "</ul>\n" + Self.technical(report.diagnostics, language: language) + "</section>\n"
    }

    /// One problem in words.
    private func problem(_ d: Diagnostic) -> String {
        h(d.people)
    }

    /// The file view of problems (file name, line, column, code, message), folded: for whoever
    /// edits the file, never in the way of whoever reads the page. The file's name only, never
    /// where the server keeps it.
    public static func technical(_ diagnostics: [Diagnostic], language: Language) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let summary = language == .vi ? "Chi tiết kỹ thuật (cho người sửa tệp)" : "Technical details (for whoever edits the file)"
        var out = "<details class=\"technical\"><summary>\(HTML.escape(summary))</summary>\n<ul>\n"
        for d in diagnostics {
            let name = URL(fileURLWithPath: d.file).lastPathComponent
            out += "<li><code>\(HTML.escape(name)):\(d.start.line):\(d.start.column): \(HTML.escape(d.severity.rawValue))[\(HTML.escape(d.code.rawValue))]</code> "
            out += HTML.escape(d.message.text(language))
            if let hint = d.hint { out += "<br><small>\(HTML.escape(language == .vi ? "gợi ý" : "hint")): \(HTML.escape(hint.text(language)))</small>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</details>\n"
    }
}
