import Foundation
import XCTest
import WardcheckCore
import YAMLTree

/// The repository's criteria/facts.yaml and the fixtures in Tests/Fixtures/facts/, shared by the
/// Facts*Tests files.
enum FactsFixtures {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/Fixtures/facts")
    static let schemaPath = repository.appendingPathComponent("criteria/facts.yaml").path

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// The real schema, loaded once; a broken schema fails every test that needs it, with its diagnostics.
    static let schemaResult: Result<FactsSchema, SchemaUnusable> = {
        let sink = DiagnosticSink(file: schemaPath)
        guard let schema = FactsSchema.load(path: schemaPath, sink: sink) else {
            return .failure(SchemaUnusable(diagnostics: sink.diagnostics.map { "\($0.start): \($0.code.rawValue) \($0.message.en)" }))
        }
        return .success(schema)
    }()

    struct SchemaUnusable: Error, CustomStringConvertible {
        var diagnostics: [String]
        var description: String { "criteria/facts.yaml did not load: " + diagnostics.joined(separator: "; ") }
    }

    static func schema() throws -> FactsSchema { try schemaResult.get() }

    static func validator() throws -> FactsValidator { FactsValidator(schema: try schema()) }

    static func load(_ name: String) throws -> FactsFile {
        FactsFile.load(path: path(name), validator: try validator())
    }

    /// The typed facts even when the file has errors, which `FactsFile` withholds.
    static func facts(path: String) throws -> Facts? {
        let loaded = YAMLLoader.load(path: path)
        guard let root = loaded.root else { return nil }
        return try validator().validate(root, file: path, sink: DiagnosticSink(file: path))
    }

    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Where a diagnostic points and which code it carries: what a CI annotation is made of.
struct Spot: Equatable, CustomStringConvertible {
    var code: String
    var line: Int
    var column: Int

    init(_ code: String, _ line: Int, _ column: Int) {
        self.code = code
        self.line = line
        self.column = column
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.code.rawValue, diagnostic.start.line, diagnostic.start.column)
    }

    var description: String { "\(code)@\(line):\(column)" }
}

extension FactsFile {
    var spots: [Spot] { diagnostics.map(Spot.init) }
}

/// YAML-level problems as a facts file reports them: stable code, line and column.
/// Positions are counted by hand from the fixture lines quoted in each test.
final class FactsFileTests: XCTestCase {
    func testDuplicateKeyIsWC011AtTheSecondKey() throws {
        // line 6: `  code: "20195"` repeats line 3's key.
        let file = try FactsFixtures.load("duplicate-key.yaml")
        XCTAssertEqual(file.spots, [Spot("WC011", 6, 3)])
        XCTAssertTrue(file.diagnostics[0].message.en.contains("line 3"), file.diagnostics[0].message.en)
        XCTAssertFalse(file.isValid)
    }

    func testAnchorAndAliasAreEachWC012() throws {
        // line 6: `  villages: &thon 12` (column 13); line 9: `  officials: *thon` (column 14).
        XCTAssertEqual(try FactsFixtures.load("anchor-alias.yaml").spots, [Spot("WC012", 6, 13), Spot("WC012", 9, 14)])
    }

    func testTabIndentationIsWC005() throws {
        // line 5: `\ttype: ward`.
        let file = try FactsFixtures.load("tab-indentation.yaml")
        XCTAssertEqual(file.spots, [Spot("WC005", 5, 1)])
        XCTAssertEqual(file.diagnostics[0].sourceLine, "\ttype: ward")
    }

    func testInvalidUTF8IsWC003AtTheBadByte() throws {
        // line 4: `  name: "Phường Hòa \xFF"`: the bad byte is the 21st character.
        XCTAssertEqual(try FactsFixtures.load("invalid-utf8.yaml").spots, [Spot("WC003", 4, 21)])
    }

    func testTwoMebibyteFileIsWC002() throws {
        let folder = try FactsFixtures.temporaryFolder(self)
        let path = folder.appendingPathComponent("huge.yaml").path
        // 2,048 lines of exactly 1 KiB: a `format` line padded with a comment, then comment lines.
        let first = "format: 1 # " + String(repeating: "x", count: 1011) + "\n"
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        let text = first + String(repeating: line, count: 2047)
        XCTAssertEqual(text.utf8.count, 2 * 1024 * 1024)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let file = FactsFile.load(path: path, validator: try FactsFixtures.validator())
        XCTAssertEqual(file.spots, [Spot("WC002", 1, 1)])
        XCTAssertTrue(file.diagnostics[0].message.en.contains("2097152"), file.diagnostics[0].message.en)
    }

    func testTenThousandLevelsOfNestingIsWC009WithoutCrashing() throws {
        let folder = try FactsFixtures.temporaryFolder(self)
        let path = folder.appendingPathComponent("deep.yaml").path
        // `format: [[[…` — the root mapping is level 1, so bracket n opens level n + 1, and the
        // first bracket refused is number maxDepth, after the 8 characters of "format: ".
        let text = "format: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let started = Date()
        let file = FactsFile.load(path: path, validator: try FactsFixtures.validator())
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(file.spots, [Spot("WC009", 1, 8 + YAMLLimits.standard.maxDepth)])
    }

    func testEmptyFileIsWC006() throws {
        XCTAssertEqual(try FactsFixtures.load("empty.yaml").spots, [Spot("WC006", 1, 1)])
    }

    func testListAsRootIsWC007() throws {
        // line 1 is a comment; `- format: 1` starts line 2.
        XCTAssertEqual(try FactsFixtures.load("list-root.yaml").spots, [Spot("WC007", 2, 1)])
    }

    func testTwoDocumentsIsWC008AtTheSecondMarker() throws {
        // `---` on line 7; the first document is itself valid, so nothing else is reported.
        XCTAssertEqual(try FactsFixtures.load("two-documents.yaml").spots, [Spot("WC008", 7, 1)])
    }

    func testMissingFileIsWC001() throws {
        XCTAssertEqual(try FactsFixtures.load("no-such-file.yaml").spots, [Spot("WC001", 1, 1)])
    }

    func testValidFilesHaveNoDiagnostics() throws {
        for name in ["valid-minimal.yaml", "valid-complete.yaml"] {
            let file = try FactsFixtures.load(name)
            XCTAssertEqual(file.spots, [], name)
            XCTAssertTrue(file.isValid, name)
            XCTAssertEqual(file.facts?.code, "20194", name)
            XCTAssertEqual(file.facts?.asOf, Day(year: 2025, month: 7, day: 5), name)
        }
    }

    func testCompleteFixtureReportsEveryFieldOfTheSchema() throws {
        // valid-complete.yaml is the DOMAIN.md example; the CLI tests rely on it covering the format.
        let schema = try FactsFixtures.schema()
        let facts = try XCTUnwrap(try FactsFixtures.load("valid-complete.yaml").facts)
        let leaves = Set(schema.fields.filter { $0.type != .block }.map(\.path))
        XCTAssertEqual(Set(facts.values.keys), leaves)
    }

    func testMinimalFileLeavesUnwrittenFieldsNotReported() throws {
        let facts = try XCTUnwrap(try FactsFixtures.load("valid-minimal.yaml").facts)
        XCTAssertEqual(Set(facts.values.keys), ["format", "unit.code", "unit.name", "unit.type", "as_of"])
        XCTAssertNil(facts["power.generator.present"])
    }
}
