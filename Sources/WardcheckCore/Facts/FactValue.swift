import Foundation
import YAMLTree

/// A typed fact value. Counts and numbers are `Decimal` so that ⌈0.9 × 45⌉ is computed
/// exactly, never nudged up by binary floating point.
public enum FactValue: Sendable, Hashable {
    case boolean(Bool)
    case number(Decimal)
    case date(Day)
    case text(String)

    public var number: Decimal? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var display: String {
        switch self {
        case .boolean(let b): return b ? "true" : "false"
        case .number(let n): return NumberText.plain(n)
        case .date(let d): return d.description
        case .text(let t): return t
        }
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var start: Mark
    public var end: Mark

    public init(_ value: Value, start: Mark, end: Mark) {
        self.value = value
        self.start = start
        self.end = end
    }
}

public enum NumberText {
    /// "45", "40.5": no grouping, dot for decimals, as in the YAML the user wrote.
    public static func plain(_ n: Decimal) -> String {
        NSDecimalNumber(decimal: n).stringValue
    }

    /// Whole number with Vietnamese grouping (105.000.000) or English (105,000,000).
    public static func grouped(_ n: Int, _ language: Language) -> String {
        let separator: Character = language == .vi ? "." : ","
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// An amount of Vietnamese đồng: "105.000.000 ₫".
    public static func money(_ amount: Int, _ language: Language) -> String {
        grouped(amount, language) + " ₫"
    }
}
