/// A criterion's outcome for one unit. Waived is never counted as passed; not evaluable is a
/// criterion that cannot be computed for this unit (a division by zero, a purchase of nothing),
/// a fault to fix in the criteria or the facts, never a silent blank.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    case passed
    case failed
    case notReported = "not_reported"
    case notEvaluable = "not_evaluable"
    case waived

    public var label: Localized {
        switch self {
        case .passed: return Localized(vi: "đạt", en: "passed")
        case .failed: return Localized(vi: "không đạt", en: "failed")
        case .notReported: return Localized(vi: "chưa báo cáo", en: "not reported")
        case .notEvaluable: return Localized(vi: "không đánh giá được", en: "not evaluable")
        case .waived: return Localized(vi: "miễn trừ", en: "waived")
        }
    }
}
