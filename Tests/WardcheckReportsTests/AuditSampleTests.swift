import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Builds audits the way `wardcheck audit` does, from temporary folders of the sample ward files
/// and the repository's criteria folder.
enum AuditFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let wards = repository.appendingPathComponent("wards")
    static let submissions = wards.appendingPathComponent("submissions")

    static let criteria: CriteriaSet = {
        let (set, diagnostics) = CriteriaSet.load(folder: repository.appendingPathComponent("criteria").path)
        guard let set else { fatalError("criteria do not load: \(diagnostics.map { $0.message.en })") }
        return set
    }()

    static func folder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    static func sample(_ prefix: String) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: submissions.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else { throw CocoaError(.fileNoSuchFile) }
        return submissions.appendingPathComponent(name)
    }

    /// Copies a sample ward file into `folder`, setting `key` under top-level `block` for each edit.
    @discardableResult
    static func copy(_ prefix: String, to folder: URL, as name: String? = nil, edits: [(block: String, key: String, value: String)] = []) throws -> URL {
        let source = try sample(prefix)
        var lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        for edit in edits {
            var block = ""
            var done = false
            for (i, line) in lines.enumerated() where !done {
                if !line.hasPrefix(" "), line.hasSuffix(":") { block = String(line.dropLast()) }
                if block == edit.block, line.hasPrefix("  "), line.trimmingCharacters(in: .whitespaces).hasPrefix(edit.key + ":") {
                    lines[i] = "  \(edit.key): \(edit.value)"
                    done = true
                }
            }
            precondition(done, "no \(edit.block).\(edit.key) in \(source.lastPathComponent)")
        }
        let target = folder.appendingPathComponent(name ?? source.lastPathComponent)
        try lines.joined(separator: "\n").write(to: target, atomically: true, encoding: .utf8)
        return target
    }

    static func copyRoster(to folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("roster.yaml")
        try FileManager.default.copyItem(at: wards.appendingPathComponent("roster.yaml"), to: target)
        return target
    }

    static func evaluator(waivers: URL? = nil, asOf: Day? = nil) -> Evaluator {
        var loaded = Waivers.none
        if let waivers {
            let (w, diagnostics) = Waivers.load(path: waivers.path, criteria: criteria)
            guard let w else { fatalError("waivers do not load: \(diagnostics.map { $0.message.en })") }
            loaded = w
        }
        return Evaluator(criteria: criteria, waivers: loaded, asOf: asOf)
    }

    /// The facts files in `folder`: every YAML file but the roster and waivers.
    static func wardFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "roster.yaml" && $0 != "waivers.yaml" }
            .sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The same reduction the command runs: stream every file through the accumulator.
    static func audit(files: [String], roster: URL?, evaluator: Evaluator) -> Audit {
        var loadedRoster: Roster?
        if let roster {
            let (r, diagnostics) = Roster.load(path: roster.path, schema: criteria.schema)
            guard let r else { fatalError("roster does not load: \(diagnostics.map { $0.message.en })") }
            loadedRoster = r
        }
        let accumulator = AuditAccumulator(criteria: criteria, roster: loadedRoster, asOf: evaluator.asOf)
        Pipeline.stream(files, { UnitReport.check(path: $0, evaluator: evaluator) }, into: accumulator.add)
        return accumulator.finish()
    }

    /// The whole sample province: 88 submissions, the roster and the waivers.
    static let samples: (audit: Audit, files: [String], evaluator: Evaluator) = {
        let files = (try? wardFiles(in: submissions)) ?? []
        let judge = AuditFixture.evaluator(waivers: wards.appendingPathComponent("waivers.yaml"))
        return (audit(files: files, roster: wards.appendingPathComponent("roster.yaml"), evaluator: judge), files, judge)
    }()
}

final class AuditSampleTests: XCTestCase {
    func testRosterDuplicatesUnknownCodesAndInvalidFiles() throws {
        let folder = try AuditFixture.folder(self)
        let roster = try AuditFixture.copyRoster(to: folder)
        try AuditFixture.copy("20194", to: folder)
        try AuditFixture.copy("20203", to: folder)
        let first = try AuditFixture.copy("20211", to: folder)
        let second = try AuditFixture.copy("20211", to: folder, as: "20211-copy.yaml")
        let stranger = try AuditFixture.copy("20217", to: folder, as: "99999-stranger.yaml", edits: [("unit", "code", "\"99999\"")])
        let broken = try AuditFixture.copy("20473", to: folder)
        let files = try AuditFixture.wardFiles(in: folder)
        XCTAssertEqual(files.count, 6)

        let audit = AuditFixture.audit(files: files, roster: roster, evaluator: AuditFixture.evaluator())
        XCTAssertEqual(audit.files, 6)

        // The invalid file is reported with its first errors, and the audit went on.
        XCTAssertEqual(audit.invalid.map(\.file), [broken.path])
        XCTAssertEqual(audit.invalid.first?.errorCount, 3)
        XCTAssertFalse(audit.invalid.first?.firstErrors.isEmpty ?? true)
        XCTAssertEqual(Set(audit.rows.map(\.code)), ["20194", "20203"], "a unit outside the roster is not counted")
        XCTAssertTrue(audit.rows.allSatisfy { $0.outcomes.count == audit.criteriaCount })
        XCTAssertEqual(audit.tallies.reduce(0) { $0 + $1.passed + $1.failed + $1.notReported + $1.waived }, 2 * audit.criteriaCount)

        // A code outside the roster is an error on that file.
        let unknown = audit.diagnostics.filter { $0.code == .notInRoster }
        XCTAssertEqual(unknown.map(\.file), [stranger.path])
        XCTAssertEqual(unknown.first?.severity, .error)

        // Two files for one code: an error on each, naming both.
        let duplicates = audit.diagnostics.filter { $0.code == .duplicateUnit }
        XCTAssertEqual(Set(duplicates.map(\.file)), [first.path, second.path])
        for d in duplicates {
            XCTAssertTrue(d.isError)
            XCTAssertTrue(d.message.vi.contains(first.path) && d.message.vi.contains(second.path), d.message.vi)
        }
        XCTAssertFalse(audit.rows.contains { $0.code == "20211" }, "neither duplicate is counted")

        // Roster units without a file are not submitted; the ones with a file are not, even an invalid one.
        let missing = Set(audit.notSubmitted.map(\.code))
        XCTAssertEqual(audit.notSubmitted.count, 93 - 4)
        XCTAssertTrue(missing.isSuperset(of: ["20441", "20217", "20728"]))
        XCTAssertTrue(missing.isDisjoint(with: ["20194", "20203", "20211", "20473"]))
        XCTAssertEqual(audit.invalid.first?.code, "20473")

        // The renderers show all of it.
        let text = AuditWritten.text(audit, .en)
        XCTAssertTrue(text.contains("UNITS THAT HAVE NOT SUBMITTED"))
        XCTAssertTrue(text.contains("20441  Xã Thăng Trường"))
        // People read the findings in words, files by their names: no diagnostic code, no folder of the machine.
        XCTAssertFalse(text.contains("error[WC"), text)
        XCTAssertTrue(text.contains(first.lastPathComponent) && text.contains(second.lastPathComponent))
        XCTAssertFalse(text.contains(first.deletingLastPathComponent().path + "/"))
        XCTAssertTrue(text.contains(broken.lastPathComponent) && text.contains("Line 32: "))
        let json = try JSONSerialization.jsonObject(with: Data(AuditJSON.render(audit, language: .en).utf8)) as! [String: Any]
        XCTAssertEqual((json["not_submitted"] as! [Any]).count, 89)
        XCTAssertEqual((json["invalid"] as! [Any]).count, 1)
        XCTAssertEqual((json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String }.sorted(), ["WC301", "WC302", "WC302"])
    }

    func testJSONSchemaCarriesUnitsKeyedByCriterion() throws {
        let audit = AuditFixture.samples.audit
        let json = try JSONSerialization.jsonObject(with: Data(AuditJSON.render(audit, language: .vi).utf8)) as! [String: Any]
        XCTAssertEqual(json["schema"] as? String, "wardcheck.audit/1")
        let summary = json["summary"] as! [String: Any]
        XCTAssertEqual(summary["roster_units"] as? Int, 93)
        XCTAssertEqual(summary["files"] as? Int, 88)
        let units = json["units"] as! [[String: Any]]
        XCTAssertEqual(units.count, 87, "88 files, one of them invalid")
        let trale = try XCTUnwrap(units.first { $0["code"] as? String == "20705" })
        let outcomes = trale["outcomes"] as! [String: String]
        XCTAssertEqual(outcomes.count, 16)
        XCTAssertEqual(outcomes["TC04"], "waived", "an active waiver shows as waived, never passed")
        XCTAssertEqual((json["tallies"] as! [[String: Any]]).count, 16)
    }

    func testMeanUsesTheLanguagesDecimalMark() {
        let audit = AuditFixture.samples.audit
        let mean = String(format: "%.1f", audit.meanPassed)
        XCTAssertTrue(AuditWritten.text(audit, .vi).contains(mean.replacingOccurrences(of: ".", with: ",") + "/16"))
        XCTAssertTrue(AuditWritten.text(audit, .en).contains(mean + "/16"))
        XCTAssertTrue(AuditWritten.text(audit, .vi).contains("Đạt 16/16"))
        XCTAssertTrue(AuditWritten.text(audit, .en).contains("Ready (16/16)"))
    }

    /// Columns line up by character, whatever mix of diacritics the names carry.
    func testTextMatrixColumnsAlign() {
        let text = AuditWritten.text(AuditFixture.samples.audit, .vi)
        // The ranking's rows: a rank, a code, then the name, and the cost.
        let rows = text.components(separatedBy: "\n").filter { $0.range(of: #"^ +\d+ +\d{5}  "#, options: .regularExpression) != nil && $0.contains("₫") }
        XCTAssertEqual(rows.count, AuditFixture.samples.audit.valid)
        let columns = Set(rows.map { row in row.distance(from: row.startIndex, to: row.range(of: " ₫")!.lowerBound) })
        XCTAssertEqual(columns.count, 1, "the cost ends at one character offset in every row")
        // The matrix: every row the same width in characters, whatever diacritics the names carry.
        let matrix = text.components(separatedBy: "\n").filter { $0.range(of: #"^ +\d+ +\d{5}  .*[✓✗?~!] "#, options: .regularExpression) != nil && !$0.contains("₫") }
        XCTAssertEqual(matrix.count, AuditFixture.samples.audit.valid)
        XCTAssertEqual(Set(matrix.map(\.count)).count, 1, "every matrix row is the same width in characters")
        XCTAssertFalse(text.contains("\u{1B}["), "no colour unless asked")
        XCTAssertTrue(AuditWritten.text(AuditFixture.samples.audit, .vi, colour: true).contains("\u{1B}[32m✓"))
    }
}
