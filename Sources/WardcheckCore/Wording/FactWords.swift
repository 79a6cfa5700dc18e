import Foundation

/// How facts read to a person who never opens the file, in the schema's own words (`label`,
/// `labels`, `answers`, `says`, `unit` in criteria/facts.yaml): a value, a whole sentence, a
/// list of choices. Numbers as the reader writes them (1,5 and 1.000 in Vietnamese), dates as
/// 04/12/2026 or 4 Dec 2026, booleans as the field's own yes and no. No key path, raw enum key,
/// `true`/`false` or ISO date comes out of here.
public struct FactWords: Sendable {
    public let schema: FactsSchema

    public init(schema: FactsSchema) {
        self.schema = schema
    }

    /// The field's short name ("Tốc độ tải xuống"). The schema requires one for every field; a
    /// path it does not know (a misspelt key) is shown as written, quoted, never as a path.
    public func label(_ path: String) -> Localized {
        if let field = schema.field(path) { return field.label }
        let key = String(path.split(separator: ".").last ?? Substring(path))
        return Localized("«\(key)»")
    }

    /// The label with its first letter in lower case, for the middle of a sentence ("tùy theo địa hình").
    public func inSentence(_ path: String) -> Localized {
        label(path).map(Self.lowerFirst)
    }

    /// A value inside a sentence or a table cell: "8 Mbps", "1,5 giờ", "04/12/2026", "miền núi",
    /// "có" / "yes".
    /// `language`: the one language wanted (`Localized.worded(in:_:)`); nil for both.
    public func value(_ value: FactValue, of path: String, in language: Language? = nil) -> Localized {
        let field = schema.field(path)
        switch value {
        case .boolean(let b): return b ? Localized(vi: "có", en: "yes") : Localized(vi: "không", en: "no")
        case .number(let n): return Self.quantity(n, unit: field?.unit, in: language)
        case .date(let d): return d.written
        case .text(let t): return field?.labels[t] ?? Localized(t)
        }
    }

    /// A number with its unit, as the reader writes it: "1,5 giờ" / "1.5 h", "1.000 Mbps".
    public static func quantity(_ n: Decimal, unit: Localized?, in language: Language? = nil) -> Localized {
        Localized.worded(in: language) { language in
            let number = NumberText.number(n, language)
            guard let unit else { return number }
            return number + " " + unit.text(language)
        }
    }

    /// The fact holding `value` as a whole sentence: "Chưa có máy phát điện", "25 máy tính đang
    /// hoạt động", "Tốc độ tải xuống 8 Mbps", "Điểm cầu kiểm tra lần cuối ngày 15/10/2026, đã 50
    /// ngày"; "Tốc độ tải xuống: chưa báo cáo" when it was left out. `daysAgo` adds how long ago a date is.
    public func statement(_ value: FactValue?, of path: String, daysAgo: Int? = nil) -> Localized {
        guard let value else {
            return label(path).map { $0 + ": " } + Outcome.notReported.label
        }
        let field = schema.field(path)
        var sentence: Localized
        switch value {
        case .boolean(let b):
            sentence = field?.answers[b ? "true" : "false"] ?? label(path).map { $0 + ": " } + self.value(value, of: path)
        case .text(let t):
            sentence = field?.answers[t] ?? label(path).map { $0 + ": " } + self.value(value, of: path)
        case .number, .date:
            let shown = self.value(value, of: path)
            sentence = field?.says?.filling(["value": shown]) ?? label(path).map { $0 + ": " } + shown
        }
        if let daysAgo { sentence = sentence + Self.ago(daysAgo) }
        return sentence
    }

    /// ", đã 50 ngày" / ", 50 days ago", counted back from the evaluation day.
    static func ago(_ days: Int) -> Localized {
        if days == 0 { return Localized(vi: ", đúng ngày đánh giá", en: ", on the day judged") }
        if days < 0 {
            let n = -days
            return Localized(vi: ", sau ngày đánh giá \(NumberText.grouped(n, .vi)) ngày",
                             en: ", \(NumberText.counted(n, vi: "ngày", en: "day", .en)) after the day judged")
        }
        return Localized(vi: ", đã \(NumberText.grouped(days, .vi)) ngày", en: ", \(NumberText.counted(days, vi: "ngày", en: "day", .en)) ago")
    }

    /// Choices joined as a person lists them: "4G, 5G, nhà mạng thứ hai hoặc vệ tinh".
    public static func alternatives(_ items: [Localized]) -> Localized {
        joined(items, vi: " hoặc ", en: " or ")
    }

    /// Things joined as a person lists them: "máy phát điện, bộ lưu điện và tường lửa".
    public static func list(_ items: [Localized]) -> Localized {
        joined(items, vi: " và ", en: " and ")
    }

    private static func joined(_ items: [Localized], vi lastVi: String, en lastEn: String) -> Localized {
        func join(_ words: [String], _ last: String) -> String {
            guard words.count > 1 else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + last + words.last!
        }
        return Localized(vi: join(items.map(\.vi), lastVi), en: join(items.map(\.en), lastEn))
    }

    public static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // A first word with capitals inside ("LAN", "UPS", "Wi-Fi") is a name: it keeps them.
        let word = text.prefix { $0 != " " }
        if word.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension Localized {
    /// The first letter in upper case, for an item that starts a line ("Nhà mạng thứ hai").
    public var capitalised: Localized { map(FactWords.upperFirst) }
}
