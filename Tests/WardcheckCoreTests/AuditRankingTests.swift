import WardcheckCore
import XCTest

/// How the audit orders what it found: units by criteria met (most first), then by code; criteria
/// by how many units they keep below 16/16 (failed + not reported + not evaluable, most first),
/// then in criterion order. A city of five worked out by hand (shipped criteria, 2025-07-10),
/// added in an order that is neither:
///
/// | unit | changed from the ready ward | outcome |
/// |---|---|---|
/// | 10005 Xã Em | 40 computers for 45 officials | TC08 failed: 15/16 |
/// | 10003 Xã Cát | printers left out | TC10 not reported: 15/16 |
/// | 10001 Phường An | no firewall | TC16 failed: 15/16 |
/// | 10004 Xã Đông | printers left out, no firewall | TC10 not reported, TC16 failed: 14/16 |
/// | 10002 Phường Bình | nothing | 16/16 |
///
/// (A criterion not evaluable blocks a unit too: `RuleLanguageTests` counts one in a tally.)
final class AuditRankingTests: XCTestCase {
    private func audit() throws -> Audit {
        let city = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self)
        return city.audit([
            ("10005-em.yaml", try Ward.ready("10005", "Xã Em", Ward.computers(40))),
            ("10003-cat.yaml", try Ward.ready("10003", "Xã Cát", [Ward.printersLeftOut])),
            ("10001-an.yaml", try Ward.ready("10001", "Phường An", [Ward.noFirewall])),
            ("10004-dong.yaml", try Ward.ready("10004", "Xã Đông", [Ward.printersLeftOut, Ward.noFirewall])),
            ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình")),
        ])
    }

    func testUnitsAreRankedByCriteriaMetThenByCode() throws {
        let audit = try audit()
        // 16; then the three at 15 by code: 10001, 10003, 10005; then 14.
        XCTAssertEqual(audit.rows.map(\.code), ["10002", "10001", "10003", "10005", "10004"])
        XCTAssertEqual(audit.rows.map(\.passed), [16, 15, 15, 15, 14])
        XCTAssertEqual(audit.rows.map(\.ready), [true, false, false, false, false])
        // Where each came in the input (0 first), which a streamed report uses to find its part again.
        XCTAssertEqual(audit.rows.map(\.input), [4, 2, 1, 0, 3])
    }

    func testEachCriterionsOutcomesAreCountedOverTheUnits() throws {
        let tallies = Dictionary(uniqueKeysWithValues: try audit().tallies.map { ($0.id, $0) })
        func counts(_ id: String) -> [Int] {
            let t = tallies[id]!
            return [t.passed, t.failed, t.notReported, t.notEvaluable, t.waived]
        }
        XCTAssertEqual(counts("TC16"), [3, 2, 0, 0, 0], "10001 and 10004 have no firewall")
        XCTAssertEqual(counts("TC10"), [3, 0, 2, 0, 0], "10003 and 10004 left their printers out")
        XCTAssertEqual(counts("TC08"), [4, 1, 0, 0, 0])
        XCTAssertEqual(counts("TC01"), [5, 0, 0, 0, 0])
    }

    func testCriteriaAreOrderedByUnitsBlockedThenInCriterionOrder() throws {
        let tallies = try audit().tallies
        // TC10 (2 not reported) and TC16 (2 failed) block two units each: criterion order between them.
        // TC08 (1 failed) blocks one. The thirteen others block none, in criterion order.
        XCTAssertEqual(tallies.map(\.id), ["TC10", "TC16", "TC08",
                                           "TC01", "TC02", "TC03", "TC04", "TC05", "TC06", "TC07", "TC09", "TC11", "TC12", "TC13", "TC14", "TC15"])
        XCTAssertEqual(tallies.prefix(4).map(\.blocking), [2, 2, 1, 0])
    }
}
