/// A criterion's outcome for one unit. Waived is never counted as passed.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    case passed
    case failed
    case notReported = "not_reported"
    case waived

    public var label: Localized {
        switch self {
        case .passed: return Localized(vi: "đạt", en: "passed")
        case .failed: return Localized(vi: "không đạt", en: "failed")
        case .notReported: return Localized(vi: "chưa báo cáo", en: "not reported")
        case .waived: return Localized(vi: "miễn trừ", en: "waived")
        }
    }
}
