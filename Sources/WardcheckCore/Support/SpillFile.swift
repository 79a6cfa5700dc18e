#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Bytes set aside on disk until they are wanted again: each unit's part of a report is written
/// here as soon as it is rendered, and read back when the report reaches it. The file is unlinked
/// as soon as it is opened, so it leaves nothing behind whatever ends the run. It goes beside the
/// report when there is one (the parts will end up there anyway), else in `$TMPDIR`, `/var/tmp`
/// or `/tmp`, the first that takes it: `/tmp` is often memory (tmpfs), which would undo the point.
/// Where no file can be made or written (no writable folder, a full disk), the parts stay in
/// memory instead, and `keptInMemory` says how many, for the caller to warn.
public final class SpillFile: @unchecked Sendable {
    /// A part the disk would not give back, named by the file it was rendered from.
    public struct PartLost: Error {
        public var file: String

        public init(file: String) { self.file = file }
    }

    /// Where one part was put.
    public struct Piece: Sendable {
        public var offset: Int
        /// 32 bits: one part is at most a few megabytes, and an audit keeps one of these per unit.
        public var length: UInt32
        public var count: Int { Int(length) }
    }

    private var descriptor: Int32 = -1
    private var end = 0
    /// Parts that could not go to disk, by offset (an empty part is never kept: it has no bytes).
    private var kept: [Int: [UInt8]] = [:]
    private let lock = NSLock()
    /// Parts not written yet, from `written` on: written together once there are `batch` bytes.
    /// One write per part was one system call per unit, each taken under the lock.
    private var pending: [UInt8] = []
    /// Where each pending part starts in the file, and its length: where they go if the write fails.
    private var pendingParts: [(offset: Int, count: Int)] = []
    /// The file's length on disk: everything before it has been written.
    private var written = 0
    private let batch: Int

    /// How many parts had to stay in memory.
    public var keptInMemory: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }

    /// `report`: the file the parts are for, if any; the spill file goes in its folder first.
    public convenience init(beside report: String? = nil) {
        self.init(trying: Self.folders(beside: report))
    }

    /// The default batch: a quarter of a mebibyte held at most, whatever the number of units.
    public static let defaultBatch = 1 << 18

    /// Where a report's temporary files go, best first: beside the report, `$TMPDIR`, `/var/tmp`, `/tmp`.
    public static func folders(beside report: String?) -> [String] {
        var folders: [String] = []
        if let report {
            let slash = report.lastIndex(of: "/")
            folders.append(slash.map { $0 == report.startIndex ? "/" : String(report[..<$0]) } ?? ".")
        }
        if let tmp = ProcessInfo.processInfo.environment["TMPDIR"], !tmp.isEmpty { folders.append(tmp) }
        return folders + ["/var/tmp", "/tmp"]
    }

    /// The first of `folders` that takes the file; none (or no folder at all) keeps every part in memory.
    public init(trying folders: [String], batch: Int = SpillFile.defaultBatch) {
        self.batch = max(1, batch)
        for folder in folders {
            var template = Array((folder + "/.wardcheck-parts-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { continue }
            _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
            // (mkostemp would close the gap before this, but Glibc's module does not export it.)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            descriptor = fd
            return
        }
    }

    /// Parts written to `path` as it is, for tests: `/dev/full` is a disk that takes nothing.
    init(writingTo path: String, batch: Int) {
        self.batch = max(1, batch)
        descriptor = open(path, O_RDWR | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func append(_ bytes: [UInt8]) -> Piece {
        lock.lock()
        defer { lock.unlock() }
        let piece = Piece(offset: end, length: UInt32(clamping: bytes.count))
        end += bytes.count
        if bytes.isEmpty { return piece }
        if descriptor < 0 || bytes.count > Int(UInt32.max) {
            // Held apart: what is pending goes out first, and the next part starts after this one's place.
            flush()
            kept[piece.offset] = bytes
            written = end
            return piece
        }
        pending.append(contentsOf: bytes)
        pendingParts.append((piece.offset, bytes.count))
        if pending.count >= batch { flush() }
        return piece
    }

    /// Writes the pending parts (under the lock); the ones the disk will not take stay in memory.
    private func flush() {
        guard !pending.isEmpty else { return }
        if !write(pending, at: written) {
            for part in pendingParts {
                let from = part.offset - written
                kept[part.offset] = Array(pending[from..<(from + part.count)])
            }
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
        pendingParts.removeAll(keepingCapacity: true)
    }

    /// The part as it was appended; nil if the disk will not give it back.
    public func read(_ piece: Piece) -> [UInt8]? {
        // An empty part shares its offset with the next one: it has nothing to look up.
        if piece.count == 0 { return [] }
        var bytes = [UInt8](repeating: 0, count: piece.count)
        return bytes.withUnsafeMutableBytes { read(piece, from: 0, into: $0) } ? bytes : nil
    }

    /// The part's bytes from `start` on, written into `destination`, which holds exactly that many;
    /// false if the disk will not give them back.
    public func read(_ piece: Piece, from start: Int, into destination: UnsafeMutableRawBufferPointer) -> Bool {
        let count = piece.count - start
        guard start >= 0, count >= 0, destination.count == count else { return false }
        if count == 0 { return true }
        lock.lock()
        if piece.offset >= written, piece.offset + piece.count <= written + pending.count {
            defer { lock.unlock() }
            let from = piece.offset - written + start
            pending.withUnsafeBytes { destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[from..<(from + count)])) }
            return true
        }
        let inMemory = kept[piece.offset]
        lock.unlock()
        if let inMemory {
            inMemory.withUnsafeBytes { destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<(start + count)])) }
            return true
        }
        return readFully(destination.baseAddress!, count, at: piece.offset + start)
    }

    /// `count` bytes of the file from `offset` into `buffer`; false if the disk will not give them all.
    private func readFully(_ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Bytes read from the file in one go, for several parts that lie close together in it.
    public struct ReadAhead {
        /// At most this many bytes are read at once: some twenty parts of a country's audit.
        public static let span = 1 << 16

        fileprivate var bytes: [UInt8] = []
        /// The spill file they were read from (parts of two files share offsets), and where they start in it.
        fileprivate var file: ObjectIdentifier?
        fileprivate var start = 0
        /// The reads made, and the bytes they read: what the tests hold to the parts' own sizes.
        public fileprivate(set) var reads = 0
        public fileprivate(set) var bytesRead = 0

        public init() {}

        /// Whether the bytes read hold the part of `spill` from `from` on.
        public func holds(_ piece: Piece, from: Int, of spill: SpillFile) -> Bool {
            file == ObjectIdentifier(spill) && piece.offset + from >= start && piece.offset + piece.count <= start + bytes.count
        }
    }

    /// Reads `range` of the file (at most `ReadAhead.span` bytes, and only what is already on disk)
    /// into `ahead`, for the parts in it to be taken with `read(_:from:into:ahead:)`. A part read
    /// one system call at a time cost as much as the copy of a whole report. False, with `ahead`
    /// emptied, when the disk will not give the bytes back.
    @discardableResult
    public func fill(_ ahead: inout ReadAhead, _ range: Range<Int>) -> Bool {
        lock.lock()
        let end = min(range.upperBound, range.lowerBound + ReadAhead.span, written)
        lock.unlock()
        ahead.bytes = []
        ahead.file = ObjectIdentifier(self)
        ahead.start = range.lowerBound
        let length = end - range.lowerBound
        guard length > 0 else { return true }
        var complete = true
        // Filled by the read alone: no zeros written first.
        ahead.bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            complete = readFully(buffer.baseAddress!, length, at: range.lowerBound)
            initialized = complete ? length : 0
        }
        guard complete else {
            ahead.bytes = []
            return false
        }
        ahead.reads += 1
        ahead.bytesRead += length
        return true
    }

    /// The same as `read(_:from:into:)`, from the bytes `fill` read when they hold the part.
    public func read(_ piece: Piece, from start: Int, into destination: UnsafeMutableRawBufferPointer, ahead: ReadAhead) -> Bool {
        let count = piece.count - start
        guard start >= 0, count > 0, destination.count == count, ahead.holds(piece, from: start, of: self) else {
            return read(piece, from: start, into: destination)
        }
        // A part the disk refused is kept in memory: what the file holds in its place is not it.
        lock.lock()
        let refused = kept[piece.offset] != nil
        lock.unlock()
        if refused { return read(piece, from: start, into: destination) }
        let from = piece.offset + start - ahead.start
        ahead.bytes.withUnsafeBytes { destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[from..<(from + count)])) }
        return true
    }

    private func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
