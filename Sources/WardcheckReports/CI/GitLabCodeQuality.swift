import Crypto
import WardcheckCore

/// `--format gitlab`: GitLab's Code Quality report (`artifacts: reports: codequality:`), the
/// subset of the Code Climate issue format GitLab reads. A JSON array, one object a finding:
/// `description`, `check_name` (TC06, WC103), `fingerprint`, `severity` and `location` (`path`
/// relative to the repository root, `lines.begin`/`lines.end`). No byte-order mark, which
/// GitLab's parser refuses. Findings are the same as the other CI formats' (see `Finding`):
/// an invalid file's errors are `critical`, a failed or not evaluable criterion `major`, a fact
/// not reported and a warning `minor`, a waived criterion and a note `info`.
///
/// The fingerprint is how GitLab tells a finding already on the target branch from a new one:
/// the SHA-256 of the path, the code, the first line and the English message, so it is the
/// same from run to run and whatever `--lang` the report is written in. Two findings that would
/// share every one of these are numbered, so every finding of a report has its own.
public struct GitLabCodeQuality: Sendable {
    public enum Severity: String, CaseIterable, Sendable {
        case info, minor, major, critical, blocker
    }

    public let language: Language
    /// The repository root, absolute: every path is written relative to it. Nil outside a
    /// repository: paths are then relative to `workingDirectory`.
    public var root: String?
    /// Where wardcheck runs, absolute: the command line's relative paths are relative to it.
    public var workingDirectory: String

    public init(language: Language, root: String?, workingDirectory: String) {
        self.language = language
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// `check --format gitlab`: every finding of every file, as `Finding.all` lists them.
    public func check(_ reports: [UnitReport]) -> String {
        var document = CheckDocument(self, files: reports.map(\.file))
        for report in reports { document.add(document.parts.part(report), report.tally) }
        document.finish()
        return String(decoding: document.take(), as: UTF8.self)
    }

    /// `validate --format gitlab`: the diagnostics of every file.
    public func validate(_ files: [FactsFile]) -> String {
        var json = JSONStream()
        json.beginArray()
        var seen: [String: Int] = [:]
        for file in files {
            for d in file.diagnostics {
                json.value(issue((shown: Finding(diagnostic: d, language: language), english: Finding(diagnostic: d, language: .en)), seen: &seen))
            }
        }
        json.end()
        return String(decoding: json.take(), as: UTF8.self)
    }

    /// A finding and the same finding in English, which its fingerprint is made from.
    public typealias Pair = (shown: Finding, english: Finding)

    /// The findings of one file, both ways: the same findings in the same order, only their words differ.
    func pairs(_ report: UnitReport) -> [Pair] {
        zip(Finding.all(report, language: language), Finding.all(report, language: .en)).map { ($0, $1) }
    }

    /// One issue. `seen` counts the findings already written under each fingerprint input, so a
    /// second finding that would share every field gets a numbered fingerprint of its own.
    func issue(_ pair: Pair, seen: inout [String: Int]) -> JSON {
        let f = pair.shown
        let path = relativePath(f.file)
        let lines = Self.lines(f.region)
        let key = Self.fingerprintInput(path: path, code: f.ruleID, line: lines.begin,
                                        message: pair.english.title + ": " + pair.english.message)
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        return .object([
            ("description", .string(f.title + ": " + f.message)),
            ("check_name", .string(f.ruleID)),
            ("fingerprint", .string(Self.fingerprint(occurrence == 0 ? key : key + "\0" + String(occurrence)))),
            ("severity", .string(Self.severity(f).rawValue)),
            ("location", .object([
                ("path", .string(path)),
                ("lines", .object([("begin", .int(lines.begin)), ("end", .int(lines.end))])),
            ])),
        ])
    }

    /// The severity GitLab shows: an invalid file is worse than a criterion not met (exit 2, not 1).
    public static func severity(_ f: Finding) -> Severity {
        switch f.level {
        case .error: return f.outcome == nil ? .critical : .major
        case .warning: return .minor
        case .note: return .info
        }
    }

    /// The lines a finding covers, 1-based and inclusive. A region whose exclusive end is the
    /// first column of a later line ends on the line before. A finding with no place (a
    /// criterion that could not be evaluated at all) points at the first line: GitLab needs one.
    static func lines(_ region: Finding.Region?) -> (begin: Int, end: Int) {
        guard let region else { return (1, 1) }
        let begin = max(1, region.line)
        guard let endLine = region.endLine else { return (begin, begin) }
        let last = region.endColumn == 1 ? endLine - 1 : endLine
        return (begin, max(begin, last))
    }

    /// What the fingerprint hashes: the fields joined by NUL, which none of them can contain
    /// unescaped (a path cannot; messages show control characters escaped).
    static func fingerprintInput(path: String, code: String, line: Int, message: String) -> String {
        [path, code, String(line), message].joined(separator: "\0")
    }

    /// SHA-256 of the UTF-8 bytes, in lowercase hexadecimal.
    static func fingerprint(_ input: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(input.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The path GitLab expects: relative to the repository root, `.` and `..` resolved, no
    /// leading `./`. A file outside the repository keeps its absolute path (GitLab cannot show
    /// it on a line of the merge request, but the report still says where it is).
    public func relativePath(_ file: String) -> String {
        let absolute = Self.normalised(file.hasPrefix("/") ? file : workingDirectory + "/" + file)
        let base = Self.normalised(root ?? workingDirectory)
        if base == "/" { return String(absolute.dropFirst()) }
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return absolute
    }

    /// `/a/./b/../c//d` → `/a/c/d`, by the text alone.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
