import WardcheckCore

/// The words reports label their columns and sections with, once, in both languages. A report
/// builder asks for `Vocabulary.code` rather than writing "Mã" again; a change of wording is
/// made here and every report and format follows.
public enum Vocabulary {
    public static let code = Localized(vi: "Mã", en: "Code")
    public static let unit = Localized(vi: "Đơn vị", en: "Unit")
    public static let file = Localized(vi: "Tệp", en: "File")
    public static let files = Localized(vi: "Các tệp", en: "Files")
    public static let criterion = Localized(vi: "Tiêu chí", en: "Criterion")
    public static let criteria = Localized(vi: "Các tiêu chí", en: "Criteria")
    public static let errors = Localized(vi: "Số lỗi", en: "Errors")
    public static let firstError = Localized(vi: "Lỗi đầu tiên", en: "First error")
    public static let finding = Localized(vi: "Vấn đề", en: "Finding")
    public static let factsDate = Localized(vi: "Ngày số liệu", en: "Facts dated")
    public static let age = Localized(vi: "Số ngày", en: "Days old")
    public static let why = Localized(vi: "Lý do", en: "Why")
    public static let rank = Localized(vi: "Hạng", en: "Rank")
    public static let met = Localized(vi: "Số tiêu chí đạt", en: "Criteria met")
    public static let notMet = Localized(vi: "Tiêu chí chưa đạt", en: "Criteria not met")
    public static let cost = Localized(vi: "Chi phí", en: "Cost")
    /// Which criteria set an audit was judged by (its version and digest follow, in words).
    public static let criteriaSet = Localized(vi: "Bộ tiêu chí", en: "Criteria set")
    public static let passed = Localized(vi: "Đạt", en: "Passed")
    public static let failed = Localized(vi: "Không đạt", en: "Failed")
    public static let notReported = Localized(vi: "Chưa báo cáo", en: "Not reported")
    public static let notEvaluable = Localized(vi: "Không đánh giá được", en: "Not evaluable")
    public static let waived = Localized(vi: "Miễn trừ", en: "Waived")
    public static let blocking = Localized(vi: "Vướng", en: "Blocking")
    public static let item = Localized(vi: "Hạng mục", en: "Item")
    public static let action = Localized(vi: "Việc cần làm", en: "Action")
    public static let who = Localized(vi: "Đơn vị thực hiện", en: "Responsible")
    public static let unitCost = Localized(vi: "Đơn giá", en: "Unit cost")
    public static let quantity = Localized(vi: "Số lượng", en: "Quantity")
    public static let units = Localized(vi: "Số đơn vị", en: "Units")
    public static let total = Localized(vi: "Thành tiền", en: "Total")
    public static let grandTotal = Localized(vi: "Tổng cộng", en: "Total")
    public static let needs = Localized(vi: "Cần mua, cần làm", en: "To buy, to do")
    public static let figure = Localized(vi: "Chỉ số", en: "Figure")
    public static let value = Localized(vi: "Giá trị", en: "Value")
    public static let expiredOn = Localized(vi: "Miễn trừ đã hết hạn", en: "Waivers expired")
    public static let group = Localized(vi: "Nhóm", en: "Group")
    public static let passRate = Localized(vi: "Tỷ lệ đạt", en: "Pass rate")
    public static let marks = Localized(vi: "Ký hiệu", en: "Marks")

    // Two audits compared, and the audit over time (diff, history).
    public static let before = Localized(vi: "Trước", en: "Before")
    public static let after = Localized(vi: "Sau", en: "After")
    public static let change = Localized(vi: "Thay đổi", en: "Change")
    public static let difference = Localized(vi: "Chênh lệch", en: "Difference")
    public static let audit = Localized(vi: "Lần kiểm tra", en: "Audit")
    public static let source = Localized(vi: "Nguồn", en: "Source")
    public static let judgedOn = Localized(vi: "Ngày đánh giá", en: "Judged on")
    public static let gained = Localized(vi: "Đạt thêm", en: "Gained")
    public static let lost = Localized(vi: "Mất", en: "Lost")
    public static let criteriaGained = Localized(vi: "Tiêu chí đạt thêm", en: "Criteria gained")
    public static let criteriaLost = Localized(vi: "Tiêu chí bị mất", en: "Criteria lost")
    public static let unitsGained = Localized(vi: "Đơn vị đạt thêm", en: "Units that gained it")
    public static let unitsLost = Localized(vi: "Đơn vị mất", en: "Units that lost it")
    public static let period = Localized(vi: "Kỳ", en: "Period")
    public static let periodEnd = Localized(vi: "Cuối kỳ", en: "Period end")
    public static let revision = Localized(vi: "Phiên bản", en: "Commit")
    public static let revisionDate = Localized(vi: "Ngày phiên bản", en: "Commit date")
    public static let fileCount = Localized(vi: "Số tệp", en: "Files")
    public static let evaluated = Localized(vi: "Đã đánh giá", en: "Evaluated")
    public static let invalid = Localized(vi: "Không hợp lệ", en: "Invalid")
    public static let rosterErrors = Localized(vi: "Lỗi đối chiếu", en: "Roster errors")
    public static let notSubmitted = Localized(vi: "Chưa nộp", en: "Not submitted")
    public static let stale = Localized(vi: "Quá hạn", en: "Stale")
    public static let meanMet = Localized(vi: "Bình quân tiêu chí đạt", en: "Mean criteria met")
    public static let remainingCost = Localized(vi: "Chi phí còn lại", en: "Remaining cost")
    public static let note = Localized(vi: "Ghi chú", en: "Note")
    /// A period whose reading covers only part of it, the days so far.
    public static let inProgress = Localized(vi: "đang diễn ra", en: "in progress")
    /// "Đạt 16/16", "Ready (16/16)".
    public static func ready(_ total: Int) -> Localized {
        Localized(vi: "Đạt \(total)/\(total)", en: "Ready (\(total)/\(total))")
    }
    /// A word of one side of a comparison: "Số lượng trước", "Quantity before".
    public static func paired(_ word: Localized, _ side: Localized) -> Localized {
        Localized(vi: word.vi + " " + side.vi.lowercased(), en: word.en + " " + side.en.lowercased())
    }
}
