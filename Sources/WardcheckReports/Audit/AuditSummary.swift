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
        case date(Day)
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
        f.append(Figure(key: "ready", label: Localized(vi: "Đạt \(total)/\(total)", en: "Ready (\(total)/\(total))"), value: .count(audit.ready),
                        tone: Tone(rawValue: AuditLayout.readiness(audit.ready, of: audit.valid)) ?? .plain))
        f.append(Figure(key: "not_ready", label: Localized(vi: "Chưa đạt đủ", en: "Not yet ready"), value: .count(audit.valid - audit.ready),
                        tone: audit.valid > audit.ready ? .warn : .plain))
        if audit.rosterSize != nil {
            f.append(Figure(key: "not_submitted", label: Localized(vi: "Chưa nộp số liệu", en: "Not submitted"), value: .count(audit.notSubmitted.count),
                            tone: audit.notSubmitted.isEmpty ? .plain : .warn))
        }
        f.append(Figure(key: "invalid", label: Localized(vi: "Tệp không hợp lệ", en: "Invalid files"), value: .count(audit.invalid.count),
                        tone: audit.invalid.isEmpty ? .plain : .bad))
        f.append(Figure(key: "duplicated", label: Localized(vi: "Đơn vị nộp trùng nhiều tệp", en: "Units with more than one file"),
                        value: .count(audit.accounting.duplicated), tone: audit.accounting.duplicated == 0 ? .plain : .bad))
        if audit.rosterSize != nil {
            f.append(Figure(key: "outside_roster", label: Localized(vi: "Tệp không thuộc danh sách", en: "Files outside the roster"),
                            value: .count(audit.accounting.outside), tone: audit.accounting.outside == 0 ? .plain : .warn))
        }
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
                        value: audit.evaluatedOn.map { .date($0) }
                            ?? .text(Localized(vi: "ngày số liệu của từng tệp", en: "each file's own date")), tone: .plain))
        if let identity = audit.criteriaSet {
            f.append(Figure(key: "criteria_set", label: Vocabulary.criteriaSet, value: .text(identity.words), tone: .plain))
        }
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
        case .date(let day): return day.written(language)
        }
    }

    /// Why the plan is empty: nothing to buy, or no unit judged to say what is needed.
    static func noPlan(_ audit: Audit, _ language: Language) -> String {
        audit.accounting.judged == 0
            ? Localized(vi: "Chưa đánh giá được đơn vị nào nên chưa lập được kế hoạch mua sắm.",
                        en: "No unit could be evaluated, so there is no procurement plan yet.").text(language)
            : Localized(vi: "Không cần mua sắm.", en: "Nothing to buy.").text(language)
    }

    /// One sentence for the top of a report: how ready, where every other unit stands (so the
    /// figures add up to the roster), how fresh, and what it costs, or that nothing could be judged.
    static func headline(_ audit: Audit, _ language: Language) -> String {
        let vi = language == .vi
        let a = audit.accounting
        let total = audit.criteriaCount
        func n(_ value: Int) -> String { NumberText.grouped(value, language) }
        var parts: [String] = []
        if a.judged == 0 {
            parts.append(vi ? "Chưa đánh giá được đơn vị nào" : "No unit could be evaluated")
        } else {
            let share = AuditLayout.percent(a.ready, of: a.judged)
            parts.append(vi
                ? "\(n(a.ready))/\(n(a.judged)) đơn vị đã đánh giá đạt \(total)/\(total) (\(share)%), \(n(a.notReady)) chưa đạt"
                : "\(n(a.ready)) of \(NumberText.counted(a.judged, vi: "", en: "unit", .en)) evaluated are ready (\(share)%), \(n(a.notReady)) not yet")
        }
        var others: [String] = []
        if a.notSubmitted > 0 { others.append(vi ? "\(n(a.notSubmitted)) chưa nộp" : "\(n(a.notSubmitted)) not submitted") }
        if a.invalid > 0 { others.append(vi ? "\(n(a.invalid)) nộp tệp không hợp lệ" : "\(n(a.invalid)) with an invalid file") }
        if a.duplicated > 0 { others.append(vi ? "\(n(a.duplicated)) nộp trùng nhiều tệp" : "\(n(a.duplicated)) with more than one file") }
        if let roster = a.roster {
            if !others.isEmpty {
                parts.append((vi ? "trong \(n(roster)) đơn vị của danh sách còn " : "of the \(n(roster)) units in the roster, ")
                             + others.joined(separator: ", "))
            } else {
                parts.append(vi ? "đủ \(n(roster)) đơn vị của danh sách" : "all \(n(roster)) units in the roster")
            }
            if a.outside > 0 {
                parts.append(vi ? "\(n(a.outside)) tệp không thuộc đơn vị nào trong danh sách"
                                : NumberText.counted(a.outside, vi: "", en: "file", .en) + " belonging to no unit in the roster")
            }
        } else if !others.isEmpty {
            parts.append((vi ? "ngoài ra " : "besides, ") + others.joined(separator: ", "))
        }
        if audit.stale > 0 {
            parts.append(vi ? "\(n(audit.stale)) có số liệu quá hạn" : "\(n(audit.stale)) with stale facts")
        }
        if a.judged == 0 {
            parts.append(vi ? "chưa tính được chi phí" : "no cost can be worked out yet")
        } else {
            parts.append(vi ? "cần mua \(NumberText.money(audit.grandTotal, .vi))" : "to buy: \(NumberText.money(audit.grandTotal, .en))")
        }
        return parts.joined(separator: "; ") + "."
    }
}
