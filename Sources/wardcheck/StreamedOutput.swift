#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore
import WardcheckReports

/// A report written out as it is made, so that no report is ever whole in memory: to standard
/// output, or to `-o FILE` through a temporary file beside it that replaces the file only once
/// the report is complete (a reader never sees half a report; a failed run leaves none).
final class StreamedOutput: ReportOutput {
    private var descriptor: Int32
    private let target: String?
    private let temporary: String?
    private var buffered: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ path: String?) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            target = nil
            temporary = nil
            return
        }
        var info = stat()
        // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to, never renamed over:
        // as root, a rename would replace /dev/null with a regular file.
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            target = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o666)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        self.target = url.path
        self.temporary = temporary
    }

    func write(_ bytes: [UInt8]) throws {
        buffered.append(contentsOf: bytes)
        if buffered.count >= 1 << 16 { try flush() }
    }

    /// Everything written; the file, when there is one, takes the target's place.
    func finish() throws {
        try flush()
        guard let target, let temporary else { return }
        if close(descriptor) != 0 || rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write \(target): \(reason)")
        }
        descriptor = -1
    }

    deinit {
        // A report that did not finish leaves nothing behind.
        if let temporary, descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    private func flush() throws {
        var done = 0
        while done < buffered.count {
            let n = buffered.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(target ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            done += n
        }
        buffered.removeAll(keepingCapacity: true)
    }
}
