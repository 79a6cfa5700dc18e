#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing to a file descriptor with write(2) itself: Foundation's FileHandle traps on a full disk
/// or a closed pipe, and a report must never end in a crash. Loops over short writes and EINTR.
public enum Descriptor {
    /// Writes every byte, or returns the errno that stopped it (EPIPE, ENOSPC, EFBIG, EIO…).
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return EIO }
            written += count
        }
        return nil
    }

    /// The system's words for an errno ("No space left on device").
    public static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
