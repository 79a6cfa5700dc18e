import Foundation

/// Reads what a person typed into a form field, the way people write in the page's language,
/// into the value the facts file will hold in YAML's own form. A file is strict (`ScalarReading`:
/// `1.5`, `1000`, `2026-12-04`, `true`); a person is not, and need not be:
///
/// - Vietnamese: `1,5` is one and a half, `1.000` a thousand, `04/12/2026` the 4th of December;
///   English: `1.5`, `1,000`, `4 Dec 2026` or `2026-12-04`.
/// - The other language's habits are read too where they cannot mean anything else (`1.5` on a
///   Vietnamese page, `1,5` on an English one).
/// - A unit after the number is understood when it is the field's own (`10 phút`, `300 Mbps`).
/// - A code may come in quotes (`"20574"`), a yes may be `có`, `rồi` or the field's own answer.
///
/// What is truly ambiguous or not a value at all is a question for the person, in words, at that
/// field ("«1,500»: số đếm là số nguyên — …"), never a guess.
public struct AnswerReader: Sendable {
    public let schema: FactsSchema
    public let language: Language
    public init(schema: FactsSchema, language: Language) {
        self.schema = schema
        self.language = language
    }

    public enum Reading: Sendable, Equatable {
        /// Nothing typed: the fact is not reported.
        case empty
        /// What the answer means, as the file will hold it.
        case value(FactValue)
        /// Not understood, or understood two ways: what to ask the person, in words.
        case question(Localized)
    }

    private var words: FactWords { FactWords(schema: schema) }

    public func read(_ typed: String, path: String) -> Reading {
        guard let field = schema.field(path), field.type != .block else { return .empty }
        let text = Self.trimmed(typed.precomposedStringWithCanonicalMapping)
        guard !text.isEmpty else { return .empty }
        switch field.type {
        case .block: return .empty
        case .boolean: return boolean(text, field)
        case .count: return number(text, field, whole: true)
        case .number: return number(text, field, whole: false)
        case .date: return date(text)
        case .enumeration(let values, let hints): return choice(text, field, values: values, hints: hints)
        case .code(let pattern, _): return code(text, field, pattern: pattern)
        case .text: return .value(.text(text))
        }
    }

    /// How a value goes back into a form field, in the page's language: "1,5", "1.000",
    /// "04/12/2026" / "4 Dec 2026", "true" for a yes, the key for a choice. Read back, it is the same value.
    public func shown(_ value: FactValue) -> String {
        switch value {
        case .boolean(let b): return b ? "true" : "false"
        case .number(let n): return NumberText.number(n, language)
        case .date(let d): return d.written(language).replacingOccurrences(of: "\u{00A0}", with: " ")
        case .text(let t): return t
        }
    }

    // MARK: Numbers

    /// Reads `1,5`, `1.000`, `1.234,5`, `10 phút`, `300Mbps`; asks about `1,500` in a count
    /// (a Vietnamese one and a half, or an English thousand five hundred?), `-3`, `abc`.
    private func number(_ typed: String, _ field: FactsSchema.Field, whole: Bool) -> Reading {
        let quoted = Self.quote(typed)
        guard let (digits, unit) = Self.splitUnit(typed) else {
            return .question(Localized(vi: "\(quoted) không phải là số. Hãy ghi một số, ví dụ \(whole ? "12" : "1,5").",
                                       en: "\(quoted) is not a number. Write a number, e.g. \(whole ? "12" : "1.5")."))
        }
        if let unit, !matchesUnit(unit, field.unit) {
            let expected = field.unit.map { Localized(vi: "Ô này tính bằng \($0.vi)", en: "This field is in \($0.en)") }
                ?? Localized(vi: "Ô này chỉ cần một số", en: "This field takes a number only")
            return .question(Localized(vi: "\(quoted): \(expected.vi). Hãy ghi một số, ví dụ \(whole ? "12" : "1,5").",
                                       en: "\(quoted): \(expected.en). Write a number, e.g. \(whole ? "12" : "1.5")."))
        }
        if digits.hasPrefix("-") {
            return .question(Localized(vi: "\(quoted): số này không thể âm. Hãy ghi 0 hoặc một số dương.",
                                       en: "\(quoted): this cannot be negative. Write 0 or a positive number."))
        }
        guard let reading = Self.decimal(digits, language) else {
            return .question(Localized(vi: "\(quoted) không đọc được thành số. Ghi phần thập phân sau dấu phẩy (1,5) và hàng nghìn bằng dấu chấm (1.000).",
                                       en: "\(quoted) cannot be read as a number. Write decimals with a dot (1.5) and thousands with a comma (1,000)."))
        }
        if whole, !reading.isWhole {
            // A count's "1,500" in Vietnamese is one and a half, but a thousand five hundred in English.
            if let grouped = reading.otherReading {
                let thousand = NumberText.number(grouped, language)
                let decimal = NumberText.number(reading.value, language)
                return .question(Localized(vi: "\(quoted) là \(decimal) hay \(thousand)? Số đếm là số nguyên: nếu là \(thousand), hãy ghi \(thousand).",
                                           en: "\(quoted): \(decimal) or \(thousand)? A count is a whole number: if you mean \(thousand), write \(thousand)."))
            }
            return .question(Localized(vi: "\(quoted): ô này đếm số lượng, cần một số nguyên, ví dụ 12.",
                                       en: "\(quoted): this field counts things and needs a whole number, e.g. 12."))
        }
        guard DecimalShortcuts.lessOrEqual(reading.value, ScalarReading.largest) else {
            return .question(Localized(vi: "\(quoted) quá lớn (tối đa 1.000.000). Có thể gõ thừa chữ số?",
                                       en: "\(quoted) is too large (at most 1,000,000). Was a digit typed twice?"))
        }
        return .value(.number(reading.value))
    }

    struct DecimalReading {
        var value: Decimal
        var isWhole: Bool
        /// The whole number the same text is in the other convention, when it is one ("1,500").
        var otherReading: Decimal?
    }

    /// A number written with the separators of `language` (or, where it cannot mean anything
    /// else, the other language's). Digits, `.`, `,` and spaces between groups of three.
    static func decimal(_ text: String, _ language: Language) -> DecimalReading? {
        let (point, group): (Character, Character) = language == .vi ? (",", ".") : (".", ",")
        // "1 000 000": spaces between groups of three are thousands too.
        var text = text
        if text.contains(" ") {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.dropFirst().allSatisfy({ $0.count >= 3 && $0.prefix(3).allSatisfy(\.isASCIIDigit) }) else { return nil }
            text = parts.joined()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }),
              text.first!.isASCIIDigit, text.last!.isASCIIDigit else { return nil }
        let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
        func parse(whole: String, fraction: String?) -> DecimalReading? {
            // "12,0" is twelve: a fraction of zeros is dropped, so the file says 12.
            let fraction = fraction.flatMap { $0.allSatisfy { $0 == "0" } ? nil : $0 }
            let digits = whole.drop { $0 == "0" }
            guard let value = ScalarReading.digitsAsDecimal((digits.isEmpty ? "0" : String(digits)) + (fraction.map { "." + $0 } ?? "")) else { return nil }
            return DecimalReading(value: value, isWhole: fraction == nil, otherReading: nil)
        }
        func grouped(_ s: String, by separator: Character) -> String? {
            let groups = s.split(separator: separator, omittingEmptySubsequences: false)
            // A group of thousands never starts with 0: "0.500" is a half.
            guard let head = groups.first, (1...3).contains(head.count), head.first != "0",
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            return groups.joined()
        }
        switch (dots, commas) {
        case (0, 0):
            return parse(whole: text, fraction: nil)
        case (_, _) where dots > 0 && commas > 0:
            // Both: the last one is the decimal point, the other groups thousands ("1.234,5", "1,234.5").
            let last = text.lastIndex { $0 == "." || $0 == "," }!
            let separator: Character = text[last] == "." ? "," : "."
            guard text[text.index(after: last)...].allSatisfy(\.isASCIIDigit),
                  let whole = grouped(String(text[..<last]), by: separator) else { return nil }
            return parse(whole: whole, fraction: String(text[text.index(after: last)...]))
        default:
            let separator: Character = dots > 0 ? "." : ","
            let count = max(dots, commas)
            if count > 1 {
                // Several: only thousands ("1.000.000").
                return grouped(text, by: separator).flatMap { parse(whole: $0, fraction: nil) }
            }
            let parts = text.split(separator: separator).map(String.init)
            guard parts.count == 2 else { return nil }
            let asDecimal = parse(whole: parts[0], fraction: parts[1])
            let asThousands = grouped(text, by: separator).flatMap { parse(whole: $0, fraction: nil) }
            if separator == group, let asThousands {
                // The language's own thousands separator before three digits: "1.000" in Vietnamese.
                return asThousands
            }
            if separator == point {
                // The language's own decimal point: "1,5", and "1,500" too (one and a half), with
                // the thousands reading kept for a count, where it is asked about.
                guard var reading = asDecimal else { return nil }
                if let asThousands, asThousands.value != reading.value { reading.otherReading = asThousands.value }
                return reading
            }
            // The other language's decimal point, which cannot be thousands here ("1.5", "0.25");
            // four digits or more after it ("1.0000") could be a thousand mistyped: asked.
            return parts[1].count <= 3 ? asDecimal : nil
        }
    }

    /// Splits "10 phút" into the number and the unit typed after it; nil when there is no number first.
    static func splitUnit(_ text: String) -> (String, String?)? {
        let numberPart = text.prefix { $0.isASCIIDigit || $0 == "." || $0 == "," || $0 == " " || $0 == "-" || $0 == "\u{00A0}" }
        let number = trimmed(String(numberPart)).replacingOccurrences(of: "\u{00A0}", with: " ")
        guard number.contains(where: \.isASCIIDigit) else { return nil }
        let rest = trimmed(String(text.dropFirst(numberPart.count)))
        return (number, rest.isEmpty ? nil : rest)
    }

    /// Whether a word typed after a number is the field's unit, in either language, with or
    /// without its accents, or written out ("phut", "KVA", "minutes" for "min").
    private func matchesUnit(_ typed: String, _ unit: Localized?) -> Bool {
        guard let unit else { return false }
        let typed = Self.folded(typed)
        return [unit.vi, unit.en].map(Self.folded).contains { typed == $0 || (typed.count > $0.count && typed.hasPrefix($0) && typed.allSatisfy(\.isLetter)) }
    }

    // MARK: Dates

    /// Reads `04/12/2026` (day first in Vietnamese), `2026-12-04`, `4 Dec 2026`, `ngày 4 tháng 12
    /// năm 2026`; in English asks whether `04/12/2026` is the 4th of December or the 12th of April.
    private func date(_ typed: String) -> Reading {
        let quoted = Self.quote(typed)
        let example = Localized(vi: "ví dụ 15/10/2026", en: "e.g. 15 Oct 2026")
        let notADate = Reading.question(Localized(vi: "\(quoted) không phải là ngày. Hãy ghi ngày/tháng/năm, \(example.vi).",
                                                  en: "\(quoted) is not a date. Write day, month and year, \(example.en)."))
        if let day = Day(iso: typed) { return .value(.date(day)) }
        var folded = Self.folded(typed)
        // Words around the numbers: "ngày 4 tháng 12 năm 2026".
        for word in ["ngay", "thang", "nam"] { folded = folded.replacingOccurrences(of: word, with: " ") }
        var month: Int?
        var pieces: [String] = []
        var current = ""
        for ch in folded + " " {
            if ch.isASCIIDigit || ch.isLetter { current.append(ch) } else {
                if !current.isEmpty { pieces.append(current) }
                current = ""
            }
        }
        // A month in letters (English): "Dec", "December".
        var numbers: [String] = []
        for piece in pieces {
            if piece.allSatisfy(\.isASCIIDigit) { numbers.append(piece); continue }
            guard month == nil, piece.count >= 3,
                  let index = Day.monthNames.firstIndex(where: { $0.hasPrefix(piece) || (piece.hasPrefix($0) && piece.count == $0.count) }) else { return notADate }
            month = index + 1
        }
        let ints = numbers.compactMap { Int($0) }
        guard ints.count == numbers.count else { return notADate }
        var (year, monthNumber, dayNumber): (Int, Int, Int)
        if let month {
            guard ints.count == 2 else { return notADate }
            // "4 Dec 2026" or "Dec 4, 2026": the year is the four-digit one.
            guard let yearIndex = numbers.firstIndex(where: { $0.count == 4 }) else { return askYear(quoted) }
            year = ints[yearIndex]
            dayNumber = ints[1 - yearIndex]
            monthNumber = month
        } else {
            guard ints.count == 3 else { return notADate }
            if numbers[0].count == 4 {
                (year, monthNumber, dayNumber) = (ints[0], ints[1], ints[2])
            } else if numbers[2].count == 4 {
                year = ints[2]
                let (first, second) = (ints[0], ints[1])
                switch language {
                case .vi:
                    // Vietnamese writes the day first; a second number above 12 was a month-first date.
                    if second > 12, first <= 12 {
                        return .question(Localized(vi: "\(quoted): không có tháng \(second). Ngày viết trước tháng: có phải \(Digits.two(second))/\(Digits.two(first))/\(Digits.four(year))?",
                                                   en: "\(quoted): there is no month \(second). The day comes first: did you mean \(Digits.two(second))/\(Digits.two(first))/\(Digits.four(year))?"))
                    }
                    (dayNumber, monthNumber) = (first, second)
                case .en:
                    if first > 12 || first == second {
                        (dayNumber, monthNumber) = (first, second)
                    } else if second > 12 {
                        (dayNumber, monthNumber) = (second, first)
                    } else {
                        let dayFirst = Day(year: year, month: second, day: first)
                        let monthFirst = Day(year: year, month: first, day: second)
                        guard let dayFirst, let monthFirst else { return notADate }
                        return .question(Localized(vi: "\(quoted) là \(dayFirst.written(.vi)) hay \(monthFirst.written(.vi))? Hãy ghi tháng bằng chữ.",
                                                   en: "\(quoted): \(dayFirst.written(.en)) or \(monthFirst.written(.en))? Write the month in letters, e.g. \(dayFirst.written(.en))."))
                    }
                }
            } else {
                return askYear(quoted)
            }
        }
        guard let day = Day(year: year, month: monthNumber, day: dayNumber) else {
            if (1...12).contains(monthNumber) {
                let last = Day.daysIn(month: monthNumber, year: year)
                return .question(Localized(vi: "\(quoted): tháng \(monthNumber) năm \(year) chỉ có \(last) ngày.",
                                           en: "\(quoted): month \(monthNumber) of \(year) has \(last) days."))
            }
            return .question(Localized(vi: "\(quoted): không có tháng \(monthNumber).", en: "\(quoted): there is no month \(monthNumber)."))
        }
        return .value(.date(day))
    }

    private func askYear(_ quoted: String) -> Reading {
        .question(Localized(vi: "\(quoted): hãy ghi năm đủ bốn chữ số, ví dụ 15/10/2026.", en: "\(quoted): write the year with four digits, e.g. 15 Oct 2026."))
    }

    // MARK: Yes, no and choices

    private func boolean(_ typed: String, _ field: FactsSchema.Field) -> Reading {
        let folded = Self.folded(typed)
        if Self.yes.contains(folded) { return .value(.boolean(true)) }
        if Self.no.contains(folded) { return .value(.boolean(false)) }
        for (key, answer) in field.answers where Self.folded(answer.vi) == folded || Self.folded(answer.en) == folded {
            return .value(.boolean(key == "true"))
        }
        let choices = FactWords.alternatives(["true", "false"].compactMap { field.answers[$0] }.map { $0.map { "«\($0)»" } })
        return .question(Localized(vi: "\(Self.quote(typed)): chọn \(choices.vi).", en: "\(Self.quote(typed)): choose \(choices.en)."))
    }

    /// Words that mean yes or no, folded (no accents, lower case). `x` ticks a box.
    static let yes: Set<String> = ["true", "yes", "y", "co", "da co", "roi", "dung", "dat", "x", "1", "on"]
    static let no: Set<String> = ["false", "no", "n", "khong", "chua", "chua co", "khong co", "sai", "0", "off"]

    private func choice(_ typed: String, _ field: FactsSchema.Field, values: [String], hints: [String: String]) -> Reading {
        if values.contains(typed) { return .value(.text(typed)) }
        let folded = Self.folded(typed)
        for value in values {
            let names = [value, value.replacingOccurrences(of: "_", with: " ")]
                + [field.labels[value], field.answers[value]].compactMap { $0 }.flatMap { [$0.vi, $0.en] }
            if names.map(Self.folded).contains(folded) { return .value(.text(value)) }
        }
        for (hint, value) in hints where Self.folded(hint) == folded && values.contains(value) { return .value(.text(value)) }
        let choices = FactWords.alternatives(values.map { words.value(.text($0), of: field.path).map { "«\($0)»" } })
        return .question(Localized(vi: "\(Self.quote(typed)): chọn \(choices.vi).", en: "\(Self.quote(typed)): choose \(choices.en)."))
    }

    private func code(_ typed: String, _ field: FactsSchema.Field, pattern: String) -> Reading {
        // Quotes a person types around a code, as a file's hint once asked ("20574", “20574”).
        let unquoted = Self.trimmed(typed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’«»`")))
        let compact = unquoted.filter { $0 != " " }
        let matcher = CodeMatcher(pattern)
        for candidate in [unquoted, compact] where matcher.matches(candidate) { return .value(.text(candidate)) }
        let help = field.help.map { Localized(vi: " " + $0.vi + ".", en: " " + $0.en + ".") } ?? Localized("")
        return .question(Localized(vi: "\(Self.quote(typed)) không phải là \(FactWords.lowerFirst(field.label.vi)).\(help.vi)",
                                   en: "\(Self.quote(typed)) is not a valid \(FactWords.lowerFirst(field.label.en)).\(help.en)"))
    }

    // MARK: Text helpers

    /// What was typed, quoted in a question: «…», at most 60 characters of it, so a question is
    /// never longer than what it asks about needs.
    public static func quote(_ typed: String) -> String {
        let scalars = typed.unicodeScalars
        guard scalars.count > 60 else { return "«" + typed + "»" }
        return "«" + String(String.UnicodeScalarView(scalars.prefix(59))) + "…»"
    }

    /// Spaces, no-break spaces and line ends around an answer are not part of it.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}\u{202F}")))
    }

    /// Lower case, no accents, đ as d, single spaces: how two spellings of one word are compared.
    static func folded(_ text: String) -> String {
        let plain = text.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return plain.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\u{00A0}" }).joined(separator: " ")
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
