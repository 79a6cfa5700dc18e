#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore

/// The temporary file an Office package is zipped into before it is copied to the report, so
/// that the zip is never whole in memory. It starts as an empty zip (its end record alone, what
/// ZIPFoundation writes to create one) so the archive opens it for update rather than creating a
/// file by name; it is removed when the copy is made, or by `TemporaryFiles` on a signal.
final class ArchiveFile {
    let path: String
    private let slot: Int?

    /// An empty zip: the end-of-central-directory record with no entries and no comment.
    private static let emptyZip: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)

    /// The first of `folders` where the file can be made and written; nil if none.
    init?(trying folders: [String]) {
        for folder in folders {
            var template = Array((folder + "/.wardcheck-package-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { continue }
            let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let slot = TemporaryFiles.register(path)
            let written = Self.emptyZip.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
            guard written == Self.emptyZip.count else {
                unlink(path)
                TemporaryFiles.unregister(slot)
                continue
            }
            (self.path, self.slot) = (path, slot)
            return
        }
        return nil
    }

    deinit {
        unlink(path)
        TemporaryFiles.unregister(slot)
    }

    /// The whole zip to `out`, a chunk at a time.
    func copy<Output: ReportOutput>(to out: inout Output) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OfficePackage.Lost() }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw OfficePackage.Lost() }
            if n == 0 { return }
            try out.write(Array(buffer[0..<n]))
        }
    }
}
