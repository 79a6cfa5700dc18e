import Foundation

/// One line per submission, accepted or refused, to standard error and, when asked, appended to a
/// file: the city can see who saved which unit's file, when, and from where.
public struct SubmissionLog: Sendable {
    public let file: String?

    public init(file: String?) {
        self.file = file
    }

    func record(_ event: String, fields: [(String, String)]) {
        var line = Date().ISO8601Format() + " submission " + event
        for (key, value) in fields { line += " \(key)=\(Self.safe(value))" }
        line += "\n"
        let bytes = Array(line.utf8)
        // write(2), not FileHandle: a closed standard error must not stop the server.
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        guard let file else { return }
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// One word per field: spaces and control characters escaped, so a line cannot be forged.
    static func safe(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            if scalar == " " || scalar == "\\" || scalar == "=" || scalar.properties.generalCategory == .control {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? "-" : out
    }
}
