import Foundation
import WardcheckCore

/// `--format sarif`: a SARIF 2.1.0 log with one run. Rules are the criteria (TC01…) and the
/// diagnostic codes (WC001…); results are the findings: failed → error, not reported → warning,
/// waived → note with an external, accepted suppression carrying the waiver; diagnostics at their
/// own level. Passed criteria produce no result.
public struct SARIFLog: Sendable {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public let toolVersion: String
    public let language: Language
    public var informationURI: String?
    /// Absolute paths under this folder are written relative to it, as code-scanning services expect.
    public var workingDirectory: String?

    public init(toolVersion: String, language: Language, informationURI: String? = nil, workingDirectory: String? = nil) {
        self.toolVersion = toolVersion
        self.language = language
        self.informationURI = informationURI
        self.workingDirectory = workingDirectory
    }

    /// A reporting descriptor, by the id results name it with.
    public typealias Rule = (id: String, json: JSON)

    /// `check --format sarif`.
    public func check(_ reports: [UnitReport], criteria: CriteriaSet) -> String {
        let known = Set(criteria.criteria.map(\.id))
        var extra: [String: JSON] = [:]
        for card in reports.compactMap(\.scorecard) {
            for r in card.results where !known.contains(r.id) && extra[r.id] == nil {
                extra[r.id] = SARIFRules.criterion(id: r.id, title: r.title, language)
            }
        }
        let rules = criterionRules(criteria) + extra.sorted { $0.key < $1.key }.map { (id: $0.key, json: $0.value) } + diagnosticRules
        let files = reports.map(\.file) + reports.flatMap { Finding.all($0, language: language).map(\.file) }
        var run = Run(self, rules: rules, artifacts: files)
        for report in reports { run.add(run.results.check(report), report.tally) }
        run.finish()
        return String(decoding: run.take(), as: UTF8.self)
    }

    /// `check --format sarif` written as the units are judged. The rules are the criteria the
    /// units are judged on (a scorecard has a result for each of them and for no other, see
    /// `Evaluator.scorecard`) and the artifacts are the files named, in order: both are known
    /// before the first unit is judged, so the run's header goes out first and each unit's
    /// results follow as they come.
    public func checkRun(criteria: CriteriaSet, files: [String]) -> Run {
        Run(self, rules: criterionRules(criteria) + diagnosticRules, artifacts: files)
    }

    /// `validate --format sarif`: diagnostics only.
    public func validate(_ files: [FactsFile]) -> String {
        let findings = files.flatMap { file in file.diagnostics.map { Finding(diagnostic: $0, language: language) } }
        var run = Run(self, rules: diagnosticRules, artifacts: files.map(\.path) + findings.map(\.file))
        run.add(findings.map { run.results.result($0, properties: []) })
        run.finish()
        return String(decoding: run.take(), as: UTF8.self)
    }

    private func criterionRules(_ criteria: CriteriaSet) -> [Rule] {
        criteria.criteria.map { (id: $0.id, json: SARIFRules.criterion($0, language)) }
    }

    private var diagnosticRules: [Rule] {
        DiagnosticCode.allCases.map { (id: $0.rawValue, json: SARIFRules.diagnostic($0, language)) }
    }

    func artifactLocation(_ file: String, index: Int) -> JSON {
        .object([("uri", .string(uri(file))), ("index", .int(index))])
    }

    func location(_ artifact: JSON, _ region: Finding.Region?) -> JSON {
        var physical: [(String, JSON)] = [("artifactLocation", artifact)]
        if let region { physical.append(("region", self.region(region))) }
        return .object([("physicalLocation", .object(physical))])
    }

    func region(_ r: Finding.Region) -> JSON {
        var members: [(String, JSON)] = [("startLine", .int(r.line)), ("startColumn", .int(r.column))]
        if let endLine = r.endLine, let endColumn = r.endColumn, (endLine, endColumn) > (r.line, r.column) {
            members += [("endLine", .int(endLine)), ("endColumn", .int(endColumn))]
        }
        return .object(members)
    }

    /// A relative URI reference for a path under the working folder ("wards/submissions/x.yaml"),
    /// a `file://` URI otherwise; non-ASCII and reserved characters percent-encoded.
    func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("/"), let base = workingDirectory.map({ $0.hasSuffix("/") ? $0 : $0 + "/" }), p.hasPrefix(base) {
            p = String(p.dropFirst(base.count))
        }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        let encoded = Self.percentEncoded(p)
        return p.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@".utf8)

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
