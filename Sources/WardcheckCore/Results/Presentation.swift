import Foundation

/// Shared wording for values and requirements, so every renderer says them the same way.
public enum Presentation {
    public static func quantity(_ text: String, unit: String?) -> String {
        unit.map { "\(text) \($0)" } ?? text
    }

    /// "3 kVA", "2025-03-01 (126 ngày trước)", "chưa báo cáo".
    public static func observed(_ c: ComparisonResult) -> Localized {
        guard let value = c.observed else { return Outcome.notReported.label }
        let base = quantity(value.display, unit: c.unit)
        if let ago = c.daysAgo {
            return Localized(vi: "\(base) (\(ago) ngày trước)", en: "\(base) (\(ago) days before)")
        }
        return Localized(base)
    }

    /// "3 kVA < 5 kVA", "false ≠ true", "2025-03-01 (126 ngày trước) > 90 ngày".
    public static func comparison(_ c: ComparisonResult) -> Localized {
        let symbol = c.outcome == .failed ? c.op.symbols.fails : c.op.symbols.holds
        let observed = observed(c)
        if c.op == .withinDays {
            return observed.map { "\($0) \(symbol) " } + Localized(vi: "\(c.required) ngày", en: "\(c.required) days")
        }
        let required = quantity(c.required, unit: c.unit)
        return observed.map { "\($0) \(symbol) \(required)" }
    }
}
