import Foundation
import WardcheckCore

/// `--format sarif`: a SARIF 2.1.0 log with one run. Rules are the criteria (TC01…) and the
/// diagnostic codes (WC001…); results are the findings: failed → error, not reported → warning,
/// waived → note with an external, accepted suppression carrying the waiver; diagnostics at their
/// own level. Passed criteria produce no result.
public struct SARIFLog {
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

    /// `check --format sarif`.
    public func check(_ reports: [UnitReport], criteria: CriteriaSet) -> String {
        var rules = criteria.criteria.map { (id: $0.id, json: SARIFRules.criterion($0, language)) }
        let known = Set(rules.map(\.id))
        var extra: [String: JSON] = [:]
        for card in reports.compactMap(\.scorecard) {
            for r in card.results where !known.contains(r.id) && extra[r.id] == nil {
                extra[r.id] = SARIFRules.criterion(id: r.id, title: r.title, language)
            }
        }
        rules += extra.sorted { $0.key < $1.key }.map { (id: $0.key, json: $0.value) }
        let findings = reports.flatMap { Finding.all($0, language: language) }
        let units = Dictionary(reports.compactMap(\.scorecard).map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        return log(files: reports.map(\.file), rules: rules + diagnosticRules, findings: findings) { finding in
            guard finding.outcome != nil, let card = units[finding.file] else { return [] }
            var properties: [(String, JSON)] = [("outcome", .string(finding.outcome!.rawValue))]
            if let code = card.code { properties.append(("unit", .string(code))) }
            if let name = card.name { properties.append(("unit_name", .string(name))) }
            let remedies = card.results.first { $0.id == finding.ruleID }.map { $0.outcome == .waived ? [] : $0.remedies } ?? []
            if !remedies.isEmpty {
                properties.append(("remedies", .array(remedies.map { ScorecardJSON.remedy($0, language) })))
                properties.append(("cost", .int(Money.sum(remedies.map(\.cost)))))
            }
            return properties
        }
    }

    /// `validate --format sarif`: diagnostics only.
    public func validate(_ files: [FactsFile]) -> String {
        let findings = files.flatMap { file in file.diagnostics.map { Finding(diagnostic: $0, language: language) } }
        return log(files: files.map(\.path), rules: diagnosticRules, findings: findings) { _ in [] }
    }

    private var diagnosticRules: [(id: String, json: JSON)] {
        DiagnosticCode.allCases.map { (id: $0.rawValue, json: SARIFRules.diagnostic($0, language)) }
    }

    private func log(files: [String], rules: [(id: String, json: JSON)], findings: [Finding],
                     properties: (Finding) -> [(String, JSON)]) -> String {
        var artifactIndex: [String: Int] = [:]
        var artifacts: [String] = []
        for file in files + findings.map(\.file) where artifactIndex[file] == nil {
            artifactIndex[file] = artifacts.count
            artifacts.append(file)
        }
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = i }

        var driver: [(String, JSON)] = [
            ("name", .string("wardcheck")),
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
        ]
        if let informationURI { driver.append(("informationUri", .string(informationURI))) }
        driver += [
            ("language", .string(language.rawValue)),
            ("rules", .array(rules.map(\.json))),
        ]

        let results: [JSON] = findings.map { f in
            let artifact = artifactLocation(f.file, index: artifactIndex[f.file]!)
            var members: [(String, JSON)] = [("ruleId", .string(f.ruleID))]
            if let index = ruleIndex[f.ruleID] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(f.level.rawValue)),
                ("message", .object([("text", .string(f.title + ": " + f.message))])),
                ("locations", .array([location(artifact, f.region)])),
            ]
            let related = f.reasons.enumerated().compactMap { (i, reason) -> JSON? in
                guard let region = reason.region else { return nil }
                return .object([
                    ("id", .int(i)),
                    ("physicalLocation", .object([("artifactLocation", artifact), ("region", self.region(region))])),
                    ("message", .object([("text", .string(reason.text))])),
                ])
            }
            if related.count > 1 { members.append(("relatedLocations", .array(related))) }
            if let waiver = f.waiver {
                members.append(("suppressions", .array([.object([
                    ("kind", .string("external")),
                    ("status", .string("accepted")),
                    ("justification", .string(Finding.waiverText(waiver, language))),
                    ("location", .object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(waiver.file)))])),
                        ("region", .object([("startLine", .int(waiver.mark.line)), ("startColumn", .int(waiver.mark.column))])),
                    ]))])),
                ])])))
            }
            let extra = properties(f)
            if !extra.isEmpty { members.append(("properties", .object(extra))) }
            return .object(members)
        }

        return JSON.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object(driver))])),
                ("language", .string(language.rawValue)),
                // libyaml counts columns in Unicode scalars, and so does every Mark.
                ("columnKind", .string("unicodeCodePoints")),
                ("artifacts", .array(artifacts.map { file in
                    .object([("location", .object([("uri", .string(uri(file)))])), ("sourceLanguage", .string("yaml"))])
                })),
                ("results", .array(results)),
            ])])),
        ]).serialised()
    }

    private func artifactLocation(_ file: String, index: Int) -> JSON {
        .object([("uri", .string(uri(file))), ("index", .int(index))])
    }

    private func location(_ artifact: JSON, _ region: Finding.Region?) -> JSON {
        var physical: [(String, JSON)] = [("artifactLocation", artifact)]
        if let region { physical.append(("region", self.region(region))) }
        return .object([("physicalLocation", .object(physical))])
    }

    private func region(_ r: Finding.Region) -> JSON {
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
