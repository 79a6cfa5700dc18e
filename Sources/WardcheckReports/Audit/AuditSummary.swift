import WardcheckCore

/// The figures every audit format opens with, in one order and one wording: how ready the city
/// is, how complete the picture is (missing, invalid, stale, waived), and what it costs. Each
/// renderer lays them out its own way; none counts anything itself.
struct AuditSummary {
    enum Value {
        case count(Int)
        case money(Int)
        /// A mean out of a whole: "13,4/16".
        case score(Double, of: Int)
        case text(Localized)
    }

    /// How a figure should catch the eye: good news, something to chase, something broken.
    enum Tone: String {
        case plain, good, warn, bad, money
    }

    struct Figure {
        /// Stable name for machine formats (CSV `summary` rows, the workbook).
        let key: String
        let label: Localized
        let value: Value
        let tone: Tone
    }

    let figures: [Figure]

    init(_ audit: Audit) {
        var f: [Figure] = []
        let total = audit.criteriaCount
        if let size = audit.rosterSize {
            f.append(Figure(key: "roster_units", label: Localized(vi: "Đơn vị trong danh sách", en: "Units in the roster"), value: .count(size), tone: .plain))
        }
        f.append(Figure(key: "files", label: Localized(vi: "Tệp đã nộp", en: "Files submitted"), value: .count(audit.files), tone: .plain))
        f.append(Figure(key: "valid", label: Localized(vi: "Đơn vị đã đánh giá", en: "Units evaluated"), value: .count(audit.valid), tone: .plain))
        f.append(Figure(key: "ready", label: Localized(vi: "Đạt \(total)/\(total)", en: "Ready (\(total)/\(total))"), value: .count(audit.ready), tone: .good))
        f.append(Figure(key: "not_ready", label: Localized(vi: "Chưa đạt đủ", en: "Not yet ready"), value: .count(audit.valid - audit.ready),
                        tone: audit.valid > audit.ready ? .warn : .plain))
        if audit.rosterSize != nil {
            f.append(Figure(key: "not_submitted", label: Localized(vi: "Chưa nộp số liệu", en: "Not submitted"), value: .count(audit.notSubmitted.count),
                            tone: audit.notSubmitted.isEmpty ? .plain : .warn))
        }
        f.append(Figure(key: "invalid", label: Localized(vi: "Tệp không hợp lệ", en: "Invalid files"), value: .count(audit.invalid.count),
                        tone: audit.invalid.isEmpty ? .plain : .bad))
        f.append(Figure(key: "stale", label: Localized(vi: "Số liệu quá hạn (> \(audit.staleAfterDays) ngày)", en: "Stale facts (> \(audit.staleAfterDays) days)"),
                        value: .count(audit.stale), tone: audit.stale == 0 ? .plain : .warn))
        if audit.withNotEvaluable > 0 {
            f.append(Figure(key: "units_not_evaluable", label: Localized(vi: "Đơn vị có tiêu chí không đánh giá được", en: "Units with a criterion not evaluable"),
                            value: .count(audit.withNotEvaluable), tone: .bad))
        }
        f.append(Figure(key: "incomplete", label: Localized(vi: "Đơn vị còn thiếu số liệu", en: "Units with facts not reported"),
                        value: .count(audit.incomplete), tone: audit.incomplete == 0 ? .plain : .warn))
        f.append(Figure(key: "with_waivers", label: Localized(vi: "Đơn vị có miễn trừ", en: "Units holding a waiver"),
                        value: .count(audit.withWaivers), tone: .plain))
        f.append(Figure(key: "mean_passed", label: Localized(vi: "Bình quân tiêu chí đạt", en: "Mean criteria met"),
                        value: .score(audit.meanPassed, of: total), tone: .plain))
        f.append(Figure(key: "evaluated_on", label: Localized(vi: "Ngày đánh giá", en: "Judged as of"),
                        value: .text(audit.evaluatedOn.map { $0.written }
                            ?? Localized(vi: "ngày số liệu của từng tệp", en: "each file's own date")), tone: .plain))
        f.append(Figure(key: "total_cost", label: Localized(vi: "Tổng chi phí ước tính", en: "Estimated total cost"), value: .money(audit.grandTotal), tone: .money))
        figures = f
    }

    subscript(key: String) -> Figure? { figures.first { $0.key == key } }

    /// The figure written for a reader: "2.801.600.000 ₫", "13,4/16", "1.234".
    static func text(_ value: Value, _ language: Language) -> String {
        switch value {
        case .count(let n): return NumberText.grouped(n, language)
        case .money(let amount): return NumberText.money(amount, language)
        case .score(let mean, let whole): return NumberText.decimal(mean, language) + "/" + NumberText.grouped(whole, language)
        case .text(let text): return text.text(language)
        }
    }

    /// One sentence for the top of a report: how ready, how complete, and what it costs.
    static func headline(_ audit: Audit, _ language: Language) -> String {
        let vi = language == .vi
        let total = audit.criteriaCount
        let share = AuditLayout.percent(audit.ready, of: audit.valid)
        var parts = [vi
            ? "\(NumberText.grouped(audit.ready, .vi))/\(NumberText.grouped(audit.valid, .vi)) đơn vị đã đánh giá đạt \(total)/\(total) (\(share)%)"
            : "\(NumberText.grouped(audit.ready, .en)) of \(NumberText.counted(audit.valid, vi: "", en: "unit", .en)) evaluated are ready (\(share)%)"]
        var gaps: [String] = []
        if audit.rosterSize != nil, !audit.notSubmitted.isEmpty {
            gaps.append(vi ? "\(NumberText.grouped(audit.notSubmitted.count, .vi)) chưa nộp" : "\(NumberText.grouped(audit.notSubmitted.count, .en)) not submitted")
        }
        if !audit.invalid.isEmpty {
            gaps.append(vi ? "\(NumberText.grouped(audit.invalid.count, .vi)) tệp không hợp lệ" : NumberText.counted(audit.invalid.count, vi: "", en: "invalid file", .en))
        }
        if audit.stale > 0 {
            gaps.append(vi ? "\(NumberText.grouped(audit.stale, .vi)) có số liệu quá hạn" : "\(NumberText.grouped(audit.stale, .en)) with stale facts")
        }
        if !gaps.isEmpty { parts.append(gaps.joined(separator: ", ")) }
        parts.append(vi ? "cần mua \(NumberText.money(audit.grandTotal, .vi))" : "to buy: \(NumberText.money(audit.grandTotal, .en))")
        return parts.joined(separator: vi ? "; " : "; ") + "."
    }
}
