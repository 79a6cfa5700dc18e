import WardcheckCore
import XCTest

/// Two files with one unit code: neither can be trusted, so both leave the rows, the tallies and
/// the plan, and each is named by a diagnostic that lists both. Worked out by hand on the shipped
/// criteria (2025-07-10): unit 10001 sends a file without a firewall (TC16 failed, 1 firewall)
/// and a corrected one with 40 computers (TC08 failed, 5 computers); 10002 sends the ready ward.
final class AuditDuplicateTests: XCTestCase {
    private func files() throws -> [(name: String, facts: String)] {
        [("10001-an.yaml", try Ward.ready("10001", "Phường An", [Ward.noFirewall])),
         ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình")),
         ("10001-an-sua.yaml", try Ward.ready("10001", "Phường An", Ward.computers(40)))]
    }

    private func checkBothFilesLeaveTheCounts(_ audit: Audit) throws {
        XCTAssertEqual(audit.rows.map(\.code), ["10002"])
        let tallies = Dictionary(uniqueKeysWithValues: audit.tallies.map { ($0.id, $0) })
        // Only 10002 counts: it passes TC08 and TC16, and nobody fails them.
        XCTAssertEqual([tallies["TC16"]!.passed, tallies["TC16"]!.failed], [1, 0])
        XCTAssertEqual([tallies["TC08"]!.passed, tallies["TC08"]!.failed], [1, 0])
        XCTAssertTrue(audit.plan.isEmpty, "neither the firewall nor the computers are bought")
    }

    private func checkEachFileIsNamedWithTheOther(_ audit: Audit) {
        let twice = audit.diagnostics.filter { $0.code == .duplicateUnit }
        XCTAssertEqual(twice.map(\.file).sorted(), ["10001-an-sua.yaml", "10001-an.yaml"])
        for diagnostic in twice {
            XCTAssertEqual(diagnostic.severity, .error)
            // Neither name is part of the other, so each is found only where it is written.
            for file in ["10001-an.yaml", "10001-an-sua.yaml"] {
                XCTAssertTrue(diagnostic.message.en.contains(file),
                              "\(diagnostic.file): \(diagnostic.message.en) does not name \(file)")
            }
        }
    }

    func testTwoFilesForOneUnitBothLeaveTheCountsAndAreNamedTogether() throws {
        let audit = try SmallCity(criteria: Repo.loadCriteria(), roster: [("10001", "Phường An"), ("10002", "Phường Bình")], test: self)
            .audit(try files())
        try checkBothFilesLeaveTheCounts(audit)
        checkEachFileIsNamedWithTheOther(audit)
    }

    func testWithoutARosterTwoFilesForOneUnitAreStillSetAside() throws {
        let audit = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self).audit(try files())
        try checkBothFilesLeaveTheCounts(audit)
        checkEachFileIsNamedWithTheOther(audit)
    }
}
