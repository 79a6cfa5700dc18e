#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Bytes set aside on disk until they are wanted again: each unit's part of a report is written
/// here as soon as it is rendered, and read back when the report reaches it. The file is unlinked
/// as soon as it is opened, so it leaves nothing behind whatever ends the run. Where no temporary
/// file can be made (no writable folder, a full disk), the parts stay in memory instead.
public final class SpillFile: @unchecked Sendable {
    /// Where one part was put.
    public struct Piece: Sendable {
        public var offset: Int
        /// 32 bits: one part is at most a few megabytes, and an audit keeps one of these per unit.
        public var length: UInt32
        public var count: Int { Int(length) }
    }

    private var descriptor: Int32 = -1
    private var end = 0
    /// Parts that could not go to disk, by offset.
    private var kept: [Int: [UInt8]] = [:]
    private let lock = NSLock()

    public init() {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/wardcheck-report-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func append(_ bytes: [UInt8]) -> Piece {
        lock.lock()
        defer { lock.unlock() }
        let piece = Piece(offset: end, length: UInt32(clamping: bytes.count))
        end += bytes.count
        if descriptor < 0 || bytes.count > Int(UInt32.max) || !write(bytes, at: piece.offset) { kept[piece.offset] = bytes }
        return piece
    }

    /// The part as it was appended; nil if the disk will not give it back.
    public func read(_ piece: Piece) -> [UInt8]? {
        lock.lock()
        let inMemory = kept[piece.offset]
        lock.unlock()
        if let inMemory { return inMemory }
        var bytes = [UInt8](repeating: 0, count: piece.count)
        var done = 0
        while done < piece.count {
            let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, piece.count - done, off_t(piece.offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
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
