import Foundation

/// The file view of a comparison, for people who write and check the files (the CLI's lines
/// beside each sentence, `explain`, JUnit, SARIF): "3 kVA < 5 kVA", "2025-03-01 (126 ngày trước)
/// > 90 ngày", next to the fact's key path and line. Dates stay as the file writes them. What a
/// ward official reads is written by `Verdict`, from the schema's words.
public enum Presentation {
    /// "1,5 giờ" / "1.5 h": a number (already in the reader's convention) and its unit.
    public static func quantity(_ text: String, unit: Localized?, _ language: Language) -> String {
        unit.map { "\(text) \($0.text(language))" } ?? text
    }

    public static func quantity(_ text: String, unit: Localized?) -> Localized {
        Localized(vi: quantity(NumberText.localizingNumbers(in: text, .vi), unit: unit, .vi),
                  en: quantity(NumberText.localizingNumbers(in: text, .en), unit: unit, .en))
    }

    /// A fact value as a reader sees it: "có" / "true", "1,5" / "1.5", "miền núi" / "mountain".
    public static func value(_ value: FactValue, labels: [String: Localized] = [:]) -> Localized {
        switch value {
        case .boolean(let b): return b ? Localized(vi: "có", en: "true") : Localized(vi: "không", en: "false")
        case .number(let n): return Localized(vi: NumberText.number(n, .vi), en: NumberText.number(n, .en))
        case .date(let d): return Localized(d.description)
        case .text(let t): return labels[t] ?? Localized(t)
        }
    }

    /// "3 kVA", "2025-03-01 (126 ngày trước)", "chưa báo cáo".
    public static func observed(_ c: ComparisonResult) -> Localized {
        guard let value = c.observed else { return Outcome.notReported.label }
        let shown = Self.value(value, labels: c.labels)
        let base = Localized(vi: quantity(shown.vi, unit: c.unit, .vi), en: quantity(shown.en, unit: c.unit, .en))
        if let ago = c.daysAgo {
            return Localized(vi: "\(base.vi) (\(NumberText.grouped(ago, .vi)) ngày trước)",
                             en: "\(base.en) (\(NumberText.counted(ago, vi: "ngày", en: "day", .en)) before)")
        }
        return base
    }

    /// What the rule asks for: "5 kVA", "có", "{4G, 5G}", "90 ngày".
    public static func required(_ c: ComparisonResult) -> Localized {
        switch c.requirement {
        case .days(let days):
            return Localized(vi: NumberText.counted(days, vi: "ngày", en: "day", .vi), en: NumberText.counted(days, vi: "ngày", en: "day", .en))
        case .value(let v):
            if case .number = v { return quantity(v.display, unit: c.unit) }
            return value(v, labels: c.labels)
        case .values(let values):
            let shown = values.map { c.labels[$0] ?? Localized($0) }
            return Localized(vi: "{" + shown.map(\.vi).joined(separator: ", ") + "}", en: "{" + shown.map(\.en).joined(separator: ", ") + "}")
        case .computed(let computed):
            return quantity(computed.text, unit: c.unit)
        }
    }

    /// "3 kVA < 5 kVA", "không ≠ có", "2025-03-01 (126 ngày trước) > 90 ngày".
    public static func comparison(_ c: ComparisonResult) -> Localized {
        let symbol = c.outcome == .failed ? c.op.symbols.fails : c.op.symbols.holds
        let observed = observed(c)
        let required = required(c)
        return Localized(vi: "\(observed.vi) \(symbol) \(required.vi)", en: "\(observed.en) \(symbol) \(required.en)")
    }

    /// How a rule's formula reads: numbers in the reader's convention ("⌈0,9 × 45⌉ = 41").
    public static func formula(_ c: ComparisonResult) -> Localized? {
        c.formula.map { Localized(vi: NumberText.localizingNumbers(in: $0, .vi), en: NumberText.localizingNumbers(in: $0, .en)) }
    }
}
