#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDiskWrites
import Foundation

/// Writes a report so that a reader never sees half a file and a failed run leaves nothing behind:
/// a temporary file created next to the target (O_EXCL, so never someone else's file), written in
/// full and flushed to disk, then renamed over the target, which is atomic on one file system.
///
/// - A symbolic link is followed: the file it points to is replaced, atomically, in its own
///   folder, and the link stays a link. A link to nothing is refused.
/// - A report that is replaced keeps its permissions.
/// - The temporary file is removed on every error and on SIGINT, SIGTERM, SIGHUP (`TemporaryFiles`).
/// - A device, a pipe or a FIFO (`/dev/stdout`, `/dev/null`, `-o >(gzip > x)`) is written to
///   directly, never renamed over: as root, a rename would replace /dev/null with a regular file.
public enum AtomicFile {
    /// How much of a report is written before it is sent on to the disk (see `Writer`).
    static let writebackPiece = 1 << 20

    public struct Failure: Error, Sendable {
        public var message: Localized
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Array(text.utf8), to: path)
    }

    /// Bytes that are not text (a workbook), written the same way.
    public static func write(_ data: Data, to path: String) throws(Failure) {
        try write([UInt8](data), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let writer = try Writer(path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// A report written in pieces as it is made, so that a report of any size never has to be
    /// held whole: the same checks, the same temporary file beside the target, and the target
    /// replaced only by `commit`, once every piece is written. A writer dropped before `commit`
    /// (an error, an early return) removes its temporary file and leaves the target as it was.
    public final class Writer {
        private let path: String
        private let target: String
        /// Nil when the path is a device or a pipe, written to directly.
        private let temporary: String?
        private var descriptor: Int32 = -1
        private var slot: Int?
        private var pending: [UInt8] = []
        /// Bytes written to the file so far, and how many of them were sent on to the disk.
        private var written = 0
        private var sent = 0
        #if DEBUG
        /// The pieces sent on to the disk, in order (for tests).
        private(set) var sentOn: [Range<Int>] = []
        #endif
        private var done = false

        public init(_ path: String) throws(Failure) {
            self.path = path
            let shown = HiddenCharacters.escaped(path)
            var info = stat()
            let exists = stat(path, &info) == 0
            if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") || (exists && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR) {
                var descriptor: Int32
                repeat {
                    // Appending: `-o /dev/stdout` under `>> log` must not overwrite what the log holds.
                    descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY)
                } while descriptor < 0 && errno == EINTR
                guard descriptor >= 0 else { throw AtomicFile.failure(path, errno) }
                self.descriptor = descriptor
                target = path
                temporary = nil
                return
            }
            if exists, (info.st_mode & S_IFMT) == S_IFDIR {
                throw Failure(message: Localized(vi: "không ghi được \(shown): đây là một thư mục", en: "cannot write \(shown): it is a folder"))
            }
            var link = stat()
            if !exists, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                throw Failure(message: Localized(vi: "không ghi \(shown): đây là liên kết tượng trưng tới một tệp không tồn tại; không thay thế liên kết",
                                                 en: "not writing \(shown): it is a symbolic link to a file that does not exist; the link is not replaced"))
            }
            // The file the path names after every link: replaced where it lives, the link left alone.
            let target = exists ? (AtomicFile.resolved(path) ?? path) : path
            self.target = target
            let url = URL(fileURLWithPath: target)
            let folder = url.deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                let shown = HiddenCharacters.escaped(folder)
                throw Failure(message: Localized(vi: "không tạo được thư mục \(shown)", en: "cannot create the folder \(shown)"))
            }
            var temporary = ""
            var descriptor: Int32 = -1
            var slot: Int?
            for _ in 0..<16 {
                temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
                // Registered before it exists, so that no moment passes when a signal could orphan it.
                slot = TemporaryFiles.register(temporary)
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0o666)
                if descriptor >= 0 { break }
                let code = errno
                TemporaryFiles.unregister(slot)
                if code != EEXIST && code != EINTR { throw AtomicFile.failure(target, code) }
            }
            guard descriptor >= 0 else { throw AtomicFile.failure(target, EEXIST) }
            self.temporary = temporary
            self.descriptor = descriptor
            self.slot = slot
            if exists, fchmod(descriptor, info.st_mode & 0o7777) != 0 { throw abandon(errno) }
        }

        /// Appends bytes; they reach the file in pieces of 64 KiB.
        public func write(_ bytes: [UInt8]) throws(Failure) {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 16 { try flush() }
        }

        /// Every piece written: the temporary file, flushed to disk, takes the target's place.
        public func commit() throws(Failure) {
            try flush()
            guard let temporary else {
                done = true
                let closed = close(descriptor)
                descriptor = -1
                if closed != 0, errno != EINTR { throw AtomicFile.failure(path, errno) }
                return
            }
            if fsync(descriptor) != 0, errno != EINVAL { throw abandon(errno) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw abandon(errno) }
            #if DEBUG
            AtomicFile.holdForTests()
            #endif
            if rename(temporary, target) != 0 { throw abandon(errno) }
            TemporaryFiles.unregister(slot)
            done = true
        }

        deinit {
            if !done { _ = abandon(0) }
        }

        private func flush() throws(Failure) {
            guard !pending.isEmpty else { return }
            if let code = Descriptor.writeAll(descriptor, pending) {
                if temporary == nil {
                    close(descriptor)
                    descriptor = -1
                    done = true
                    throw AtomicFile.failure(path, code)
                }
                throw abandon(code)
            }
            written += pending.count
            pending.removeAll(keepingCapacity: true)
            // Each mebibyte of a report is sent on to the disk as soon as it is written, not all of
            // it at `fsync`: the disk writes while the rest is made, and the commit waits for the
            // last piece alone (a country's 10 MB JSON waited 6–7 ms in fsync, then under 1 ms).
            // Only a start: whether the bytes got there is `fsync`'s to say.
            if temporary != nil, written - sent >= AtomicFile.writebackPiece {
                _ = wardcheck_start_writeback(descriptor, Int64(sent), Int64(written - sent))
                #if DEBUG
                sentOn.append(sent..<written)
                #endif
                sent = written
            }
        }

        private func abandon(_ code: Int32) -> Failure {
            done = true
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            if let temporary {
                unlink(temporary)
                TemporaryFiles.unregister(slot)
            }
            return AtomicFile.failure(target, code)
        }
    }

    private static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    private static func failure(_ path: String, _ code: Int32) -> Failure {
        let reason = Descriptor.describe(code)
        let shown = HiddenCharacters.escaped(path)
        return Failure(message: Localized(vi: "không ghi được \(shown): \(reason)", en: "cannot write \(shown): \(reason)"))
    }

    #if DEBUG
    /// Tests of the signal handler need the temporary file to exist for a moment they can see;
    /// debug builds only wait here when WARDCHECK_TEST_HOLD_BEFORE_RENAME names seconds.
    private static func holdForTests() {
        guard let text = getenv("WARDCHECK_TEST_HOLD_BEFORE_RENAME"), let seconds = UInt32(String(cString: text)) else { return }
        sleep(seconds)
    }
    #endif
}
