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
