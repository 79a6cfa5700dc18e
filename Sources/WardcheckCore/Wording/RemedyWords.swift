import Foundation

/// The values a remedy's text is filled with (`{observed}`, `{required}` in a criterion's
/// `remedy.text`), in the schema's words: "Thay máy phát 3 kVA bằng máy từ 5 kVA", "lần gần
/// nhất: 15/08/2026 (110 ngày trước)".
struct RemedyWords {
    let words: FactWords

    init(schema: FactsSchema) {
        words = FactWords(schema: schema)
    }

    /// "3 kVA", "15/08/2026 (110 ngày trước)", "chưa báo cáo".
    func observed(_ c: ComparisonResult) -> Localized {
        guard let value = c.observed else { return Outcome.notReported.label }
        let shown = words.value(value, of: c.fact)
        guard let ago = c.daysAgo, ago > 0 else { return shown }
        return shown + Localized(vi: " (\(NumberText.grouped(ago, .vi)) ngày trước)", en: " (\(NumberText.counted(ago, vi: "ngày", en: "day", .en)) ago)")
    }

    /// "5 kVA", "24 giờ", "30 ngày", "45".
    func required(_ c: ComparisonResult) -> Localized {
        switch c.requirement {
        case .days(let n):
            return Localized(vi: "\(NumberText.grouped(n, .vi)) ngày", en: NumberText.counted(n, vi: "ngày", en: "day", .en))
        case .value(let v):
            return words.value(v, of: c.fact)
        case .values(let list):
            return FactWords.alternatives(list.map { words.value(.text($0), of: c.fact) })
        case .computed(let computed):
            let unit = words.schema.field(c.fact)?.unit
            if let exact = computed.range.exact { return FactWords.quantity(exact, unit: unit) }
            if let l = computed.range.lower, let u = computed.range.upper {
                return FactWords.quantity(l, unit: nil) + Localized("–") + FactWords.quantity(u, unit: unit)
            }
            return Localized(computed.text)
        }
    }
}
