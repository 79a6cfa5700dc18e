import WardcheckCore
import XCTest

/// Invalid files are kept apart from the units' rows, each with its error count, its first three
/// errors (enough to tell the unit what to fix first) and its code when readable; warnings are
/// not errors. Worked out by hand on the ready ward with five lines spoilt.
final class AuditInvalidFileTests: XCTestCase {
    /// Four booleans that are not booleans, on lines 5, 8, 21 and 31 of the ready ward, and one
    /// number written with a thousands dot (`300.000`, read as 300: a warning, not an error) on line 5.
    private func fourErrorsAndAWarning(_ code: String) throws -> String {
        try Ward.ready(code, "Xã Sai", [
            (find: "fibre: true, download_mbps: 300,", replace: "fibre: yes, download_mbps: 300.000,"),
            (find: "all_offices: true", replace: "all_offices: yes"),
            (find: "  it_officer: true\n", replace: "  it_officer: có\n"),
            Ward.firewallYes,
        ])
    }

    func testAnInvalidFileKeepsItsCodeItsErrorCountAndItsFirstThreeErrors() throws {
        let city = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self)
        let audit = city.audit([("10001-an.yaml", try Ward.ready("10001", "Phường An")),
                                ("10009-sai.yaml", try fourErrorsAndAWarning("10009"))])
        XCTAssertEqual(audit.files, 2)
        XCTAssertEqual(audit.rows.map(\.code), ["10001"], "an invalid file has no row")
        let invalid = try XCTUnwrap(audit.invalid.first)
        XCTAssertEqual(audit.invalid.count, 1)
        XCTAssertEqual(invalid.file, "10009-sai.yaml")
        XCTAssertEqual(invalid.code, "10009")
        XCTAssertEqual(invalid.errorCount, 4, "four errors; the warning is not one")
        // The first three errors in the file's order: fibre (line 5), the LAN (line 8), the IT officer (line 21).
        XCTAssertEqual(invalid.firstErrors.map(\.start.line), [5, 8, 21])
        XCTAssertEqual(invalid.firstErrors.map(\.code), [.notBoolean, .notBoolean, .notBoolean])
        // Nothing of the invalid file reaches the tallies: TC16 passed by 10001 alone, failed by no one.
        let tc16 = try XCTUnwrap(audit.tallies.first { $0.id == "TC16" })
        XCTAssertEqual([tc16.passed, tc16.failed, tc16.notReported], [1, 0, 0])
    }

    func testInvalidFilesAreListedByFileWhateverOrderTheyCameIn() throws {
        let city = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self)
        let audit = city.audit([("10001-an.yaml", try Ward.ready("10001", "Phường An")),
                                ("10012-xa.yaml", try Ward.ready("10012", "Xã Xa", [Ward.firewallYes])),
                                ("10011-gan.yaml", try Ward.ready("10011", "Xã Gần", [Ward.firewallYes]))])
        XCTAssertEqual(audit.invalid.map(\.file), ["10011-gan.yaml", "10012-xa.yaml"])
        XCTAssertEqual(audit.invalid.map(\.errorCount), [1, 1])
    }
}
