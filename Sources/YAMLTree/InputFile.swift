#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads one input file with a single open() and a read loop, never more than `limit` bytes.
/// The limit holds whatever the path is: a regular file is refused by its size on the opened
/// descriptor, before a byte is read, and every file is also refused once more than `limit` bytes
/// have actually arrived, so a symbolic link, a /proc file, a device, a pipe or a file that grows
/// while it is read cannot bring in more.
public enum InputFile {
    public enum Failure: Error, Equatable, Sendable {
        case missing
        case folder
        case unreadable(reason: String)
        /// `bytes` is the size when it is known (a regular file), nil when reading stopped at the limit.
        case tooLarge(bytes: Int?, limit: Int)
    }

    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno)) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(.folder) }
        if kind == S_IFREG, Int(info.st_size) > limit {
            return .failure(.tooLarge(bytes: Int(info.st_size), limit: limit))
        }

        // One byte beyond the limit is enough to know the file is too large.
        let capacity = limit + 1
        var bytes = [UInt8](repeating: 0, count: kind == S_IFREG ? min(Int(info.st_size) + 1, capacity) : min(64 << 10, capacity))
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count < capacity else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, capacity - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .failure(.tooLarge(bytes: nil, limit: limit)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case EISDIR: return .folder
        default: return .unreadable(reason: String(cString: strerror(code)))
        }
    }
}
