import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The CI formats as the binary writes them: SARIF checked against the official 2.1.0 schema,
/// GitHub annotations at the places the text output names, JUnit as well-formed XML.
final class CIFormatCLITests: XCTestCase {
    static let invalidSample = "wards/submissions/20473-que-son.yaml"

    // MARK: SARIF against the schema

    /// The official schema, vendored under Tests/Fixtures/schemas so a bare clone can run this test.
    private func schema() throws -> URL {
        let url = WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("The SARIF 2.1.0 schema is missing at \(url.path)")
            throw XCTSkip("no SARIF schema")
        }
        return url
    }

    /// Validates with Python's jsonschema: exit 0 when valid; otherwise the validator's complaint.
    private func validateAgainstSchema(_ sarif: String) throws -> (valid: Bool, message: String) {
        let schema = try schema()
        let folder = try WardcheckProcess.temporaryFolder(self)
        let file = folder.appendingPathComponent("out.sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c",
                             "import json,jsonschema,sys; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
                             file.path, schema.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if message.contains("No module named") || process.terminationReason != .exit || process.terminationStatus == 127 {
            XCTFail("python3 with the jsonschema package is needed (make test-deps, or python3 -m pip install jsonschema): " + message)
        }
        return (process.terminationStatus == 0, message)
    }

    func testSARIFOfAFailingWardMatchesTheSchema() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.failing, "failing.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.notReported, code: "99002"), "silent.yaml", in: folder)
        try CIWard.write(CIWard.waivers(expires: "2099-12-31"), "waivers.yaml", in: folder)
        let out = try CIWard.run(["check", "failing.yaml", "silent.yaml", "--format", "sarif"], in: folder)
        XCTAssertEqual(out.status, 1, out.stderr)
        let result = try validateAgainstSchema(out.stdout)
        XCTAssertTrue(result.valid, result.message)
        XCTAssertTrue(out.stdout.contains("\"ruleId\": \"TC16\""))

        let waived = try CIWard.run(["check", "failing.yaml", "--waivers", "waivers.yaml", "--format", "sarif", "--lang", "en"], in: folder)
        XCTAssertEqual(waived.status, 0, waived.stderr)
        let waivedResult = try validateAgainstSchema(waived.stdout)
        XCTAssertTrue(waivedResult.valid, waivedResult.message)
        XCTAssertTrue(waived.stdout.contains("\"suppressions\""))
    }

    func testSARIFOfTheInvalidSampleMatchesTheSchema() throws {
        for command in ["check", "validate"] {
            let out = try WardcheckProcess.run([command, Self.invalidSample, "--format", "sarif"])
            XCTAssertEqual(out.status, 2, out.stderr)
            let result = try validateAgainstSchema(out.stdout)
            XCTAssertTrue(result.valid, command + ": " + result.message)
            XCTAssertTrue(out.stdout.contains("\"ruleId\": \"WC101\""), out.stdout)
        }
    }

    /// The negative control: the same check must reject a log that breaks the schema, or the
    /// tests above prove nothing.
    func testTheSchemaCheckRejectsABrokenLog() throws {
        let out = try WardcheckProcess.run(["validate", Self.invalidSample, "--format", "sarif"])
        let broken = [
            out.stdout.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\""),
            out.stdout.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\""),
            out.stdout.replacingOccurrences(of: "\"startLine\": 32", with: "\"startLine\": 0"),
        ]
        for log in broken {
            XCTAssertNotEqual(log, out.stdout, "the mutation applied")
            XCTAssertFalse(try validateAgainstSchema(log).valid)
        }
    }

    // MARK: GitHub annotations where the text output points

    private struct Place: Hashable, CustomStringConvertible {
        var file: String, line: Int, column: Int, code: String
        var description: String { "\(file):\(line):\(column) \(code)" }
    }

    /// `file:line:col: error[WC101]: …` lines of the text output.
    private func textPlaces(_ text: String) -> [Place] {
        text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: #/^(.+):(\d+):(\d+): (?:error|warning)\[(WC\d+)\]: /#) else { return nil }
            return Place(file: String(match.1), line: Int(match.2)!, column: Int(match.3)!, code: String(match.4))
        }
    }

    /// `::error file=…,line=…,col=…,title=WC101::…` lines, properties unescaped.
    private func annotationPlaces(_ text: String) -> [Place] {
        text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: #/^::(?:error|warning|notice) ([^:]*)::/#) else { return nil }
            var properties: [String: String] = [:]
            for pair in match.1.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                properties[parts[0]] = parts[1].replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
                    .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
            }
            guard let file = properties["file"], let line = properties["line"].flatMap(Int.init),
                  let column = properties["col"].flatMap(Int.init), let code = properties["title"] else { return nil }
            return Place(file: file, line: line, column: column, code: code)
        }
    }

    func testEachDiagnosticLandsWhereTheTextOutputPoints() throws {
        let text = try WardcheckProcess.run(["validate", Self.invalidSample])
        let github = try WardcheckProcess.run(["validate", Self.invalidSample, "--format", "github"])
        XCTAssertEqual(text.status, 2)
        XCTAssertEqual(github.status, 2)
        let expected = textPlaces(text.stdout)
        XCTAssertEqual(expected.count, 3, "the sample's three deliberate errors:\n" + text.stdout)
        XCTAssertEqual(annotationPlaces(github.stdout), expected, github.stdout)

        let check = try WardcheckProcess.run(["check", Self.invalidSample, "--format", "github"])
        XCTAssertEqual(annotationPlaces(check.stdout), expected, check.stdout)
    }

    func testAnnotationsAreGroupedPerFileAndEndWithASummary() throws {
        let out = try WardcheckProcess.run(["check", Self.invalidSample, "wards/submissions/20705-tra-leng.yaml",
                                            "--waivers", "wards/waivers.yaml", "--format", "github", "--lang", "en"])
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("::group::") }.count, 2, out.stdout)
        XCTAssertEqual(lines.filter { $0 == "::endgroup::" }.count, 2)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::notice file=wards/submissions/20705-tra-leng.yaml,") && $0.contains("title=TC04 ") })
        XCTAssertTrue(lines.last?.hasPrefix("wardcheck: 2 files, 1 invalid;") ?? false, out.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::") || $0.hasPrefix("wardcheck: ") }, "nothing else is printed:\n" + out.stdout)
    }

    // MARK: JUnit from the binary

    func testJUnitIsWellFormedAndCountsMatchTheScorecard() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.failing, "a.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.notReported, code: "99002"), "b.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.invalid, code: "99003"), "c.yaml", in: folder)
        let out = try CIWard.run(["check", "a.yaml", "b.yaml", "c.yaml", "--format", "junit", "-o", "report.xml"], in: folder)
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertTrue(out.stdout.isEmpty, "-o writes the file, not standard output")
        let document = try XMLDocument(contentsOf: folder.appendingPathComponent("report.xml"), options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "33")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "2")
        XCTAssertEqual(root.attribute(forName: "errors")?.stringValue, "1")
        XCTAssertEqual(root.attribute(forName: "skipped")?.stringValue, "0")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.compactMap { $0.attribute(forName: "name")?.stringValue }, ["a.yaml", "b.yaml", "c.yaml"])
        XCTAssertEqual(suites.map { $0.elements(forName: "testcase").count }, [16, 16, 1])
    }
}
