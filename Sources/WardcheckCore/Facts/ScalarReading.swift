import Foundation
import YAMLTree

/// Why a scalar could not be read as the type asked for: a code, a message and a hint.
public struct ScalarRejection: Error, Sendable {
    public var code: DiagnosticCode
    public var message: Localized
    public var hint: Localized?
    /// Where inside the value the problem is, when it can be told exactly; else the value's start.
    public var at: Mark?

    public init(code: DiagnosticCode, message: Localized, hint: Localized? = nil, at: Mark? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.at = at
    }
}

/// Reads a scalar as a type only when the schema asks, and only in the one spelling the format
/// allows. Nothing is guessed: `yes` is not a boolean, `4.5` is not a count, `1e3` is not a number.
public enum ScalarReading {
    /// No unit counts or measures more than a million of anything; a larger value is a typo.
    /// The bound also keeps quantities and costs far inside machine integers.
    public static let largest: Decimal = 1_000_000

    private static func tooLarge(_ text: String) -> ScalarRejection {
        ScalarRejection(code: .outOfRange,
            message: Localized(vi: "giá trị quá lớn: \(text) (tối đa 1.000.000)", en: "value too large: \(text) (at most 1,000,000)"),
            hint: Localized(vi: "kiểm tra lại số này; có thể gõ thừa chữ số", en: "check this number; a digit may have been typed twice"))
    }

    public static func boolean(_ node: YAMLNode) -> Result<Bool, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "true hoặc false", en: "true or false"))) }
        if node.style == .plain, text == "true" { return .success(true) }
        if node.style == .plain, text == "false" { return .success(false) }
        let lowered = text.lowercased()
        let meant: String? = ["yes", "y", "on", "có", "co", "đúng", "1", "true", "x", "rồi", "đạt"].contains(lowered) ? "true"
            : ["no", "n", "off", "không", "khong", "sai", "0", "false", "chưa"].contains(lowered) ? "false" : nil
        let quoted = node.style != .plain && (text == "true" || text == "false")
        return .failure(ScalarRejection(
            code: .notBoolean,
            message: Localized(vi: "`\(text)` không phải giá trị đúng/sai", en: "`\(text)` is not a boolean"),
            hint: quoted
                ? Localized(vi: "bỏ dấu ngoặc kép: viết \(text)", en: "remove the quotes: write \(text)")
                : Localized(vi: "viết true hoặc false" + (meant.map { " (có lẽ ý là \($0))" } ?? ""),
                            en: "write true or false" + (meant.map { " (probably \($0))" } ?? ""))))
    }

    /// A non-negative whole number written as digits.
    public static func count(_ node: YAMLNode) -> Result<Decimal, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "một số nguyên", en: "a whole number"))) }
        if node.style != .plain {
            return .failure(ScalarRejection(code: .notCount,
                message: Localized(vi: "\"\(text)\" là văn bản, không phải số đếm", en: "\"\(text)\" is text, not a count"),
                hint: Localized(vi: "bỏ dấu ngoặc kép: viết \(text)", en: "remove the quotes: write \(text)")))
        }
        if isDigits(text), !(text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0")) {
            guard text.utf8.count <= 7, let value = digitsAsDecimal(text), DecimalShortcuts.lessOrEqual(value, largest) else { return .failure(tooLarge(text)) }
            return .success(value)
        }
        if isDigits(text) {
            return .failure(ScalarRejection(code: .notCount,
                message: Localized(vi: "`\(text)` có số 0 ở đầu", en: "`\(text)` has a leading zero"),
                hint: Localized(vi: "viết \(text.drop(while: { $0 == "0" }).isEmpty ? "0" : String(text.drop(while: { $0 == "0" })))",
                                en: "write \(text.drop(while: { $0 == "0" }).isEmpty ? "0" : String(text.drop(while: { $0 == "0" })))")))
        }
        if text.hasPrefix("-"), isDigits(String(text.dropFirst())) {
            return .failure(ScalarRejection(code: .outOfRange,
                message: Localized(vi: "số đếm không được âm: \(text)", en: "a count cannot be negative: \(text)"),
                hint: Localized(vi: "viết 0 hoặc một số dương", en: "write 0 or a positive whole number")))
        }
        if let whole = groupedWhole(text) {
            return .failure(ScalarRejection(code: .notCount,
                message: Localized(vi: "`\(text)` có dấu phân cách hàng nghìn", en: "`\(text)` has a thousands separator"),
                hint: Localized(vi: "viết \(whole), không có dấu phân cách", en: "write \(whole) with no separator")))
        }
        if let (number, unit) = numberWithUnit(text) {
            return .failure(unitRejection(text, number, unit, code: .notCount))
        }
        let fractional = decimalText(text) != nil || decimalText(text.replacingOccurrences(of: ",", with: ".")) != nil
        return .failure(ScalarRejection(code: .notCount,
            message: fractional
                ? Localized(vi: "`\(text)` không phải số nguyên", en: "`\(text)` is not a whole number")
                : Localized(vi: "`\(text)` không phải số đếm", en: "`\(text)` is not a count"),
            hint: Localized(vi: "viết một số nguyên không âm chỉ gồm chữ số, ví dụ 12", en: "write a non-negative whole number in digits, e.g. 12")))
    }

    /// A non-negative number in plain decimal notation.
    public static func number(_ node: YAMLNode) -> Result<Decimal, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "một số", en: "a number"))) }
        if node.style != .plain {
            return .failure(ScalarRejection(code: .notNumber,
                message: Localized(vi: "\"\(text)\" là văn bản, không phải số", en: "\"\(text)\" is text, not a number"),
                hint: Localized(vi: "bỏ dấu ngoặc kép: viết \(text)", en: "remove the quotes: write \(text)")))
        }
        // Read once: the digits are the value, unless they start with a zero.
        if let value = decimalText(text) {
            // Only a first `0` followed by another digit is a leading zero; looked at on the bytes
            // first, since the words of the fix go through characters (thousands of instructions).
            if hasLeadingZero(text.utf8), let meant = withoutLeadingZeros(text) {
                // YAML 1.2's core schema has no `007`: it is not a number there, whatever YAML 1.1 made of it.
                return .failure(ScalarRejection(code: .notNumber,
                    message: Localized(vi: "`\(text)` có số 0 ở đầu", en: "`\(text)` has a leading zero"),
                    hint: Localized(vi: "viết \(meant)", en: "write \(meant)")))
            }
            return DecimalShortcuts.lessOrEqual(value, largest) ? .success(value) : .failure(tooLarge(text))
        }
        if text.hasPrefix("-"), decimalText(String(text.dropFirst())) != nil {
            return .failure(ScalarRejection(code: .outOfRange,
                message: Localized(vi: "giá trị không được âm: \(text)", en: "the value cannot be negative: \(text)"),
                hint: Localized(vi: "viết 0 hoặc một số dương", en: "write 0 or a positive number")))
        }
        if let (number, unit) = numberWithUnit(text) {
            return .failure(unitRejection(text, number, unit, code: .notNumber))
        }
        let comma = text.replacingOccurrences(of: ",", with: ".")
        // "1,000" is a thousand with a separator; "7,5" is seven and a half with a decimal comma.
        if let whole = groupedWhole(text), text.contains(",") {
            return .failure(ScalarRejection(code: .notNumber,
                message: Localized(vi: "`\(text)` có dấu phân cách hàng nghìn", en: "`\(text)` has a thousands separator"),
                hint: Localized(vi: "viết \(whole), không có dấu phân cách", en: "write \(whole) with no separator")))
        }
        let hint = decimalText(comma) != nil
            ? Localized(vi: "dùng dấu chấm cho phần thập phân: viết \(comma)", en: "use a dot for decimals: write \(comma)")
            : Localized(vi: "viết số thập phân thông thường, ví dụ 10 hoặc 7.5", en: "write a plain decimal number, e.g. 10 or 7.5")
        return .failure(ScalarRejection(code: .notNumber,
            message: Localized(vi: "`\(text)` không phải số", en: "`\(text)` is not a number"), hint: hint))
    }

    public static func date(_ node: YAMLNode) -> Result<Day, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "một ngày YYYY-MM-DD", en: "a date YYYY-MM-DD"))) }
        // A quoted scalar is a string in YAML 1.2, as a quoted count is; the date is written bare.
        if node.style != .plain, Day(iso: text) != nil {
            return .failure(ScalarRejection(code: .badDate,
                message: Localized(vi: "\"\(text)\" là văn bản, không phải ngày", en: "\"\(text)\" is text, not a date"),
                hint: Localized(vi: "bỏ dấu ngoặc kép: viết \(text)", en: "remove the quotes: write \(text)")))
        }
        if node.style == .plain, let day = Day(iso: text) { return .success(day) }
        if let impossible = impossibleDate(text) { return .failure(impossible) }
        let hint: Localized
        if let guess = Day.guess(text) {
            hint = Localized(vi: "viết ngày theo dạng năm-tháng-ngày: \(guess)", en: "write the date as year-month-day: \(guess)")
        } else {
            hint = Localized(vi: "viết ngày theo dạng YYYY-MM-DD, ví dụ 2025-07-05", en: "write the date as YYYY-MM-DD, e.g. 2025-07-05")
        }
        return .failure(ScalarRejection(code: .badDate,
            message: Localized(vi: "`\(text)` không phải ngày hợp lệ", en: "`\(text)` is not a valid date"), hint: hint))
    }

    /// Text that may run over several lines (a criterion's rationale), but holds no other control
    /// character and nothing hidden: ward text reaches terminals, browsers and spreadsheets, and an
    /// escape sequence or a bidirectional override in it has no honest use.
    public static func text(_ node: YAMLNode) -> Result<String, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "một đoạn văn bản", en: "text"))) }
        if let rejection = hidden(in: text, node, allowing: lineBreakAndTab) { return .failure(rejection) }
        return .success(text)
    }

    /// Made once: a set built for every enum and code value read was a thousand instructions each.
    private static let lineBreakAndTab: Set<Unicode.Scalar> = ["\n", "\t"]

    /// One line of text: a name, a contact, a waiver's reason. Line breaks, tabs and every hidden
    /// character are refused, since each is a way to forge a line in a log or a name on a screen.
    /// Zero-width joiners are refused with the rest: Vietnamese needs none, and a unit name has
    /// no use for emoji sequences.
    public static func line(_ node: YAMLNode) -> Result<String, ScalarRejection> {
        guard let text = node.scalar else { return .failure(shape(node, expected: Localized(vi: "một dòng văn bản", en: "one line of text"))) }
        if let rejection = hidden(in: text, node, allowing: []) { return .failure(rejection) }
        return .success(text)
    }

    private static func hidden(in text: String, _ node: YAMLNode, allowing allowed: Set<Unicode.Scalar>) -> ScalarRejection? {
        guard let (position, scalar) = HiddenCharacters.first(in: text, allowing: allowed) else { return nil }
        let at = exactMark(of: position, in: text, node)
        if scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
            return ScalarRejection(code: .badText,
                message: Localized(vi: "văn bản xuống dòng ở ký tự thứ \(position); trường này chỉ có một dòng",
                                   en: "the text breaks onto a new line at character \(position); this field holds one line"),
                hint: Localized(vi: "viết cả giá trị trên một dòng", en: "write the whole value on one line"), at: at)
        }
        let name = HiddenCharacters.describe(scalar)
        return ScalarRejection(code: .badText,
            message: Localized(vi: "văn bản chứa ký tự điều khiển hoặc ký tự ẩn \(name) ở ký tự thứ \(position)",
                               en: "the text holds a control or invisible character, \(name), at character \(position)"),
            hint: Localized(vi: "xoá ký tự này (hoặc chuỗi thoát như \\e, \\x1b, \\u202E trong ngoặc kép) và viết văn bản thường",
                            en: "remove it (or an escape such as \\e, \\x1b, \\u202E in quotes) and write plain text"), at: at)
    }

    /// The column of the `position`th character when the value is written as it reads, on one
    /// line (plain, or quoted without escapes); nil when an escape or a fold moved things.
    private static func exactMark(of position: Int, in text: String, _ node: YAMLNode) -> Mark? {
        guard node.start.line == node.end.line else { return nil }
        let scalars = text.unicodeScalars.count
        let width = node.end.column - node.start.column
        let offset = position - 1
        switch node.style {
        case .plain where width == scalars:
            return Mark(line: node.start.line, column: node.start.column + offset)
        case .singleQuoted where width == scalars + 2, .doubleQuoted where width == scalars + 2:
            return Mark(line: node.start.line, column: node.start.column + 1 + offset)
        default:
            return nil
        }
    }

    static func shape(_ node: YAMLNode, expected: Localized) -> ScalarRejection {
        let found = node.entries != nil ? Localized(vi: "một khối", en: "a block")
            : node.items != nil ? Localized(vi: "một danh sách", en: "a list") : Localized(vi: "một giá trị", en: "a value")
        return ScalarRejection(code: .wrongShape,
            message: Localized(vi: "cần \(expected.vi), nhưng gặp \(found.vi)", en: "expected \(expected.en), found \(found.en)"),
            hint: Localized(vi: "viết một giá trị đơn sau dấu hai chấm", en: "write a single value after the colon"))
    }

    /// "1,000" or "1.000.000": digits grouped by threes, as people write thousands. Returns the
    /// whole number without separators.
    static func groupedWhole(_ text: String) -> String? {
        for separator in [",", "."] {
            let groups = text.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
            guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count), isDigits(head),
                  groups.dropFirst().allSatisfy({ $0.count == 3 && isDigits($0) }) else { continue }
            return groups.joined()
        }
        return nil
    }

    /// "300 Mbps", "10kVA", "8 giờ": a number followed by a unit the schema already knows.
    static func numberWithUnit(_ text: String) -> (String, String)? {
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let rest = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, decimalText(String(digits)) != nil, !rest.isEmpty,
              rest.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "%" }) else { return nil }
        return (String(digits), rest)
    }

    private static func unitRejection(_ text: String, _ number: String, _ unit: String, code: DiagnosticCode) -> ScalarRejection {
        ScalarRejection(code: code,
            message: Localized(vi: "`\(text)` có kèm đơn vị `\(unit)`", en: "`\(text)` carries the unit `\(unit)`"),
            hint: Localized(vi: "bỏ đơn vị, tên trường đã nói đơn vị: viết \(number)", en: "drop the unit, the field's name already says it: write \(number)"))
    }

    /// "2025-02-30", "2025-13-01": the right shape, but no such day.
    private static func impossibleDate(_ text: String) -> ScalarRejection? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ isDigits(String($0)) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        guard (1...12).contains(month) else {
            return ScalarRejection(code: .badDate,
                message: Localized(vi: "`\(text)`: không có tháng \(month)", en: "`\(text)`: there is no month \(month)"),
                hint: Localized(vi: "tháng từ 01 đến 12; dạng là năm-tháng-ngày (YYYY-MM-DD)", en: "months run from 01 to 12; the form is year-month-day (YYYY-MM-DD)"))
        }
        let last = Day.daysIn(month: month, year: year)
        return ScalarRejection(code: .badDate,
            message: Localized(vi: "`\(text)`: tháng \(month) năm \(year) không có ngày \(day)", en: "`\(text)`: month \(month) of \(year) has no day \(day)"),
            hint: Localized(vi: "tháng này có \(last) ngày; kiểm tra lại ngày", en: "that month has \(last) days; check the day"))
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether digits with at most one dot start with a zero that is not alone before the dot.
    private static func hasLeadingZero(_ utf8: String.UTF8View) -> Bool {
        guard utf8.first == UInt8(ascii: "0") else { return false }
        let second = utf8.index(after: utf8.startIndex)
        return second != utf8.endIndex && utf8[second] != UInt8(ascii: ".")
    }

    /// `007` → `7`, `007.5` → `7.5`; nil when there is no leading zero to drop (`0`, `0.5`, `10`).
    private static func withoutLeadingZeros(_ text: String) -> String? {
        let whole = text.prefix(while: { $0 != "." })
        guard whole.count > 1, whole.hasPrefix("0") else { return nil }
        let kept = whole.drop(while: { $0 == "0" })
        return (kept.isEmpty ? "0" : String(kept)) + text.dropFirst(whole.count)
    }

    /// Digits, optionally a dot and more digits. Rejects 1e3, .5, 0x1F, .inf, 1_000.
    private static func decimalText(_ text: String) -> Decimal? {
        // Read on the bytes: digits, and at most one dot with digits on both sides, 40 at most.
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 40, utf8.first != UInt8(ascii: "."), utf8.last != UInt8(ascii: ".") else { return nil }
        var dots = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") { dots += 1; continue }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
        }
        guard dots <= 1 else { return nil }
        return digitsAsDecimal(text)
    }

    /// Digits with at most one dot, as the Decimal `Decimal(string:)` reads from them (the same
    /// mantissa and exponent, so every sum and every display comes out the same), built from the
    /// digits directly: a Locale and Foundation's parser per number were a tenth of an audit.
    /// Only where the two could differ (more digits than 18, or a zero written with decimals,
    /// which Foundation keeps at its written exponent) does Foundation's parser read it.
    static func digitsAsDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { digitsAsDecimal($0) }
    }

    /// The same, on the bytes as a file writes them.
    static func digitsAsDecimal(_ utf8: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var dot = false
        for byte in utf8 {
            if byte == UInt8(ascii: "."), !dot {
                dot = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
            digits += 1
            if dot { scale += 1 }
        }
        guard digits > 0 else { return nil }
        if digits > 18 || (mantissa == 0 && scale > 0) { return Decimal(string: String(decoding: utf8, as: UTF8.self), locale: posix) }
        if scale == 0, mantissa < UInt64(smallWholes.count) { return smallWholes[Int(mantissa)] }
        return Decimal(sign: .plus, exponent: -scale, significand: Decimal(mantissa))
    }

    /// The whole numbers most counts are, made once: building a Decimal costs more than reading its digits.
    private static let smallWholes: [Decimal] = (0..<1024).map { Decimal($0) }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
