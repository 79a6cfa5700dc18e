import Foundation
import XCTest

/// The JSON Schema for editors: shipped up to date with criteria/facts.yaml, and giving the same
/// accept/reject verdict as `wardcheck validate` on every sample ward and every facts fixture,
/// as judged by an independent validator (Python's jsonschema, files read as YAML 1.2 by
/// Tests/Tools/schema_verdicts.py) — except where a rule cannot be written in JSON Schema.
final class SchemaCLITests: XCTestCase {
    static let shipped = "criteria/facts.schema.json"

    /// The files whose verdicts differ, each with the rule the schema cannot express. Every one is
    /// a file `wardcheck validate` rejects and the schema accepts; docs/editors.md lists the rules.
    static let inexpressible: [String: String] = [
        "Tests/Fixtures/facts/anchor-alias.yaml": "anchors and aliases: refused by wardcheck, resolved by YAML loaders",
        "Tests/Fixtures/facts/duplicate-key.yaml": "duplicate keys: a loaded document keeps one (the YAML language server flags them as a YAML error)",
        "Tests/Fixtures/facts/cross-field-protected.yaml": "cross-field rule: protected computers at most working computers",
        "Tests/Fixtures/facts/cross-field-trained.yaml": "cross-field rule: trained at most officials",
        "Tests/Fixtures/facts/cross-field-villages.yaml": "cross-field rule: villages without signal at most villages",
        "Tests/Fixtures/facts/date-after-as-of.yaml": "a date after the facts date",
    ]

    func testTheShippedSchemaIsUpToDate() throws {
        let out = try WardcheckProcess.run(["schema"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let file = try String(contentsOf: WardcheckProcess.repository.appendingPathComponent(Self.shipped), encoding: .utf8)
        XCTAssertEqual(out.stdout, file, "criteria/facts.schema.json is stale: run `wardcheck schema -o criteria/facts.schema.json`")
        let check = try WardcheckProcess.run(["schema", "--check", Self.shipped])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testCheckFailsOnAStaleCopyAndOutputIsWrittenAtomically() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let stale = folder.appendingPathComponent("old.json")
        try "{}\n".write(to: stale, atomically: true, encoding: .utf8)
        let check = try WardcheckProcess.run(["schema", "--check", stale.path, "--lang", "en"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("out of date") && check.stderr.contains("wardcheck schema -o"), check.stderr)
        let written = try WardcheckProcess.run(["schema", "-o", stale.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(try WardcheckProcess.run(["schema", "--check", stale.path]).status, 0)
    }

    func testIndependentValidatorAgreesWithValidate() throws {
        let root = WardcheckProcess.repository
        func yaml(in folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
        }
        let files = try yaml(in: "wards/submissions") + yaml(in: "Tests/Fixtures/facts")
        XCTAssertGreaterThan(files.count, 100)

        let validate = try WardcheckProcess.run(["validate", "--format", "json"] + files)
        let wardcheck = try verdicts(validate.stdout)
        let schema = try python(["Tests/Tools/schema_verdicts.py", Self.shipped] + files)
        let independent = try verdicts(schema)
        XCTAssertEqual(Set(wardcheck.keys), Set(files))
        XCTAssertEqual(Set(independent.keys), Set(files))

        var unexplained: [String] = []
        for file in files {
            let (valid, _) = try XCTUnwrap(wardcheck[file])
            let (schemaValid, reason) = try XCTUnwrap(independent[file])
            if let rule = Self.inexpressible[file] {
                XCTAssertFalse(valid, "\(file) is listed as inexpressible (\(rule)) but wardcheck accepts it")
                XCTAssertTrue(schemaValid, "\(file) is listed as inexpressible (\(rule)) but the schema rejects it too: take it off the list")
            } else if valid != schemaValid {
                unexplained.append("\(file): validate says \(valid ? "valid" : "invalid"), the schema says \(schemaValid ? "valid" : "invalid") (\(reason ?? ""))")
            }
        }
        XCTAssertEqual(unexplained, [], "verdicts differ where the schema should agree:\n" + unexplained.joined(separator: "\n"))
        // The comparison means something only if both verdicts occur.
        XCTAssertGreaterThan(wardcheck.values.filter { $0.0 }.count, 80)
        XCTAssertGreaterThan(independent.values.filter { !$0.0 }.count, 15)
    }

    /// The negative control: the same script must reject what breaks the schema, or agreement proves nothing.
    func testTheIndependentValidatorRejectsWhatTheSchemaForbids() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ready = try String(contentsOf: WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)
        let cases: [(String, String)] = [
            ("ok.yaml", ready),
            ("yes.yaml", ready.replacingOccurrences(of: "firewall: true", with: "firewall: yes")),
            ("octal.yaml", ready.replacingOccurrences(of: "desks: 4", with: "desks: 4.5")),
            ("date.yaml", ready.replacingOccurrences(of: "as_of: 2025-07-05", with: "as_of: 2025-02-29")),
            ("code.yaml", ready.replacingOccurrences(of: "code: \"99001\"", with: "code: \"9900\"")),
            ("extra.yaml", ready + "extra: 1\n"),
        ]
        for (name, text) in cases { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let schema = WardcheckProcess.repository.appendingPathComponent(Self.shipped).path
        let out = try verdicts(try python(["Tests/Tools/schema_verdicts.py", schema] + cases.map { folder.appendingPathComponent($0.0).path }))
        XCTAssertEqual(cases.map { out[folder.appendingPathComponent($0.0).path]?.0 }, [true, false, false, false, false, false])
    }

    // MARK: init

    func testInitPointsTheEditorAtTheSchemaFromWhereTheFileIsWritten() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let repo = folder.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("wards/submissions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("criteria"), to: repo.appendingPathComponent("criteria"))
        let out = try WardcheckProcess.run(["init", "--code", "20194", "--name", "Phường Hòa Xuân", "--type", "ward",
                                           "-o", "wards/submissions/20194.yaml"], in: repo)
        XCTAssertEqual(out.status, 0, out.stderr)
        let text = try String(contentsOf: repo.appendingPathComponent("wards/submissions/20194.yaml"), encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\n").first, "# yaml-language-server: $schema=../../criteria/facts.schema.json")
        // The path it names is the schema, relative to the file's own folder, as the language server resolves it.
        let named = repo.appendingPathComponent("wards/submissions").appendingPathComponent("../../criteria/facts.schema.json").standardizedFileURL
        XCTAssertTrue(FileManager.default.fileExists(atPath: named.path))
        // The line is a comment: the new file still validates.
        let validate = try WardcheckProcess.run(["validate", "wards/submissions/20194.yaml"], in: repo)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)

        let here = try WardcheckProcess.run(["init", "--code", "20203", "--name", "Phường Hải Châu", "--type", "ward"], in: repo)
        XCTAssertEqual(here.status, 0, here.stderr)
        XCTAssertTrue(try String(contentsOf: repo.appendingPathComponent("20203.yaml"), encoding: .utf8)
            .hasPrefix("# yaml-language-server: $schema=criteria/facts.schema.json\n"))

        // No schema beside the criteria: the line is still written, and the user is told how to make the file.
        try FileManager.default.removeItem(at: repo.appendingPathComponent("criteria/facts.schema.json"))
        let missing = try WardcheckProcess.run(["init", "--code", "20211", "--name", "Phường Hòa Cường", "--type", "ward", "--lang", "en"], in: repo)
        XCTAssertEqual(missing.status, 0, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("wardcheck schema -o"), missing.stderr)
    }

    func testInitWritesAFileURIWhenThePathHasSpaces() throws {
        // The language server reads the schema path up to the first space.
        let folder = try WardcheckProcess.temporaryFolder(self)
        let criteria = folder.appendingPathComponent("bộ tiêu chí/criteria")
        try FileManager.default.createDirectory(at: criteria.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("criteria"), to: criteria)
        let out = try WardcheckProcess.run(["init", "--code", "20194", "--name", "X", "--type", "ward", "--criteria", "bộ tiêu chí/criteria",
                                            "-o", "x.yaml"], in: folder)
        XCTAssertEqual(out.status, 0, out.stderr)
        let first = try String(contentsOf: folder.appendingPathComponent("x.yaml"), encoding: .utf8).components(separatedBy: "\n")[0]
        let prefix = "# yaml-language-server: $schema="
        XCTAssertTrue(first.hasPrefix(prefix + "file:///"), first)
        XCTAssertFalse(first.dropFirst(prefix.count).contains(" "), first)
        let url = try XCTUnwrap(URL(string: String(first.dropFirst(prefix.count))))
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.path)
    }

    // MARK: helpers

    private func verdicts(_ json: String) throws -> [String: (Bool, String?)] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        var out: [String: (Bool, String?)] = [:]
        for file in files {
            guard let name = file["file"] as? String, let valid = file["valid"] as? Bool else { continue }
            out[name] = (valid, file["error"] as? String ?? (file["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
        }
        return out
    }

    private func python(_ arguments: [String]) throws -> String {
        try Python.run(arguments, test: self)
    }
}
