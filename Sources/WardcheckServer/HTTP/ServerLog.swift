import Foundation

/// One line per event the city must be able to account for: every submission and login, accepted
/// or refused with its status and reason, every request refused by the policy, every failure. To
/// standard error and, when asked, appended to a file that is rotated at a size (the old one kept
/// as FILE.1): a flood of wrong secrets fills at most twice that size, never the disk.
///
///     2026-12-04T08:06:57Z submission accepted code=20194 file=20194-hoa-xuan.yaml client=203.0.113.7 bytes=4391 version=3f2a9c1
///     2026-12-04T08:07:02Z submission refused status=403 reason=token code=20194 client=203.0.113.7
public final class ServerLog: @unchecked Sendable {
    public let file: String?
    /// The size a log file may reach before it is rotated.
    public let maxBytes: Int
    private let lock = NSLock()

    public init(file: String? = nil, maxBytes: Int = 10 << 20) {
        self.file = file
        self.maxBytes = max(4096, maxBytes)
    }

    /// `kind event key=value…`, each value one word (see `safe`).
    public func record(_ kind: String, _ event: String, _ fields: [(String, String)]) {
        var line = Date().ISO8601Format() + " " + kind + " " + event
        for (key, value) in fields { line += " \(key)=\(Self.safe(value))" }
        line += "\n"
        let bytes = Array(line.utf8)
        lock.lock()
        defer { lock.unlock() }
        // write(2), not FileHandle: a closed standard error must not stop the server.
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        guard let file else { return }
        var info = stat()
        if stat(file, &info) == 0, Int(info.st_size) + bytes.count > maxBytes {
            _ = rename(file, file + ".1")
        }
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// One word per field, at most 200 characters: spaces and control characters escaped, so a
    /// line cannot be forged, nor made long by what a client sends.
    static func safe(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(200) {
            if scalar == " " || scalar == "\\" || scalar == "=" || scalar.properties.generalCategory == .control
                || HiddenScalar.is(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if value.unicodeScalars.count > 200 { out += "…" }
        return out.isEmpty ? "-" : out
    }
}

/// Bidirectional overrides and zero-width characters, which would let a value show as another.
enum HiddenScalar {
    static func `is`(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }
}
