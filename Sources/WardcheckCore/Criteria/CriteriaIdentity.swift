import Crypto
import Foundation

/// Which criteria an audit was made with: the version the folder gives itself (`version:` in
/// catalogue.yaml) and a SHA-256 digest of the files the set is read from. Two audits with the
/// same digest were judged by the same rules, prices and schema, byte for byte; a version alone
/// could be left unchanged after an edit, so the digest is what a roll-up compares.
public struct CriteriaIdentity: Sendable, Equatable {
    /// As the folder names itself; nil when its catalogue has no `version`.
    public var version: String?
    /// 64 lowercase hexadecimal digits.
    public var digest: String

    public init(version: String?, digest: String) {
        self.version = version
        self.digest = digest
    }

    /// The digest of `files` (name and bytes): sorted by name so the order a folder lists its
    /// files in does not matter, and each name and length written before the bytes so that no
    /// two different folders can run together into the same stream.
    public static func digest(of files: [(name: String, bytes: [UInt8])]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hasher.update(data: Array(file.name.utf8) + [0] + Array(String(file.bytes.count).utf8) + [0])
            hasher.update(data: file.bytes)
        }
        // Not String(format:): thirty-two calls to it cost more than hashing the whole folder.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The digest as people can compare it at a glance: its first 8 and last 4 digits.
    public var shortDigest: String {
        digest.count > 12 ? String(digest.prefix(8)) + "…" + String(digest.suffix(4)) : digest
    }

    /// For people, always saying what the code is: "phiên bản 2025.1 (mã 3f9a1c2b…c21b)".
    public var words: Localized {
        guard let version else {
            return Localized(vi: "không ghi phiên bản (mã \(shortDigest))", en: "no version given (digest \(shortDigest))")
        }
        return Localized(vi: "phiên bản \(version) (mã \(shortDigest))", en: "version \(version) (digest \(shortDigest))")
    }
}
