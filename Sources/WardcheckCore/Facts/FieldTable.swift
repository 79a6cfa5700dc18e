/// The facts schema's fields numbered in schema order, shared by every unit's facts and every
/// criterion's comparisons: a fact is then found by its number, with no path to hash. Hashing
/// paths such as `connectivity.internet.download_mbps` to store and find each fact was a twentieth
/// of judging a unit.
public final class FieldNumbering: Sendable {
    public let paths: [String]
    private let byPath: [String: Int]

    init(paths: [String]) {
        self.paths = paths
        var byPath: [String: Int] = [:]
        for (i, path) in paths.enumerated() where byPath[path] == nil { byPath[path] = i }
        self.byPath = byPath
    }

    public func number(of path: String) -> Int? { byPath[path] }
}

/// A value for some of the schema's fields, kept by field number. A path outside the schema (no
/// validated file has one) is kept apart, so the table takes any path a caller gives it.
public struct FieldTable<Value: Sendable>: Sendable, Sequence {
    public let numbering: FieldNumbering
    private var slots: [Value?]
    private var others: [String: Value] = [:]

    public init(_ numbering: FieldNumbering) {
        self.numbering = numbering
        slots = Array(repeating: nil, count: numbering.paths.count)
    }

    public subscript(path: String) -> Value? {
        get {
            if let n = numbering.number(of: path) { return slots[n] }
            return others.isEmpty ? nil : others[path]
        }
        set {
            if let n = numbering.number(of: path) { slots[n] = newValue } else { others[path] = newValue }
        }
    }

    /// By the field's number in `numbering`; nil for a number outside it.
    public subscript(field n: Int) -> Value? {
        get { slots.indices.contains(n) ? slots[n] : nil }
        set { if slots.indices.contains(n) { slots[n] = newValue } }
    }

    public var isEmpty: Bool { others.isEmpty && !slots.contains { $0 != nil } }

    public var count: Int { others.count + slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The paths that have a value.
    public var keys: [String] { map(\.key) }

    /// The values by path, transformed.
    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> [String: T] {
        var out: [String: T] = [:]
        for (key, value) in self { out[key] = try transform(value) }
        return out
    }

    /// The values held, schema fields first in schema order, then any others by path.
    public func makeIterator() -> AnyIterator<(key: String, value: Value)> {
        var n = 0
        var rest = others.sorted { $0.key < $1.key }.makeIterator()
        return AnyIterator {
            while n < slots.count {
                defer { n += 1 }
                if let value = slots[n] { return (numbering.paths[n], value) }
            }
            return rest.next().map { (key: $0.key, value: $0.value) }
        }
    }
}
