import Foundation

/// The values a computed number can take. Exact when every fact it reads is known; a range when
/// a fact was left out, spanning every value that fact could take (its schema minimum up to the
/// largest value a file may hold). A nil bound is unbounded. The range is never narrower than
/// the truth, so a comparison decided on it is decided for every value the missing fact could take.
public struct ValueRange: Sendable, Equatable {
    public var lower: Decimal?
    public var upper: Decimal?

    static let unbounded = ValueRange(lower: nil, upper: nil)

    static func exact(_ value: Decimal) -> ValueRange { ValueRange(lower: value, upper: value) }

    /// The single value, when the range is one.
    public var exact: Decimal? {
        guard let lower, let upper, lower == upper else { return nil }
        return lower
    }

    /// True when zero is one of the values (a divisor that might be zero).
    var containsZero: Bool {
        (lower.map { DecimalShortcuts.lessOrEqual($0, 0) } ?? true) && (upper.map { DecimalShortcuts.lessOrEqual(0, $0) } ?? true)
    }

    var isNonNegative: Bool { lower.map { DecimalShortcuts.lessOrEqual(0, $0) } ?? false }

    func map(_ f: (Decimal) -> Decimal) -> ValueRange {
        // Only for non-decreasing f (rounding up or down).
        ValueRange(lower: lower.map(f), upper: upper.map(f))
    }

    static func + (a: ValueRange, b: ValueRange) -> ValueRange {
        ValueRange(lower: both(a.lower, b.lower, plus), upper: both(a.upper, b.upper, plus))
    }

    static func - (a: ValueRange, b: ValueRange) -> ValueRange {
        ValueRange(lower: both(a.lower, b.upper, minus), upper: both(a.upper, b.lower, minus))
    }

    static func * (a: ValueRange, b: ValueRange) -> ValueRange {
        if let x = a.exact, let y = b.exact { return .exact(x * y) }
        // Facts are never negative, so this is the case that matters; anything else is left
        // unbounded, which is wide but never wrong.
        guard a.isNonNegative, b.isNonNegative else {
            guard let al = a.lower, let au = a.upper, let bl = b.lower, let bu = b.upper else { return .unbounded }
            let products = [al * bl, al * bu, au * bl, au * bu]
            return ValueRange(lower: products.min(), upper: products.max())
        }
        return ValueRange(lower: a.lower! * b.lower!, upper: both(a.upper, b.upper, *))
    }

    /// a ÷ b for a divisor that cannot be zero.
    static func / (a: ValueRange, b: ValueRange) -> ValueRange {
        if let x = a.exact, let y = b.exact { return .exact(DecimalShortcuts.divide(x, y) ?? x / y) }
        guard let bl = b.lower, bl > 0 else { return .unbounded }
        let reciprocal = ValueRange(lower: b.upper.map { 1 / $0 } ?? 0, upper: 1 / bl)
        return a * reciprocal
    }

    static func maximum(_ parts: [ValueRange]) -> ValueRange {
        let lowers = parts.compactMap(\.lower)
        let upper = parts.contains { $0.upper == nil } ? nil : parts.compactMap(\.upper).max()
        return ValueRange(lower: lowers.max(), upper: upper)
    }

    static func minimum(_ parts: [ValueRange]) -> ValueRange {
        let lower = parts.contains { $0.lower == nil } ? nil : parts.compactMap(\.lower).min()
        return ValueRange(lower: lower, upper: parts.compactMap(\.upper).min())
    }

    /// Every value of any of the ranges (a threshold chosen by a fact that was left out).
    static func union(_ parts: [ValueRange]) -> ValueRange {
        let lower = parts.contains { $0.lower == nil } ? nil : parts.compactMap(\.lower).min()
        let upper = parts.contains { $0.upper == nil } ? nil : parts.compactMap(\.upper).max()
        return ValueRange(lower: lower, upper: upper)
    }

    /// "45", "8–24", "≥ 1", "?".
    public var text: String {
        if let exact { return NumberText.plain(exact) }
        switch (lower, upper) {
        case let (l?, u?): return NumberText.plain(l) + "–" + NumberText.plain(u)
        case let (l?, nil): return "≥ " + NumberText.plain(l)
        case let (nil, u?): return "≤ " + NumberText.plain(u)
        default: return "?"
        }
    }

    private static func plus(_ x: Decimal, _ y: Decimal) -> Decimal { DecimalShortcuts.add(x, y) ?? x + y }
    private static func minus(_ x: Decimal, _ y: Decimal) -> Decimal { DecimalShortcuts.add(x, y, negating: true) ?? x - y }

    private static func both(_ x: Decimal?, _ y: Decimal?, _ f: (Decimal, Decimal) -> Decimal) -> Decimal? {
        guard let x, let y else { return nil }
        return f(x, y)
    }
}
