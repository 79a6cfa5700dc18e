/// Stable diagnostic codes. A code never changes meaning once published; docs/diagnostics.md
/// explains each one, and a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    // Reading the file as YAML.
    case fileUnreadable = "WC001"
    case fileTooLarge = "WC002"
    case invalidUTF8 = "WC003"
    case yamlSyntax = "WC004"
    case tabIndentation = "WC005"
    case emptyFile = "WC006"
    case rootNotMapping = "WC007"
    case multipleDocuments = "WC008"
    case tooDeep = "WC009"
    case scalarTooLong = "WC010"
    case duplicateKey = "WC011"
    case anchorOrAlias = "WC012"
    case tag = "WC013"
    case complexKey = "WC014"
    /// Not a problem of its own: the note that ends a file's list when more were found than shown.
    case moreDiagnostics = "WC015"

    // Checking a facts file against the facts schema.
    case unknownKey = "WC101"
    case wrongShape = "WC102"
    case notBoolean = "WC103"
    case notCount = "WC104"
    case notNumber = "WC105"
    case badDate = "WC106"
    case notInEnum = "WC107"
    case outOfRange = "WC108"
    case badPattern = "WC109"
    case missingRequired = "WC110"
    case unsupportedFormat = "WC111"
    case crossField = "WC112"
    case dateAfterAsOf = "WC113"
    case badText = "WC114"
    case factsFromTheFuture = "WC115"
    case factsAfterEvaluationDay = "WC116"
    case ambiguousThousands = "WC117"

    // Loading criteria, the facts schema, the catalogue, waivers and the roster.
    case configInvalid = "WC201"
    case unknownFact = "WC202"
    case unknownItem = "WC203"
    case unknownOperator = "WC204"
    case typeMismatch = "WC205"
    case exampleMismatch = "WC206"
    case duplicateCriterion = "WC207"
    case unknownCriterion = "WC208"

    // Auditing a set of submissions.
    case notInRoster = "WC301"
    case duplicateUnit = "WC302"
    case rosterMismatch = "WC303"
    case rosterContradiction = "WC304"
    case costOverflow = "WC305"

    /// A short title for the code, for rule lists such as SARIF's; docs/diagnostics.md says more.
    public var title: Localized {
        switch self {
        case .fileUnreadable: return Localized(vi: "Không đọc được tệp", en: "File cannot be read")
        case .fileTooLarge: return Localized(vi: "Tệp quá lớn", en: "File too large")
        case .invalidUTF8: return Localized(vi: "Byte không hợp lệ trong UTF-8", en: "Invalid UTF-8")
        case .yamlSyntax: return Localized(vi: "Lỗi cú pháp YAML", en: "YAML syntax error")
        case .tabIndentation: return Localized(vi: "Thụt lề bằng tab", en: "Tab used for indentation")
        case .emptyFile: return Localized(vi: "Tệp rỗng", en: "Empty file")
        case .rootNotMapping: return Localized(vi: "Tệp không phải danh sách các mục và giá trị", en: "The file is not a list of fields and values")
        case .multipleDocuments: return Localized(vi: "Nhiều tài liệu YAML trong một tệp", en: "More than one YAML document")
        case .tooDeep: return Localized(vi: "Lồng nhau quá sâu", en: "Nested too deeply")
        case .scalarTooLong: return Localized(vi: "Giá trị quá dài", en: "Value too long")
        case .duplicateKey: return Localized(vi: "Khoá bị lặp", en: "Duplicate key")
        case .anchorOrAlias: return Localized(vi: "Dùng neo hoặc tham chiếu YAML", en: "YAML anchor or alias")
        case .tag: return Localized(vi: "Dùng thẻ kiểu YAML", en: "YAML type tag")
        case .complexKey: return Localized(vi: "Khoá không phải một từ", en: "Key is not a plain word")
        case .moreDiagnostics: return Localized(vi: "Còn vấn đề khác không hiển thị", en: "More diagnostics not shown")
        case .unknownKey: return Localized(vi: "Khoá không có trong định dạng", en: "Unknown key")
        case .wrongShape: return Localized(vi: "Sai dạng (khối, danh sách hay giá trị)", en: "Wrong shape (block, list or value)")
        case .notBoolean: return Localized(vi: "Không phải câu trả lời có hoặc không", en: "Not a yes-or-no answer")
        case .notCount: return Localized(vi: "Không phải số nguyên không âm", en: "Not a non-negative whole number")
        case .notNumber: return Localized(vi: "Không phải số không âm", en: "Not a non-negative number")
        case .badDate: return Localized(vi: "Ngày không đúng dạng", en: "Date in the wrong form")
        case .notInEnum: return Localized(vi: "Giá trị không nằm trong danh sách cho phép", en: "Value not among the allowed ones")
        case .outOfRange: return Localized(vi: "Giá trị ngoài khoảng cho phép", en: "Value out of range")
        case .badPattern: return Localized(vi: "Giá trị sai dạng (ví dụ mã đơn vị 5 chữ số)", en: "Value in the wrong form (e.g. a 5-digit unit code)")
        case .missingRequired: return Localized(vi: "Thiếu trường bắt buộc", en: "Required field missing")
        case .unsupportedFormat: return Localized(vi: "Phiên bản định dạng chưa được hỗ trợ", en: "Unsupported format version")
        case .crossField: return Localized(vi: "Các trường mâu thuẫn nhau", en: "Fields contradict each other")
        case .badText: return Localized(vi: "Văn bản chứa ký tự điều khiển", en: "Text with control characters")
        case .factsFromTheFuture: return Localized(vi: "Số liệu từ tương lai", en: "Facts from the future")
        case .factsAfterEvaluationDay: return Localized(vi: "Số liệu muộn hơn ngày đánh giá", en: "Facts dated after the evaluation day")
        case .ambiguousThousands: return Localized(vi: "Số có thể bị hiểu nhầm hàng nghìn", en: "Number that may be a misread thousand")
        case .costOverflow: return Localized(vi: "Tổng chi phí vượt giới hạn tính toán", en: "Cost total too large to compute")
        case .rosterContradiction: return Localized(vi: "Tệp mâu thuẫn với danh sách đơn vị", en: "File contradicts the city roster")
        case .dateAfterAsOf: return Localized(vi: "Ngày sau ngày của số liệu", en: "Date after the facts date")
        case .configInvalid: return Localized(vi: "Tệp cấu hình không hợp lệ", en: "Invalid configuration file")
        case .unknownFact: return Localized(vi: "Tiêu chí dùng trường không có trong lược đồ", en: "Criterion names an unknown fact")
        case .unknownItem: return Localized(vi: "Hạng mục hoặc việc không có trong danh mục", en: "Item or action not in the catalogue")
        case .unknownOperator: return Localized(vi: "Phép so sánh không hợp lệ", en: "Unknown operator")
        case .typeMismatch: return Localized(vi: "So sánh sai kiểu", en: "Comparison of the wrong type")
        case .exampleMismatch: return Localized(vi: "Ví dụ của tiêu chí cho kết quả khác mong đợi", en: "Criterion example gives another outcome")
        case .duplicateCriterion: return Localized(vi: "Tiêu chí bị lặp", en: "Duplicate criterion")
        case .unknownCriterion: return Localized(vi: "Tiêu chí không tồn tại", en: "Unknown criterion")
        case .notInRoster: return Localized(vi: "Đơn vị không có trong danh sách", en: "Unit not in the roster")
        case .duplicateUnit: return Localized(vi: "Đơn vị nộp nhiều tệp", en: "Unit submitted more than once")
        case .rosterMismatch: return Localized(vi: "Tên hoặc loại đơn vị khác danh sách", en: "Unit name or type differs from the roster")
        }
    }
}

public enum Severity: String, Sendable, Codable {
    case error, warning, note
}
