/// The bytes of a JSON document being written, appended through a pointer with the room checked
/// once per piece. A unit's part is a few hundred small pieces (a comma, a name, a number), and
/// `[UInt8]`'s append checked uniqueness and capacity through generic code for each of them.
/// Owned by one `JSONStream`, which copies it before writing if it was ever shared.
final class JSONBytes {
    // Unchecked: each stream owns its buffer alone (`JSONStream.out()`), and the run-time
    // exclusivity check on every access to these cost more than the appends themselves.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func copy() -> JSONBytes {
        let other = JSONBytes(capacity: capacity)
        other.base.initialize(from: base, count: count)
        other.count = count
        return other
    }

    /// Where the next `n` bytes go, with room made for them; `commit` counts them in once written.
    @inline(__always) func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { grow(to: count + n) }
        return base + count
    }

    @inline(__always) func commit(_ n: Int) { count += n }

    func append(_ byte: UInt8) {
        room(1).pointee = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        room(bytes.count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    func append<Bytes: Collection>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        Array(bytes).withUnsafeBufferPointer { append($0) }
    }

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Empties the buffer, keeping its room for what comes next.
    func removeAll() { count = 0 }

    private func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, larger)
    }
}
