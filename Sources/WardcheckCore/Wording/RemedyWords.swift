import Foundation

/// The values a remedy's text is filled with (`{observed}`, `{required}` in a criterion's
/// `remedy.text`), in the schema's words: "Thay máy phát 3 kVA bằng máy từ 5 kVA", "lần gần
/// nhất: 15/08/2026 (110 ngày trước)".
struct RemedyWords: Sendable {
    let words: FactWords
    /// The one language to word them in, for a report written in it alone; nil for both.
    let language: Language?

    init(schema: FactsSchema, in language: Language? = nil) {
        words = FactWords(schema: schema)
        self.language = language
    }

    /// "3 kVA", "15/08/2026 (110 ngày trước)", "chưa báo cáo".
    func observed(_ c: ComparisonResult) -> Localized {
        guard let value = c.observed else { return Outcome.notReported.label }
        let shown = words.value(value, of: c.fact, in: language)
        guard let ago = c.daysAgo, ago > 0 else { return shown }
        return shown + Localized.worded(in: language) {
            $0 == .vi ? " (\(NumberText.grouped(ago, .vi)) ngày trước)" : " (\(NumberText.counted(ago, vi: "ngày", en: "day", .en)) ago)"
        }
    }

    /// "5 kVA", "24 giờ", "30 ngày", "45".
    func required(_ c: ComparisonResult) -> Localized {
        switch c.requirement {
        case .days(let n):
            return Localized.worded(in: language) { $0 == .vi ? "\(NumberText.grouped(n, .vi)) ngày" : NumberText.counted(n, vi: "ngày", en: "day", .en) }
        case .value(let v):
            return words.value(v, of: c.fact, in: language)
        case .values(let list):
            return FactWords.alternatives(list.map { words.value(.text($0), of: c.fact, in: language) })
        case .computed(let computed):
            let unit = words.schema.field(c.fact)?.unit
            if let exact = computed.range.exact { return FactWords.quantity(exact, unit: unit, in: language) }
            if let l = computed.range.lower, let u = computed.range.upper {
                return FactWords.quantity(l, unit: nil, in: language) + Localized("–") + FactWords.quantity(u, unit: unit, in: language)
            }
            return Localized(computed.text)
        }
    }
}
