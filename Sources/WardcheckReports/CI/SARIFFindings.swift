import WardcheckCore

/// One thing a CI view shows about one file, located and worded once: a criterion not met, not
/// reported or waived, or a diagnostic. SARIF results, GitHub annotations and JUnit failures are
/// each a rendering of a finding, so the three views always agree on place and wording.
public struct Finding: Sendable {
    public enum Level: String, Sendable {
        case error, warning, note
    }

    /// A place in the file, 1-based; columns in Unicode scalars; the end is exclusive.
    public struct Region: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var endLine: Int?
        public var endColumn: Int?
    }

    /// Why a criterion is not met: one failing comparison or one missing fact, where it is (or
    /// would be) written.
    public struct Reason: Sendable {
        public var text: String
        public var region: Region?
    }

    public var file: String
    /// The criterion id (TC06) or diagnostic code (WC101).
    public var ruleID: String
    public var level: Level
    /// "TC06 Máy phát điện dự phòng", or the diagnostic code.
    public var title: String
    /// The outcome word, or the diagnostic's message.
    public var headline: String
    public var reasons: [Reason]
    /// Remedies with who acts and the cost, waiver and expired-waiver notes, a diagnostic's hint.
    public var details: [String]
    public var outcome: Outcome?
    public var waiver: Waiver?
    /// Where a viewer should point: the diagnostic's place, or the first reason that has one.
    public var region: Region?

    /// One line: "không đạt — power.generator.capacity_kva: 3 kVA < 5 kVA".
    public var summary: String {
        reasons.isEmpty ? headline : headline + " — " + reasons.map(\.text).joined(separator: "; ")
    }

    /// The summary, then each detail on its own line.
    public var message: String { ([summary] + details).joined(separator: "\n") }

    /// Each finding of one file: its diagnostics in file order, then criteria not passed, in criterion order.
    public static func all(_ report: UnitReport, language: Language) -> [Finding] {
        var out = report.diagnostics.map { Finding(diagnostic: $0, language: language) }
        if let card = report.scorecard {
            out += card.results.compactMap { Finding(criterion: $0, file: card.file, language: language) }
        }
        return out
    }

    public init(diagnostic d: Diagnostic, language: Language) {
        file = d.file
        ruleID = d.code.rawValue
        switch d.severity {
        case .error: level = .error
        case .warning: level = .warning
        case .note: level = .note
        }
        title = d.code.rawValue
        headline = d.message.text(language)
        reasons = []
        details = d.hint.map { [(language == .vi ? "gợi ý: " : "hint: ") + $0.text(language)] } ?? []
        outcome = nil
        waiver = nil
        region = Region(line: d.start.line, column: d.start.column, endLine: d.end?.line, endColumn: d.end?.column)
        showHidden()
    }

    /// Every text a viewer displays, with hidden characters shown as `\u{202E}` (the file path
    /// stays as it is: SARIF percent-encodes it, GitHub and JUnit escape it themselves).
    private mutating func showHidden() {
        title = Terminal.safe(title)
        headline = Terminal.safe(headline)
        reasons = reasons.map { Reason(text: Terminal.safe($0.text), region: $0.region) }
        details = details.map(Terminal.safe)
    }

    /// Nil for a passed criterion: there is nothing to show.
    public init?(criterion r: CriterionResult, file: String, language: Language) {
        let vi = language == .vi
        switch r.outcome {
        case .passed: return nil
        case .failed, .notEvaluable: level = .error
        case .notReported: level = .warning
        case .waived: level = .note
        }
        self.file = file
        ruleID = r.id
        title = r.id + " " + r.title.text(language)
        headline = r.outcome.label.text(language)
        outcome = r.outcome
        waiver = r.waiver

        reasons = r.failing.map { c in
            Reason(text: "\(c.fact): " + Presentation.comparison(c).text(language),
                   region: c.at.map { Region(line: $0.line, column: $0.column) })
        }
        reasons += r.missing.map { m in
            let place = m.block.isEmpty
                ? (vi ? "thêm vào tệp" : "add it to the file")
                : (vi ? "thêm vào khối \(m.block), dòng \(m.at.line)" : "add it under \(m.block), line \(m.at.line)")
            return Reason(text: "\(m.path): " + Outcome.notReported.label.text(language) + " (\(place))",
                          region: Region(line: m.at.line, column: m.at.column))
        }

        region = reasons.lazy.compactMap(\.region).first
        details = []
        if let w = r.waiver {
            details.append(Finding.waiverText(w, language))
            details.append((vi ? "kết quả nếu không miễn trừ: " : "outcome without the waiver: ") + r.underlying.label.text(language))
        } else {
            details += r.remedies.map { Finding.remedyText($0, language) }
        }
        if let w = r.expiredWaiver {
            details.append(vi ? "miễn trừ đã hết hạn ngày \(w.expires), không áp dụng (\(w.file):\(w.mark.line))"
                              : "the waiver expired on \(w.expires) and is ignored (\(w.file):\(w.mark.line))")
        }
        showHidden()
    }

    /// "miễn trừ đến 2027-06-30, <người phê duyệt> phê duyệt: <lý do>".
    public static func waiverText(_ w: Waiver, _ language: Language) -> String {
        language == .vi
            ? "miễn trừ đến \(w.expires), \(w.approvedBy) phê duyệt: \(w.justification)"
            : "waived until \(w.expires), approved by \(w.approvedBy): \(w.justification)"
    }

    /// "Việc cần làm: Mua 7 máy tính (7 × 15.000.000 ₫ = 105.000.000 ₫); ai thực hiện: …".
    public static func remedyText(_ remedy: Remedy, _ language: Language) -> String {
        let vi = language == .vi
        var text = (vi ? "việc cần làm: " : "to do: ") + remedy.text.text(language)
        if let cost = remedy.unitCost {
            text += " (\(remedy.quantity ?? 1) × " + NumberText.money(cost, language) + " = " + NumberText.money(remedy.cost, language) + ")"
        } else if let quantity = remedy.quantity {
            text += vi ? " (số lượng \(quantity), không mất chi phí)" : " (quantity \(quantity), no cost)"
        } else {
            text += vi ? " (không mất chi phí)" : " (no cost)"
        }
        return text + "; " + (vi ? "ai thực hiện: " : "who acts: ") + remedy.who.text(language)
    }
}
