import WardcheckCore

/// The headline rows of a diff in their order: files, units evaluated, invalid, not submitted,
/// ready, stale, mean criteria met, remaining cost — then, now, and the change. The JSON and the
/// document (`DiffDocument`) both take them from here.
struct DiffSummary {
    enum Kind {
        case count, decimal, money
    }

    /// Whole figures stay integers (a national plan total does not fit a Double exactly).
    enum Value {
        case whole(Int)
        case decimal(Double)
    }

    struct Row {
        let key: String
        let label: Localized
        let kind: Kind
        let before: Value?
        let after: Value?

        enum Change {
            case whole(Int)
            case decimal(Double)
        }

        var change: Change? {
            switch (before, after) {
            case (.whole(let b)?, .whole(let a)?):
                let (d, overflow) = a.subtractingReportingOverflow(b)
                // Saturate like `Money`; never Int.min, which has no absolute value to print.
                return .whole(overflow ? (a > b ? Int.max : -Int.max) : d)
            case (.decimal(let b)?, .decimal(let a)?): return .decimal(a - b)
            default: return nil
            }
        }

        /// The raw figure for JSON: whole numbers as integers, the mean with two decimals
        /// (a dot, or a comma for a CSV whose separator goes with the decimal comma).
        static func plain(_ value: Value?, decimalMark language: Language = .en) -> String? {
            switch value {
            case nil: return nil
            case .whole(let n)?: return String(n)
            case .decimal(let x)?: return NumberText.decimal(x, language, places: 2)
            }
        }

        var plainChange: String? {
            switch change {
            case nil: return nil
            case .whole(let n)?: return String(n)
            case .decimal(let x)?: return String(format: "%.2f", x)
            }
        }
    }

    let rows: [Row]

    // The mean is rounded to two decimals before the change is taken, so the change shown is the
    // difference of the two figures shown (and of the audit reports' own `mean_passed`).

    init(_ diff: AuditDiff) {
        let total = diff.new.criteria
        func row(_ key: String, _ label: Localized, _ kind: Kind, _ value: (AuditDiff.Side) -> Value?) -> Row {
            Row(key: key, label: label, kind: kind, before: value(diff.old), after: value(diff.new))
        }
        rows = [
            row("files", Localized(vi: "Tệp đã nộp", en: "Files submitted"), .count) { .whole($0.files) },
            row("valid", Localized(vi: "Đơn vị đã đánh giá", en: "Units evaluated"), .count) { .whole($0.valid) },
            row("invalid", Localized(vi: "Tệp không hợp lệ", en: "Invalid files"), .count) { .whole($0.invalid) },
            row("not_submitted", Localized(vi: "Chưa nộp số liệu", en: "Not submitted"), .count) { $0.notSubmitted.map(Value.whole) },
            row("ready", Localized(vi: "Đạt \(total)/\(total)", en: "Ready (\(total)/\(total))"), .count) { .whole($0.ready) },
            row("stale", Localized(vi: "Số liệu quá hạn", en: "Stale facts"), .count) { $0.stale.map(Value.whole) },
            row("mean_passed", Localized(vi: "Bình quân tiêu chí đạt", en: "Mean criteria met"), .decimal) { .decimal(($0.meanPassed * 100).rounded() / 100) },
            row("total_cost", Localized(vi: "Chi phí kế hoạch còn lại", en: "Remaining plan cost"), .money) { .whole($0.totalCost) },
        ]
    }
}
