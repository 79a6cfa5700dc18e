import Foundation

/// The bytes of a compiled criteria set: numbers as LEB128 varints (zigzag for signed), text as
/// a length then UTF-8. Written only by `CriteriaCoding` and read back by the same build, so the
/// format needs no field names: the order of the writes is the format.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64 * 1024) }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func tag(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        unsigned(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }

    /// Exact: a threshold of 0.1 must come back as 0.1, not as the nearest binary fraction.
    mutating func decimal(_ value: Decimal) { string(value.description) }

    mutating func optional<T>(_ value: T?, _ write: (T, inout ByteWriter) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(value, &self)
    }

    mutating func array<T>(_ values: [T], _ write: (T, inout ByteWriter) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(value, &self) }
    }
}

/// Reads what `ByteWriter` wrote. Every read is bounds-checked and every count and length is
/// checked against the bytes left, so a truncated or damaged file is a `Damaged` error, never a
/// crash or an allocation the size of a garbage number.
struct ByteReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0
    /// Nesting of expressions and conditions: bounded, so that a damaged file cannot recurse deep.
    var depth = 0
    static let maxDepth = 256
    /// `Decimal.description` writes a point, whatever the user's locale.
    private static let posix = Locale(identifier: "en_US_POSIX")

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let u = try unsigned()
        let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        guard let n = Int(exactly: v) else { throw Damaged() }
        return n
    }

    /// A count of things each at least one byte long: never more than the bytes left.
    mutating func count() throws(Damaged) -> Int {
        let n = try unsigned()
        guard n <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(n)
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try tag() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func tag() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func bytes(_ length: Int) throws(Damaged) -> [UInt8] {
        guard length <= bytes.count - offset else { throw Damaged() }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    mutating func strings() throws(Damaged) -> [String] {
        try array { (r: inout ByteReader) throws(Damaged) in try r.string() }
    }

    mutating func decimal() throws(Damaged) -> Decimal {
        guard let value = Decimal(string: try string(), locale: Self.posix) else { throw Damaged() }
        return value
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ByteReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    /// Enters one level of nesting, refusing to go deeper than any criteria file can.
    mutating func nested<T>(_ read: (inout ByteReader) throws(Damaged) -> T) throws(Damaged) -> T {
        depth += 1
        guard depth <= Self.maxDepth else { throw Damaged() }
        defer { depth -= 1 }
        return try read(&self)
    }
}
