#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The schema's keys laid out block by block in one flat table, for matching the key bytes
/// libyaml hands over: a key is compared by its length and first eight bytes, and the rest with
/// `memcmp` only when those agree. Comparing each key byte by byte against every name of its
/// block, through arrays of arrays, was a twentieth of reading a unit.
struct KeyIndex: Sendable {
    private struct Entry: Sendable {
        /// The first eight bytes of the name, zero-padded, as one word.
        var head: UInt64
        var offset: Int32
        var length: Int32
        var field: Int32
    }

    /// Every name's bytes, one after another.
    private let names: [UInt8]
    private let entries: [Entry]
    /// The entries of block `b` (-1 for the top level) are `start[b + 1] ..< start[b + 2]`.
    private let start: [Int]

    /// `keys[i]` is field `i`'s key and `parents[i]` the field its block is (-1 at the top level).
    init(keys: [String], parents: [Int]) {
        var byBlock = Array(repeating: [Int](), count: keys.count + 1)
        for (field, parent) in parents.enumerated() { byBlock[parent + 1].append(field) }
        var names: [UInt8] = []
        var entries: [Entry] = []
        var start = [0]
        for fields in byBlock {
            for field in fields {
                let name = Array(keys[field].utf8)
                let head = name.withUnsafeBufferPointer { Self.head($0) }
                entries.append(Entry(head: head, offset: Int32(names.count), length: Int32(name.count), field: Int32(field)))
                names += name
            }
            start.append(entries.count)
        }
        (self.names, self.entries, self.start) = (names, entries, start)
    }

    /// The field whose key is `key` inside block `block`, if any.
    func field(_ key: UnsafeBufferPointer<UInt8>, in block: Int) -> Int? {
        guard block + 2 < start.count, block >= -1 else { return nil }
        let head = Self.head(key)
        let count = Int32(key.count)
        return entries.withUnsafeBufferPointer { entries in
            for i in start[block + 1]..<start[block + 2] {
                let entry = entries[i]
                guard entry.length == count, entry.head == head else { continue }
                if count <= 8 { return Int(entry.field) }
                let same = names.withUnsafeBufferPointer { names in
                    memcmp(names.baseAddress! + Int(entry.offset) + 8, key.baseAddress! + 8, Int(count) - 8) == 0
                }
                if same { return Int(entry.field) }
            }
            return nil
        }
    }

    /// The first eight bytes as a little-endian word, zero-padded when shorter.
    private static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(8, bytes.count) { word |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        return word
    }
}
