import WardcheckCore

/// The ward office's scorecard: N/16 and ready or not, one row a criterion, each finding as a
/// sentence in the schema's words ("Tốc độ tải xuống 45 Mbps — cần ít nhất 50 Mbps") followed by
/// where the file says it (key path and line, for whoever edits the file), then the remediation
/// list by group with costs.
public struct ScorecardText: Sendable {
    public let criteria: CriteriaSet
    public let language: Language
    public let colour: Bool

    public init(criteria: CriteriaSet, language: Language, colour: Bool = false) {
        self.criteria = criteria
        self.language = language
        self.colour = colour
    }

    private var catalogue: Catalogue { criteria.catalogue }
    private var verdict: Verdict { Verdict(schema: criteria.schema) }

    private var vi: Bool { language == .vi }

    public func render(_ report: UnitReport) -> String {
        guard let card = report.scorecard else {
            var out = ""
            for d in report.diagnostics { out += DiagnosticText.render(d, language: language, colour: colour) + "\n" }
            let file = Terminal.safe(report.file)
            out += vi ? "\(file): tệp không hợp lệ, chưa đánh giá\n" : "\(file): invalid file, not evaluated\n"
            return out
        }
        let paint = Painter(enabled: colour)
        var out = ""
        for d in report.diagnostics { out += DiagnosticText.render(d, language: language, colour: colour) + "\n" }
        // Ward text on a terminal: hidden characters shown as \u{…}, never sent (see Terminal.safe).
        let name = Terminal.safe(card.name ?? "?")
        out += paint(.bold, "\(name) (\(Terminal.safe(card.code ?? "?")))") + "  —  \(Terminal.safe(card.file))\n"
        if let asOf = card.asOf {
            out += vi ? "Số liệu ngày \(asOf.written(.vi))" : "Facts as of \(asOf.written(.en))"
            if let day = card.evaluatedOn, day != asOf { out += vi ? ", đánh giá theo ngày \(day.written(.vi))" : ", judged as of \(day.written(.en))" }
            out += "\n"
        }
        let verdict = card.ready
            ? paint(.green, vi ? "ĐẠT — sẵn sàng" : "READY")
            : paint(.red, vi ? "CHƯA ĐẠT" : "NOT READY")
        out += "\n" + paint(.bold, "\(card.passed)/\(card.total)") + (vi ? " tiêu chí đạt — " : " criteria met — ") + verdict + "\n"
        let counts = [Outcome.failed, .notReported, .notEvaluable, .waived].compactMap { o -> String? in
            let n = card.count(o)
            return n > 0 ? "\(n) \(o.label.text(language))" : nil
        }
        if !counts.isEmpty { out += counts.joined(separator: ", ") + "\n" }
        out += "\n"
        let width = Outcome.allCases.map { $0.label.text(language).count }.max() ?? 12
        for r in card.results {
            let label = r.outcome.label.text(language)
            let padded = label + String(repeating: " ", count: max(0, width - label.count))
            out += "  \(r.id)  " + paint(colourFor(r.outcome), padded) + "  \(r.title.text(language))\n"
            out += rowDetail(r)
        }
        for waiver in card.expiredWaivers {
            out += "\n" + (vi
                ? "Lưu ý: miễn trừ \(waiver.criterion) đã hết hạn ngày \(waiver.expires.written(.vi)) nên không được áp dụng (\(Terminal.safe(waiver.file)):\(waiver.mark.line))\n"
                : "Note: the waiver of \(waiver.criterion) expired on \(waiver.expires.written(.en)) and is ignored (\(Terminal.safe(waiver.file)):\(waiver.mark.line))\n")
        }
        out += remediation(card)
        return out
    }

    private func colourFor(_ outcome: Outcome) -> Painter.Colour {
        switch outcome {
        case .passed: return .green
        case .failed: return .red
        case .notReported: return .yellow
        case .notEvaluable: return .magenta
        case .waived: return .cyan
        }
    }

    /// Under each row: each decisive comparison as a sentence, then the fact's key path and line;
    /// the facts not reported and where to add them; why it could not be computed; a waiver.
    private func rowDetail(_ r: CriterionResult) -> String {
        var out = ""
        let indent = "          "
        let words = FactWords(schema: criteria.schema)
        let paint = Painter(enabled: colour)
        for c in r.decisive {
            let at = c.at.map { vi ? ", dòng \($0.line)" : ", line \($0.line)" } ?? ""
            out += indent + Terminal.safe(verdict.sentence(c).text(language)) + "  " + paint(.dim, Terminal.safe("(\(c.fact)\(at))")) + "\n"
        }
        for m in r.missing {
            let place = m.block.isEmpty
                ? (vi ? "thêm vào tệp" : "add it to the file")
                : (vi ? "thêm vào khối \(m.block), dòng \(m.at.line)" : "add it under \(m.block), line \(m.at.line)")
            out += indent + Terminal.safe(words.label(m.path).text(language) + ": " + Outcome.notReported.label.text(language))
                + "  " + paint(.dim, Terminal.safe("(\(m.path): \(place))")) + "\n"
        }
        if let p = r.problem, r.outcome == .notEvaluable {
            let place = [p.file, p.at.map { "\($0.line):\($0.column)" }].compactMap { $0 }.joined(separator: ":")
            out += indent + p.message.text(language) + (place.isEmpty ? "" : "  (\(place))") + "\n"
            out += indent + (vi ? "lỗi của bộ tiêu chí hoặc số liệu, không phải của đơn vị: báo cho người quản lý tiêu chí\n"
                                : "a fault in the criteria or their data, not the unit's: tell whoever maintains the criteria\n")
        }
        if !r.decidedWithout.isEmpty {
            let named = FactWords.list(r.decidedWithout.map(words.inSentence)).text(language)
            out += indent + (vi ? "kết quả không đổi dù \(named) là gì" : "the verdict is the same whatever the \(named)")
                + "  " + paint(.dim, "(\(r.decidedWithout.joined(separator: ", ")))") + "\n"
        }
        if let w = r.waiver {
            out += indent + Terminal.safe(vi
                ? "miễn trừ đến \(w.expires.written(.vi)), \(w.approvedBy) phê duyệt: \(w.justification)"
                : "waived until \(w.expires.written(.en)), approved by \(w.approvedBy): \(w.justification)") + "\n"
        }
        return out
    }

    private func remediation(_ card: Scorecard) -> String {
        let remedies = card.remedies
        guard !remedies.isEmpty else {
            return "\n" + (vi ? "Không có việc cần làm.\n" : "Nothing to fix.\n")
        }
        var out = "\n" + (vi ? "VIỆC CẦN LÀM" : "WHAT TO FIX") + "\n"
        let groupOf = Dictionary(card.results.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        for (group, label) in catalogue.groups {
            let inGroup = remedies.filter { groupOf[$0.criterion] == group }
            guard !inGroup.isEmpty else { continue }
            out += "\n  " + label.text(language) + "\n"
            for remedy in inGroup {
                out += "    \(remedy.criterion)  " + remedy.text.text(language) + "\n"
                var line = "          " + (vi ? "Ai thực hiện: " : "Who acts: ") + remedy.who.text(language)
                if let cost = remedy.unitCost, let q = remedy.quantity {
                    line += "  ·  \(q) × " + NumberText.money(cost, language) + " = " + NumberText.money(remedy.cost, language)
                } else if remedy.isUnpriced {
                    let named = FactWords.list(remedy.facts.map(FactWords(schema: criteria.schema).inSentence)).text(language)
                    line += vi ? "  ·  chưa tính được chi phí: cần báo cáo \(named)"
                               : "  ·  not priced yet: report the \(named)"
                } else {
                    line += vi ? "  ·  không mất chi phí" : "  ·  no cost"
                }
                out += line + "\n"
            }
        }
        out += "\n" + (vi ? "Tổng chi phí ước tính: " : "Estimated total cost: ") + NumberText.money(card.totalCost, language) + "\n"
        return out
    }
}
