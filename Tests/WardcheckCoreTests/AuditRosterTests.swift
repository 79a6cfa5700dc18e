import WardcheckCore
import XCTest

/// The audit's cross-checks against the city roster, on a city worked out by hand (shipped
/// criteria, judged on 2025-07-10):
///
/// - roster, in its own order: 10006 Xã Giang, 10001 Phường An, 10002 Phường Bình, 10003 Xã Cát,
///   10004 Xã Đông, 10005 Xã Em;
/// - 10001-an.yaml: the ready ward, 16/16;
/// - 10002-binh.yaml: the ready ward named "Phường Bình Mới", not the roster's "Phường Bình";
/// - 10003-cat.yaml: `firewall: yes`, invalid, but its code is readable;
/// - 19999-la.yaml: "Xã Lạ", a code the roster does not have, without a firewall (TC16 failed, 1 firewall to buy);
/// - 19998-khong-ro.yaml: invalid, a code the roster does not have either.
///
/// Submitted: 10001, 10002 (valid) and 10003 (invalid); so 10006, 10004, 10005 have not.
final class AuditRosterTests: XCTestCase {
    private let roster = [("10006", "Xã Giang"), ("10001", "Phường An"), ("10002", "Phường Bình"),
                          ("10003", "Xã Cát"), ("10004", "Xã Đông"), ("10005", "Xã Em")]

    private func files() throws -> [(name: String, facts: String)] {
        [("10001-an.yaml", try Ward.ready("10001", "Phường An")),
         ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình Mới")),
         ("10003-cat.yaml", try Ward.ready("10003", "Xã Cát", [Ward.firewallYes])),
         ("19999-la.yaml", try Ward.ready("19999", "Xã Lạ", [Ward.noFirewall])),
         ("19998-khong-ro.yaml", try Ward.ready("19998", "Xã Không Rõ", [Ward.firewallYes]))]
    }

    private func audit(roster: [(code: String, name: String)]?) throws -> Audit {
        try SmallCity(criteria: Repo.loadCriteria(), roster: roster, test: self).audit(try files())
    }

    func testNotSubmittedAreTheRosterUnitsWithNoFileInRosterOrder() throws {
        let audit = try audit(roster: roster)
        // 10001 and 10002 have rows, 10003 an invalid file: the other three, as the roster lists them.
        XCTAssertEqual(audit.notSubmitted.map(\.code), ["10006", "10004", "10005"])
        XCTAssertEqual(audit.notSubmitted.map(\.name), ["Xã Giang", "Xã Đông", "Xã Em"])
        XCTAssertEqual(audit.rosterSize, 6)
    }

    func testAnInvalidFileOfARosterUnitCountsAsSubmittedUnderTheRostersName() throws {
        let audit = try audit(roster: roster)
        // Sorted by file: 10003-cat.yaml before 19998-khong-ro.yaml.
        XCTAssertEqual(audit.invalid.map(\.file), ["10003-cat.yaml", "19998-khong-ro.yaml"])
        XCTAssertEqual(audit.invalid.map(\.code), ["10003", "19998"])
        XCTAssertEqual(audit.invalid.map(\.name), ["Xã Cát", nil], "19998 is not in the roster: nobody knows it by a name")
        XCTAssertFalse(audit.notSubmitted.contains { $0.code == "10003" })
    }

    func testAFileWhoseCodeIsNotInTheRosterLeavesTheCountsWithAnError() throws {
        let audit = try audit(roster: roster)
        XCTAssertEqual(audit.files, 5, "every file read is counted, kept or not")
        XCTAssertEqual(audit.rows.map(\.code), ["10001", "10002"])
        let strangers = audit.diagnostics.filter { $0.code == .notInRoster }
        XCTAssertEqual(strangers.map(\.file), ["19999-la.yaml"])
        XCTAssertEqual(strangers.map(\.severity), [.error])
        XCTAssertTrue(strangers.first?.message.en.contains("unit code 19999 (Xã Lạ) is not in the roster") ?? false, "\(strangers.map(\.message.en))")
        // Xã Lạ's missing firewall counts nowhere: TC16 passed by 10001 and 10002 alone, nothing to buy.
        let tc16 = try XCTUnwrap(audit.tallies.first { $0.id == "TC16" })
        XCTAssertEqual([tc16.passed, tc16.failed], [2, 0])
        XCTAssertTrue(audit.plan.isEmpty)
        XCTAssertEqual(audit.grandTotal, 0)
    }

    func testANameThatDiffersFromTheRosterIsAWarningAndTheUnitStays() throws {
        let audit = try audit(roster: roster)
        let renamed = audit.diagnostics.filter { $0.code == .rosterMismatch }
        XCTAssertEqual(renamed.map(\.file), ["10002-binh.yaml"])
        XCTAssertEqual(renamed.map(\.severity), [.warning])
        XCTAssertEqual(renamed.first?.message.en, "unit 10002 is named “Phường Bình Mới” here but “Phường Bình” in the roster")
        XCTAssertEqual(audit.rows.first { $0.code == "10002" }?.name, "Phường Bình Mới", "the row keeps the file's own name")
        XCTAssertEqual(audit.valid, 2)
    }

    func testWithoutARosterEveryValidFileCountsAndNothingIsMissing() throws {
        let audit = try audit(roster: nil)
        // 10001 and 10002 at 16/16, then Xã Lạ at 15/16 (no firewall).
        XCTAssertEqual(audit.rows.map(\.code), ["10001", "10002", "19999"])
        XCTAssertTrue(audit.notSubmitted.isEmpty)
        XCTAssertTrue(audit.diagnostics.isEmpty)
        XCTAssertEqual(audit.invalid.map(\.name), [nil, nil])
        XCTAssertNil(audit.rosterSize)
        XCTAssertEqual(audit.grandTotal, 30_000_000, "Xã Lạ's firewall: 1 × 30.000.000")
    }

    /// The roster's own columns, in the order the roster first writes them, labelled by the schema.
    func testRosterColumnsAreTheFactsTheRosterWritesInTheOrderFirstWritten() throws {
        let text = """
        roster: 1
        units:
          - { code: "10001", name: "Phường An" }
          - { code: "10002", name: "Xã Bình", terrain: island }
          - { code: "10003", name: "Xã Cát", type: commune, terrain: mountain }

        """
        let audit = try SmallCity(criteria: Repo.loadCriteria(), rosterText: text, test: self).audit([])
        // 10001 writes nothing; 10002 writes the terrain first; 10003 adds the type.
        XCTAssertEqual(audit.rosterColumns.map(\.key), ["terrain", "type"])
        XCTAssertEqual(audit.rosterColumns.map(\.label.vi), ["Địa hình", "Loại đơn vị"])
        XCTAssertEqual(audit.rosterColumns.first?.display("island").vi, "hải đảo")
        XCTAssertEqual(audit.rosterColumns.last?.display("commune").vi, "xã")
        XCTAssertEqual(audit.notSubmitted.map(\.code), ["10001", "10002", "10003"])
    }
}
