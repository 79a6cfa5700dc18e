import Foundation
import XCTest

/// `wardcheck audit --fail-on KIND` from the built binary: each kind on a city folder that has
/// that finding and no other, chosen alone (exit 2 for invalid files, 1 for the rest) and left
/// out (exit 0). The folder's units are the CI ward (16/16 on 2025-07-10, its facts of
/// 2025-07-05) under other codes, with one line changed; its roster lists them by code and name.
final class AuditGateCLITests: XCTestCase {
    private static let allKinds = ["invalid", "failed", "not-reported", "not-evaluable", "not-submitted", "stale"]

    /// A city folder: roster.yaml listing `roster` (codes, each named as the CI ward is) and the files.
    private func city(roster: [String], files: [(name: String, text: String)]) throws -> URL {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let units = roster.map { "  - { code: \"\($0)\", name: \"Phường Thử Nghiệm\" }\n" }.joined()
        try CIWard.write("roster: 1\nunits:\n" + units, "roster.yaml", in: folder)
        for file in files { try CIWard.write(file.text, file.name, in: folder) }
        return folder
    }

    private func status(_ folder: URL, failOn kinds: [String], _ extra: [String] = [], criteria: String = CIWard.criteria) throws -> Int32 {
        let out = try WardcheckProcess.run(["audit", folder.path, "--as-of", "2025-07-10", "--fail-on", kinds.joined(separator: ","),
                                            "-o", "/dev/null", "--criteria", criteria] + extra, in: folder)
        XCTAssertNotEqual(out.status, 64, out.stderr)
        return out.status
    }

    /// The exit codes with `kind` chosen alone and with every other kind chosen.
    private func statuses(_ folder: URL, _ kind: String, _ extra: [String] = [], criteria: String = CIWard.criteria) throws -> [Int32] {
        [try status(folder, failOn: [kind], extra, criteria: criteria),
         try status(folder, failOn: Self.allKinds.filter { $0 != kind }, extra, criteria: criteria)]
    }

    private var ready: (name: String, text: String) { ("99001.yaml", CIWard.ready) }

    func testInvalid() throws {
        let folder = try city(roster: ["99001", "99002"], files: [ready, ("99002.yaml", CIWard.renamed(CIWard.invalid, code: "99002"))])
        XCTAssertEqual(try statuses(folder, "invalid"), [2, 0])
    }

    func testACodeNotInTheRosterIsCountedAsInvalid() throws {
        let folder = try city(roster: ["99001"], files: [ready, ("99009.yaml", CIWard.renamed(CIWard.ready, code: "99009"))])
        XCTAssertEqual(try statuses(folder, "invalid"), [2, 0])
    }

    func testFailed() throws {
        let folder = try city(roster: ["99001", "99002"], files: [ready, ("99002.yaml", CIWard.renamed(CIWard.failing, code: "99002"))])
        XCTAssertEqual(try statuses(folder, "failed"), [1, 0])
    }

    func testNotReported() throws {
        let folder = try city(roster: ["99001", "99002"], files: [ready, ("99002.yaml", CIWard.renamed(CIWard.notReported, code: "99002"))])
        XCTAssertEqual(try statuses(folder, "not-reported"), [1, 0])
    }

    func testNotEvaluable() throws {
        // No shipped criterion can be left without an answer by valid facts, so the shipped
        // criteria get a seventeenth, TN: printers ≥ 10 ÷ one-stop desks. The CI ward's 10
        // printers ≥ 10 ÷ 4 pass it; 0 desks is a division by zero: not evaluable (TC09 still
        // passes: 4 scanners ≥ max(0, 1)).
        let criteria = try WardcheckProcess.temporaryFolder(self)
        for name in try FileManager.default.contentsOfDirectory(atPath: CIWard.criteria) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: CIWard.criteria + "/" + name, toPath: criteria.appendingPathComponent(name).path)
        }
        try CIWard.write("""
            id: TN
            group: equipment
            title: { vi: "Máy in cho bàn một cửa", en: "Printers for the one-stop desks" }
            rationale: { vi: "Thử", en: "Test" }
            source: "test"
            checks:
              - id: per_desk
                title: { vi: "Máy in cho bàn một cửa", en: "Printers for the one-stop desks" }
                require: { fact: equipment.printers.working, at_least: { divide: [10, { fact: equipment.service_counter.desks }] } }
                remedy: { item: printer, quantity: shortfall, text: { vi: "Mua {quantity} máy in", en: "Buy printers: {quantity}" } }
            examples:
              - { facts: { equipment: { printers: { working: 10 }, service_counter: { desks: 4 } } }, expect: passed }
              - { facts: { equipment: { printers: { working: 1 }, service_counter: { desks: 4 } } }, expect: failed }

            """, "TN.yaml", in: criteria)
        let noDesk = CIWard.renamed(CIWard.ready, code: "99002").replacingOccurrences(of: "desks: 4,", with: "desks: 0,")
        XCTAssertNotEqual(noDesk, CIWard.renamed(CIWard.ready, code: "99002"))
        let folder = try city(roster: ["99001", "99002"], files: [ready, ("99002.yaml", noDesk)])
        XCTAssertEqual(try statuses(folder, "not-evaluable", criteria: criteria.path), [1, 0])
    }

    func testNotSubmitted() throws {
        let folder = try city(roster: ["99001", "99002"], files: [ready])
        XCTAssertEqual(try statuses(folder, "not-submitted"), [1, 0])
    }

    func testStale() throws {
        // Facts of 2025-07-05 judged on 2025-07-10 are 5 days old: stale after 4 days, not after 5.
        let folder = try city(roster: ["99001"], files: [ready])
        XCTAssertEqual(try statuses(folder, "stale", ["--stale-after", "4"]), [1, 0])
        XCTAssertEqual(try status(folder, failOn: ["stale"], ["--stale-after", "5"]), 0)
    }

    func testAnAuditOfNoUnitExitsTwoWhateverTheGate() throws {
        // Its one file is invalid: no unit is judged, so the audit says nothing about the city.
        let folder = try city(roster: ["99001"], files: [("99001.yaml", CIWard.invalid)])
        XCTAssertEqual(try status(folder, failOn: ["failed"]), 2)
        XCTAssertEqual(try status(folder, failOn: ["not-submitted", "stale"]), 2)
    }

    func testTheDefaultGateCountsFailuresButNotCompleteness() throws {
        let folder = try city(roster: ["99001", "99002", "99003"], files: [ready, ("99002.yaml", CIWard.renamed(CIWard.failing, code: "99002"))])
        let run = try CIWard.run(["audit", folder.path, "--as-of", "2025-07-10", "-o", "/dev/null"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        let complete = try city(roster: ["99001", "99003"], files: [ready])
        XCTAssertEqual(try CIWard.run(["audit", complete.path, "--as-of", "2025-07-10", "--stale-after", "0", "-o", "/dev/null"], in: complete).status,
                       0, "99003 not submitted and 99001's facts 5 days old: neither counts unless asked for")
    }
}
