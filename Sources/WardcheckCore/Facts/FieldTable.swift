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
    /// Where each field's value is in `values`, by field number; -1 for none. A unit writes a
    /// few dozen of the schema's fields: a slot for every field's value, each set to nothing
    /// one by one, was a twentieth of reading the unit.
    private var slots: [Int32]
    /// The values set, in the order they were first set; a cleared field's stays, unread.
    private var values: [Value] = []
    private var others: [String: Value] = [:]

    public init(_ numbering: FieldNumbering) {
        self.numbering = numbering
        slots = Array(repeating: -1, count: numbering.paths.count)
        values.reserveCapacity(Swift.min(numbering.paths.count, 64))
    }

    public subscript(path: String) -> Value? {
        get {
            if let n = numbering.number(of: path) { return self[field: n] }
            return others.isEmpty ? nil : others[path]
        }
        set {
            if let n = numbering.number(of: path) { self[field: n] = newValue } else { others[path] = newValue }
        }
    }

    /// By the field's number in `numbering`; nil for a number outside it.
    public subscript(field n: Int) -> Value? {
        get {
            guard slots.indices.contains(n) else { return nil }
            let slot = slots[n]
            return slot < 0 ? nil : values[Int(slot)]
        }
        set {
            guard slots.indices.contains(n) else { return }
            guard let newValue else { return slots[n] = -1 }
            if slots[n] >= 0 {
                values[Int(slots[n])] = newValue
            } else {
                slots[n] = Int32(values.count)
                values.append(newValue)
            }
        }
    }

    /// The value of `path`, found by `n`, its number in `numbering`, when this table is numbered
    /// by that numbering (the facts a validator made itself), by the path otherwise.
    public func value(_ path: String, number n: Int, in numbering: FieldNumbering) -> Value? {
        numbering === self.numbering && n >= 0 ? self[field: n] : self[path]
    }

    public var isEmpty: Bool { others.isEmpty && !slots.contains { $0 >= 0 } }

    public var count: Int { others.count + slots.reduce(0) { $0 + ($1 < 0 ? 0 : 1) } }

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
                if slots[n] >= 0 { return (numbering.paths[n], values[Int(slots[n])]) }
            }
            return rest.next().map { (key: $0.key, value: $0.value) }
        }
    }
}
