import Crypto
import Foundation
import WardcheckCore
import YAMLTree

/// The submission secrets, one per unit code, as the city keeps them: hashed, never in clear.
///
/// The tokens file is plain text, one unit a line, `#` starting a comment:
///
///     20194 sha256:<salt, 32 hex digits>:<SHA-256 of salt bytes + secret, 64 hex digits>
///
/// `wardcheck serve --hash-token CODE` writes such a line from a secret read on standard input.
/// A server that holds this file can check a secret but cannot tell it to anyone who reads it.
public struct SubmissionTokens: Sendable {
    struct Entry: Sendable {
        var salt: [UInt8]
        var digest: [UInt8]
        var line: Int
    }

    public let file: String
    private let entries: [String: Entry]

    public var codes: [String] { entries.keys.sorted() }

    /// Reads the file; every line that is not `CODE sha256:SALT:DIGEST` with a code of the schema's
    /// form is an error at its line and column, and a file with any error is not used.
    public static func load(path: String, schema: FactsSchema) -> (SubmissionTokens?, [Diagnostic]) {
        let pattern: Regex<AnyRegexOutput>?
        if case .code(let form, _)? = schema.field(schema.codeField)?.type { pattern = try? Regex(form) } else { pattern = nil }
        return load(path: path, names: { name in pattern.map { (try? $0.wholeMatch(in: name)) != nil } ?? true },
                    name: Localized(vi: "mã đơn vị", en: "unit code"))
    }

    /// The city office's logins (`--city-tokens`): the same file, a login name in place of a code.
    public static func loadLogins(path: String) -> (SubmissionTokens?, [Diagnostic]) {
        load(path: path, names: { name in
            (1...32).contains(name.count) && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        }, name: Localized(vi: "tên đăng nhập", en: "login name"))
    }

    /// Reads a file of `NAME sha256:SALT:DIGEST` lines whose names `names` accepts.
    static func load(path: String, names: (String) -> Bool, name what: Localized) -> (SubmissionTokens?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error(.fileUnreadable, at: .start, Localized(vi: "không đọc được tệp mã bí mật \(path)", en: "cannot read the tokens file \(path)"))
            return (nil, sink.finished(source: ""))
        }
        let text = String(decoding: data, as: UTF8.self)
        var entries: [String: Entry] = [:]
        let form = Localized(vi: "mỗi dòng: TÊN sha256:MUỐI:BĂM (tạo bằng wardcheck serve --hash-token TÊN)",
                             en: "each line: NAME sha256:SALT:DIGEST (made with wardcheck serve --hash-token NAME)")
        // Every line break a text editor may write: "\r\n" is one Character in Swift, never equal to "\n".
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            let content = Substring(raw)
            let indent = content.prefix { $0 == " " || $0 == "\t" }.count
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let at = Mark(line: line, column: indent + 1)
            guard parts.count == 2 else {
                sink.error(.configInvalid, at: at, Localized(vi: "dòng mã bí mật không đúng dạng", en: "malformed token line"), hint: form)
                continue
            }
            let code = String(parts[0])
            if !names(code) {
                sink.error(.configInvalid, at: at, Localized(vi: "`\(code)` không phải \(what.vi) hợp lệ", en: "`\(code)` is not a valid \(what.en)"), hint: form)
                continue
            }
            let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            let hashAt = Mark(line: line, column: indent + parts[0].count + 2)
            guard fields.count == 3, fields[0] == "sha256", let salt = hexBytes(fields[1]), salt.count >= 16,
                  let digest = hexBytes(fields[2]), digest.count == SHA256.byteCount else {
                sink.error(.configInvalid, at: Mark(line: line, column: hashAt.column), Localized(vi: "mã băm của \(code) không đúng dạng", en: "the hash for \(code) is malformed"), hint: form)
                continue
            }
            if let first = entries[code] {
                sink.error(.configInvalid, at: at, Localized(vi: "mã đơn vị \(code) đã có ở dòng \(first.line)", en: "unit \(code) already has a token on line \(first.line)"),
                           hint: Localized(vi: "giữ một dòng cho mỗi đơn vị", en: "keep one line per unit"))
                continue
            }
            entries[code] = Entry(salt: salt, digest: digest, line: line)
        }
        if entries.isEmpty, !sink.hasErrors {
            sink.error(.configInvalid, at: .start, Localized(vi: "tệp mã bí mật không có đơn vị nào", en: "the tokens file names no unit"), hint: form)
        }
        let diagnostics = sink.finished(source: text)
        return (sink.hasErrors ? nil : SubmissionTokens(file: path, entries: entries), diagnostics)
    }

    /// Whether `secret` is the one this unit was given. Every code costs the same work and the
    /// digests are compared in constant time, so timing tells nothing about either.
    public func accepts(_ secret: String, for code: String) -> Bool {
        let entry = entries[code]
        let salt = entry?.salt ?? Array(repeating: 0, count: 16)
        let expected = entry?.digest ?? Array(repeating: 0, count: SHA256.byteCount)
        let actual = Self.digest(Self.normalized(secret), salt: salt)
        return Self.constantTimeEqual(actual, expected) && entry != nil
    }

    static func digest(_ secret: String, salt: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(secret.utf8))
        return Array(hasher.finalize())
    }

    /// Compares two byte strings without stopping at the first difference.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// A tokens-file line for a unit's secret, with a fresh random salt.
    public static func line(code: String, secret: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "\(code) sha256:\(hex(salt)):\(hex(digest(normalized(secret), salt: salt)))"
    }

    /// A secret as it is hashed and as it is checked, the same way both times: the spaces and
    /// line ends a copy and paste adds around it are not part of it, and its letters are in NFC.
    public static func normalized(_ secret: String) -> String {
        secret.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The shortest secret a server accepts to hash.
    public static let shortestSecret = 16

    /// Why a secret is too weak to hand out, or nil: fewer than 16 characters, or one character
    /// repeated (`aaaaaaaaaaaaaaaa`). `openssl rand -hex 16` makes a good one.
    public static func weakness(_ secret: String) -> Localized? {
        let secret = normalized(secret)
        if secret.count < shortestSecret {
            return Localized(vi: "mã bí mật phải dài ít nhất \(shortestSecret) ký tự", en: "the secret must be at least \(shortestSecret) characters")
        }
        if Set(secret).count == 1 {
            return Localized(vi: "mã bí mật chỉ là một ký tự lặp lại", en: "the secret is one character repeated")
        }
        return nil
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
