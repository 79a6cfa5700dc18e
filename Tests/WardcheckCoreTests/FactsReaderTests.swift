import Foundation
@testable import WardcheckCore
import XCTest
import YAMLTree

/// The quick read of a facts file (`FactsReader`, straight from libyaml's events) against the
/// full read (a tree, then `FactsValidator`): it either declines, or gives exactly the facts the
/// full read gives, every position included; and a file it declines gets the full read's
/// diagnostics through `FactsFile.load`, unchanged.
final class FactsReaderTests: XCTestCase {
    /// A sample ward written as offices write them: indented blocks, quoted codes and names.
    private static let sample = FactsFixtures.repository.appendingPathComponent("wards/submissions/20194-hoa-xuan.yaml").path

    private func sampleText() throws -> String {
        try String(contentsOfFile: Self.sample, encoding: .utf8)
    }

    /// The quick read of `bytes`, nil when it declines.
    private func quick(_ bytes: [UInt8], file: String = "unit.yaml") throws -> Facts? {
        FactsReader(validator: try FactsFixtures.validator()).read(YAMLInput(bytes), file: file)
    }

    /// The full read's facts, and whether it had anything at all to say (a YAML problem or a diagnostic).
    private func full(_ bytes: [UInt8], file: String = "unit.yaml") throws -> (facts: Facts?, said: Bool) {
        let loaded = YAMLLoader.load(bytes: bytes)
        guard let root = loaded.root else { return (nil, true) }
        let sink = DiagnosticSink(file: file)
        let facts = try FactsFixtures.validator().validate(root, file: file, sink: sink)
        return (facts, !loaded.problems.isEmpty || sink.total > 0)
    }

    /// Facts flattened to lines, every value with its span, so that two reads compare whole.
    private func dump(_ facts: Facts?) -> [String] {
        guard let facts else { return ["<none>"] }
        var lines = facts.values.map { "\($0.key) = \($0.value.value) @\($0.value.start)-\($0.value.end)" }.sorted()
        lines += facts.blocks.map { "block \($0.key) @\($0.value)" }.sorted()
        lines.append("file \(facts.file); code \(facts.code ?? "-"); name \(facts.name ?? "-"); contact \(facts.contact ?? "-"); as of \(facts.asOf.map(\.description) ?? "-")")
        lines.append("supplied \(facts.supplied.sorted())")
        return lines
    }

    /// Diagnostics flattened to lines, every part of them.
    private func dump(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map {
            "\($0.file) \($0.start)-\($0.end.map(\.description) ?? "") \($0.code.rawValue) \($0.severity) \($0.message.vi) | \($0.message.en)"
                + " | \($0.hint?.vi ?? "") | \($0.hint?.en ?? "") | \($0.plain?.vi ?? "") | \($0.plain?.en ?? "")"
                + " | \($0.sourceLine ?? "<no line>") \($0.sourceColumn) \($0.sourceCutAtEnd)"
        }
    }

    /// The quick read agrees with the full one on `bytes`: declined, or the same facts from a file
    /// the full read has nothing to say about. Returns whether it declined.
    @discardableResult
    private func agree(_ bytes: [UInt8], _ name: String, file: String = "unit.yaml", line: UInt = #line) throws -> Bool {
        guard let facts = try quick(bytes, file: file) else { return true }
        let (expected, said) = try full(bytes, file: file)
        XCTAssertFalse(said, "\(name): read quickly, but the full read has something to say", line: line)
        XCTAssertEqual(dump(facts), dump(expected), name, line: line)
        return false
    }

    /// Every YAML file of the repository's samples and fixtures, facts or not.
    private func everyYAMLFile() -> [String] {
        var paths: [String] = []
        for folder in ["wards", "Tests/Fixtures"] {
            let root = FactsFixtures.repository.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "yaml" || url.pathExtension == "yml" { paths.append(url.path) }
            }
        }
        return paths.sorted()
    }

    func testEveryFixtureIsDeclinedOrReadExactlyAsTheTreeReadsIt() throws {
        let paths = everyYAMLFile()
        XCTAssertGreaterThan(paths.count, 130, "the samples and fixtures were not found")
        var read = 0
        for path in paths {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            if try !agree(bytes, path, file: path) { read += 1 }
        }
        // The 88 sample wards and the 8 units of the two fixture cities at least.
        XCTAssertGreaterThanOrEqual(read, 96)
    }

    /// `FactsFile.load` gives the same file whichever way it was read: facts, code and diagnostics.
    func testLoadingFromAPathGivesWhatTheTreeGives() throws {
        let validator = try FactsFixtures.validator()
        for path in everyYAMLFile() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            for checks in [FileChecks(), FileChecks(today: Day(year: 2025, month: 7, day: 1), judgedOn: nil)] {
                let fromPath = FactsFile.load(path: path, validator: validator, checks: checks)
                let fromTree = FactsFile.load(bytes: bytes, path: path, validator: validator, checks: checks)
                XCTAssertEqual(dump(fromPath.facts), dump(fromTree.facts), path)
                XCTAssertEqual(dump(fromPath.diagnostics), dump(fromTree.diagnostics), path)
                XCTAssertEqual(fromPath.code, fromTree.code, path)
            }
        }
    }

    /// Every valid unit of the samples and the fixture cities is read quickly: 87 of the 88 sample
    /// wards (20473 misspells `generator`), 3 of the 4 units of Tests/Fixtures/city (10004 writes
    /// `firewall: yes`), the 4 of city-plan, whose blocks are written `{ … }` on one line.
    func testEveryValidSampleWardAndFixtureCityUnitIsReadQuickly() throws {
        let repository = FactsFixtures.repository
        let folders = [("wards/submissions", 88, 87), ("Tests/Fixtures/city", 4, 3), ("Tests/Fixtures/city-plan/submissions", 4, 4)]
        for (folder, count, valid) in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)
                .filter { $0.first?.isNumber == true && $0.hasSuffix(".yaml") }
            XCTAssertEqual(names.count, count, folder)
            var clean = 0
            for name in names {
                let path = repository.appendingPathComponent(folder).appendingPathComponent(name).path
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                guard try !full(bytes, file: path).said else { continue }
                clean += 1
                XCTAssertFalse(try agree(bytes, path, file: path), "\(path) was declined")
            }
            XCTAssertEqual(clean, valid, folder)
        }
        for name in ["valid-minimal.yaml", "valid-complete.yaml", "bom.yaml", "nfd-name.yaml"] {
            XCTAssertFalse(try agree(try Array(Data(contentsOf: URL(fileURLWithPath: FactsFixtures.path(name)))), name), "\(name) was declined")
        }
    }

    /// Figures counted by hand from the sample's lines.
    func testTheSampleWardsFactsAndWhereTheyAreWritten() throws {
        let facts = try XCTUnwrap(try quick(Array(try sampleText().utf8), file: Self.sample))
        // line 49 `  officials: 57`: "  officials: " is 13 characters, the value 2 more.
        let officials = try XCTUnwrap(facts["staffing.officials"])
        XCTAssertEqual(officials.value, .number(57))
        XCTAssertEqual(officials.start, Mark(line: 49, column: 14))
        XCTAssertEqual(officials.end, Mark(line: 49, column: 16))
        // line 5 `  name: "Phường Hòa Xuân"`: the quotes and 15 letters and spaces from column 9,
        // counted in characters, not bytes.
        let name = try XCTUnwrap(facts["unit.name"])
        XCTAssertEqual(name.value, .text("Phường Hòa Xuân"))
        XCTAssertEqual(name.start, Mark(line: 5, column: 9))
        XCTAssertEqual(name.end, Mark(line: 5, column: 26))
        // line 32 `  generator:`, and line 3 `unit:`.
        XCTAssertEqual(facts.blocks["power.generator"], Mark(line: 32, column: 3))
        XCTAssertEqual(facts.blocks["unit"], Mark(line: 3, column: 1))
        XCTAssertEqual(facts.values.count, 41)
        XCTAssertEqual(facts.blocks.count, 21)
        XCTAssertEqual(facts.code, "20194")
        XCTAssertEqual(facts.name, "Phường Hòa Xuân")
        XCTAssertEqual(facts.contact, "Võ Hữu Tài, 0236 3002 803")
        XCTAssertEqual(facts.asOf, Day(year: 2026, month: 11, day: 1))
        XCTAssertEqual(facts.file, Self.sample)
    }

    /// Files with nothing wrong, written in ways the quick read still takes: each read quickly,
    /// each with the tree's facts. An empty value is left out, a block's included.
    func testPlainVariationsAreReadQuicklyAndAlike() throws {
        let text = try sampleText()
        let variations: [(String, String)] = [
            ("an empty value", text.replacingOccurrences(of: "  trained: 52\n", with: "  trained:\n")),
            ("a tilde", text.replacingOccurrences(of: "  trained: 52\n", with: "  trained: ~\n")),
            ("null", text.replacingOccurrences(of: "  trained: 52\n", with: "  trained: null\n")),
            ("an empty block", text.replacingOccurrences(of: "contact:\n  name: \"Võ Hữu Tài\"\n  phone: \"0236 3002 803\"\n", with: "contact:\n")),
            ("a quoted key", text.replacingOccurrences(of: "  firewall: true", with: "  \"firewall\": true")),
            ("an explicit document", "---\n" + text + "...\n"),
            ("Windows line ends", text.replacingOccurrences(of: "\n", with: "\r\n")),
            ("comments everywhere", text.replacingOccurrences(of: ": true\n", with: ": true   # đã kiểm tra\n")),
            ("a name in NFD", text.replacingOccurrences(of: "Hòa", with: "Ho\u{0300}a")),
            ("a block on one line", text.replacingOccurrences(of: "  data_network:\n    connected: true\n", with: "  data_network: { connected: true }\n")),
            ("an empty block on one line", text.replacingOccurrences(of: "contact:\n  name: \"Võ Hữu Tài\"\n  phone: \"0236 3002 803\"\n", with: "contact: {}\n")),
        ]
        for (name, variation) in variations {
            XCTAssertNotEqual(Array(variation.utf8), Array(text.utf8), name)
            XCTAssertFalse(try agree(Array(variation.utf8), name), "\(name) was declined")
        }
        let empty = try XCTUnwrap(try quick(Array(variations[0].1.utf8)))
        XCTAssertNil(empty["staffing.trained"])
        let noContact = try XCTUnwrap(try quick(Array(variations[3].1.utf8)))
        XCTAssertNil(noContact.blocks["contact"])
        XCTAssertNil(noContact.contact)
        let bom = try XCTUnwrap(try quick([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        XCTAssertEqual(bom["unit.name"]?.start, Mark(line: 5, column: 9))
        XCTAssertEqual(try XCTUnwrap(try quick(Array(variations[8].1.utf8)))["unit.name"]?.value, .text("Phường Hòa Xuân"))
    }

    /// Counts, numbers and yes/no values written plainly are read from their bytes: every way one
    /// could be written, at a count with a minimum (`villages`, `officials`), a number
    /// (`capacity_kva`) and a yes/no (`firewall`), is read as the full read reads it, or declined.
    func testValuesReadFromTheirBytesAreTheFullReadsValues() throws {
        let text = try sampleText()
        let numbers = ["0", "1", "7", "15", "57", "999999", "1000000", "1000001", "9999999", "10000000", "00", "007", "01",
                       "0.5", "1.5", "7.0", "15.000", "1e3", "+7", "-7", "0x1F", "１５", "'15'", "\"15\"", "15 # ghi chú", "1_000", ".5", "5.", "~", ""]
        let booleans = ["true", "false", "True", "TRUE", "yes", "no", "'true'", "\"false\"", "1", "0", "truee", "~", ""]
        var quickly = 0, declined = 0
        for (line, values) in [("  villages: 10\n", numbers), ("  officials: 57\n", numbers), ("    capacity_kva: 15\n", numbers),
                               ("  firewall: true\n", booleans)] {
            let key = line.prefix { $0 != ":" }
            XCTAssertTrue(text.contains(line), line)
            for value in values {
                let variation = text.replacingOccurrences(of: line, with: key + ": " + value + "\n")
                if try agree(Array(variation.utf8), "\(key): \(value)") { declined += 1 } else { quickly += 1 }
            }
        }
        // Written plainly and in range, read quickly; zero below a minimum of one, declined.
        let villages = { (value: String) in try self.quick(Array(text.replacingOccurrences(of: "  villages: 10\n", with: "  villages: \(value)\n").utf8)) }
        XCTAssertEqual(try villages("1000000")?["unit.villages"]?.value, .number(1_000_000))
        XCTAssertEqual(try villages("7")?["unit.villages"]?.value, .number(7))
        XCTAssertNil(try villages("0"), "below the minimum")
        XCTAssertNil(try villages("1000001"), "over the largest")
        XCTAssertNil(try villages("007"))
        let firewall = try quick(Array(text.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: false\n").utf8))
        XCTAssertEqual(firewall?["security.firewall"]?.value, .boolean(false))
        XCTAssertGreaterThan(quickly, 20)
        XCTAssertGreaterThan(declined, 40)
    }

    /// Each of these is declined, and checking the file says exactly what the full read says.
    func testUnusualFilesAreDeclinedAndLoadAsBefore() throws {
        let text = try sampleText()
        let cases: [(name: String, text: String, codes: [String])] = [
            ("an alias", text.replacingOccurrences(of: "  villages: 10\n", with: "  villages: &v 10\n")
                .replacingOccurrences(of: "villages_covered: 10", with: "villages_covered: *v"), ["WC012", "WC012"]),
            ("an anchor", text.replacingOccurrences(of: "  villages: 10\n", with: "  villages: &v 10\n"), ["WC012"]),
            ("a flow mapping over two lines", text.replacingOccurrences(of: "  data_network:\n    connected: true\n", with: "  data_network: { connected:\n      true }\n"), []),
            ("a flow mapping continued too far left", text.replacingOccurrences(of: "  data_network:\n    connected: true\n", with: "  data_network: {\n  connected: true }\n"), ["WC004"]),
            ("a list", text.replacingOccurrences(of: "  type: ward\n", with: "  type: [ward]\n"), ["WC102"]),
            ("a duplicate key", text.replacingOccurrences(of: "  type: ward\n", with: "  type: ward\n  type: ward\n"), ["WC011"]),
            ("a block written twice", text + "unit:\n  code: \"20194\"\n", ["WC011"]),
            ("an unknown key", text.replacingOccurrences(of: "  firewall: true", with: "  firewal: true"), ["WC101"]),
            ("a dotted key", text.replacingOccurrences(of: "security:\n  protected_computers: 62\n", with: "security.protected_computers: 62\nsecurity:\n"), []),
            ("a key out of its block", text.replacingOccurrences(of: "  firewall: true", with: "firewall: true"), ["WC101"]),
            ("a scalar over two lines", text.replacingOccurrences(of: "  name: \"Phường Hòa Xuân\"", with: "  name: \"Phường Hòa\n    Xuân\""), []),
            ("a scalar continued too far left", text.replacingOccurrences(of: "  name: \"Phường Hòa Xuân\"", with: "  name: \"Phường Hòa\n  Xuân\""), ["WC004"]),
            ("a block scalar", text.replacingOccurrences(of: "  name: \"Phường Hòa Xuân\"", with: "  name: >-\n    Phường Hòa Xuân"), []),
            ("a quote before a hash", text.replacingOccurrences(of: "  phone: \"0236 3002 803\"", with: "  phone: \"0236 3002 803\"#cơ quan"), ["WC004"]),
            ("a quote before a hash in a comment", text.replacingOccurrences(of: "  firewall: true", with: "  firewall: true # \"#1\""), []),
            ("a thousand written 1.000", text.replacingOccurrences(of: "    capacity_kva: 15\n", with: "    capacity_kva: 15.000\n"), ["WC117"]),
            ("another format", text.replacingOccurrences(of: "format: 1\n", with: "format: 2\n"), ["WC111"]),
            ("a required field left out", text.replacingOccurrences(of: "as_of: 2026-11-01\n", with: ""), ["WC110"]),
            ("a required field left empty", text.replacingOccurrences(of: "as_of: 2026-11-01\n", with: "as_of:\n"), ["WC110"]),
            ("a value that is not a count", text.replacingOccurrences(of: "  officials: 57\n", with: "  officials: many\n"), ["WC104"]),
            ("a block written as a value", text.replacingOccurrences(of: "contact:\n  name: \"Võ Hữu Tài\"\n  phone: \"0236 3002 803\"\n", with: "contact: Võ Hữu Tài\n"), ["WC102"]),
            ("a value written as a block", text.replacingOccurrences(of: "  officials: 57\n", with: "  officials:\n    count: 57\n"), ["WC102"]),
            ("more trained than officials", text.replacingOccurrences(of: "  trained: 52\n", with: "  trained: 58\n"), ["WC112"]),
            ("a date after the facts date", text.replacingOccurrences(of: "last_test: 2026-10-09", with: "last_test: 2026-11-09"), ["WC113"]),
            ("a tag", text.replacingOccurrences(of: "  villages: 10\n", with: "  villages: !!int 10\n"), ["WC013"]),
            ("a second document", text + "---\nformat: 1\n", ["WC008"]),
            ("a syntax error at the end", text + "]\n", ["WC004"]),
            ("a scalar as the document", "1\n", ["WC007"]),
            ("an empty file", "", ["WC006"]),
            ("a comment only", "# chưa điền\n", ["WC006"]),
        ]
        let validator = try FactsFixtures.validator()
        for (name, variation, codes) in cases {
            XCTAssertNotEqual(Array(variation.utf8), Array(text.utf8), name)
            let bytes = Array(variation.utf8)
            XCTAssertNil(try quick(bytes), "\(name) was read quickly")
            let path = try Repo.write(variation, test: self)
            let loaded = FactsFile.load(path: path, validator: validator)
            let fromTree = FactsFile.load(bytes: bytes, path: path, validator: validator)
            XCTAssertEqual(loaded.diagnostics.map(\.code.rawValue), codes, name)
            XCTAssertEqual(dump(loaded.diagnostics), dump(fromTree.diagnostics), name)
            XCTAssertEqual(dump(loaded.facts), dump(fromTree.facts), name)
        }
    }

    /// Every line of the sample deleted, written twice, indented two more spaces or two fewer,
    /// and given a stray character: each of the 315 files is declined or read as the tree reads it.
    func testEveryOneLineEditOfTheSampleIsDeclinedOrReadAlike() throws {
        let lines = try sampleText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits = 0
        var read = 0
        for index in lines.indices where !lines[index].isEmpty {
            let line = lines[index]
            let variants = [
                [],
                [line, line],
                ["  " + line],
                [line.hasPrefix("  ") ? String(line.dropFirst(2)) : line + " "],
                [line + ":"],
            ]
            for variant in variants {
                var edited = lines
                edited.replaceSubrange(index...index, with: variant)
                edits += 1
                if try !agree(Array(edited.joined(separator: "\n").utf8), "line \(index + 1) as \(variant)") { read += 1 }
            }
        }
        XCTAssertEqual(edits, 315)
        // Deleting a line of an optional fact, or a comment, leaves a file still read quickly.
        XCTAssertGreaterThan(read, 20)
    }

    /// A scalar over the loader's limit, and nesting past its depth, are declined.
    func testTheLoadersLimitsAreDeclined() throws {
        let text = try sampleText()
        let long = String(repeating: "x", count: YAMLLimits.standard.maxScalarBytes + 1)
        XCTAssertNil(try quick(Array(text.replacingOccurrences(of: "Võ Hữu Tài", with: long).utf8)))
        let shallow = YAMLLimits(maxDepth: 2)
        let reader = FactsReader(validator: try FactsFixtures.validator(), limits: shallow)
        // `network:` opens a third mapping inside `network.internet`.
        XCTAssertNil(reader.read(YAMLInput(Array(text.utf8), limits: shallow), file: "unit.yaml"))
        let three = YAMLLimits(maxDepth: 3)
        XCTAssertNotNil(FactsReader(validator: try FactsFixtures.validator(), limits: three).read(YAMLInput(Array(text.utf8), limits: three), file: "unit.yaml"))
    }

    /// Checks beyond the schema still speak for a file read quickly, quoting its line.
    func testAFileReadQuicklyStillHasItsCalendarCheckedWithTheLineQuoted() throws {
        let path = try Repo.write(try sampleText(), test: self)
        XCTAssertNotNil(try quick(Array(try sampleText().utf8)))
        let file = FactsFile.load(path: path, validator: try FactsFixtures.validator(), checks: FileChecks(today: Day(year: 2026, month: 10, day: 1)))
        XCTAssertEqual(file.spots, [Spot("WC115", 9, 8)])
        XCTAssertEqual(file.diagnostics.first?.sourceLine, "as_of: 2026-11-01")
        XCTAssertNil(file.facts)
        XCTAssertEqual(file.code, "20194")
        XCTAssertNil(file.tree)
    }
}
