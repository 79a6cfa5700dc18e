import WardcheckCore
import XCTest

/// The procurement plan, the actions and the parties, on a city of five units worked out by hand
/// from the shipped criteria and catalogue (judged on 2025-07-10):
///
/// | unit | changed from the ready ward | fails | needs |
/// |---|---|---|---|
/// | 10001 Phường An | 40 computers, no IT officer | TC08, TC11: 14/16 | 5 computers; designate an IT officer |
/// | 10002 Phường Bình | 42 computers, 6 printers, 44 mailboxes | TC08, TC10, TC15: 13/16 | 3 computers, 3 printers; 1 account |
/// | 10003 Xã Cát | no firewall, 40 document accounts, 42 mailboxes | TC15, TC16: 14/16 | 1 firewall; 5 + 3 = 8 accounts (2 remedies) |
/// | 10004 Xã Đông | nothing | 16/16 | — |
/// | 10005 Xã Em | no fibre, no 4G at the office, video test 70 days old, no IT officer | TC01, TC04, TC05, TC11: 12/16 | 1 fibre upgrade; extend coverage, test the endpoint, designate an IT officer |
///
/// Ranked (criteria met, then code): 10004 (0), 10001 (1), 10003 (2), 10002 (3), 10005 (4).
/// Every action here has remedies that all carry a quantity (open_accounts) or none do.
final class AuditPlanTests: XCTestCase {
    private func audit() throws -> Audit {
        let city = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self)
        return city.audit([
            ("10005-em.yaml", try Ward.ready("10005", "Xã Em", [Ward.noFibre, Ward.no4GAtTheOffice, Ward.videoTestInMay, Ward.noITOfficer])),
            ("10001-an.yaml", try Ward.ready("10001", "Phường An", Ward.computers(40) + [Ward.noITOfficer])),
            ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình", Ward.computers(42) + [Ward.sixPrinters, Ward.oneMailboxShort])),
            ("10003-cat.yaml", try Ward.ready("10003", "Xã Cát", [Ward.noFirewall] + Ward.accountsShort)),
            ("10004-dong.yaml", try Ward.ready("10004", "Xã Đông")),
        ])
    }

    /// A line's units as "row×quantity", rows by their place in the ranking.
    private func shares(_ shares: [Audit.Need]) -> String {
        shares.map { "\($0.index)×\($0.quantity)" }.joined(separator: " ")
    }

    func testRanking() throws {
        let audit = try audit()
        XCTAssertEqual(audit.rows.map(\.code), ["10004", "10001", "10003", "10002", "10005"])
        XCTAssertEqual(audit.rows.map(\.passed), [16, 14, 14, 13, 12])
        // 0; 5 × 15.000.000; 30.000.000; 3 × 15.000.000 + 3 × 6.000.000 = 63.000.000; 5.000.000.
        XCTAssertEqual(audit.rows.map(\.cost), [0, 75_000_000, 30_000_000, 63_000_000, 5_000_000])
    }

    func testOnePlanLinePerItemAndPartyOverEveryUnit() throws {
        let audit = try audit()
        // In catalogue order: computer, printer, fibre_upgrade, firewall.
        XCTAssertEqual(audit.plan.map(\.item), ["computer", "printer", "fibre_upgrade", "firewall"])
        XCTAssertEqual(audit.plan.map(\.role), ["city_procurement", "city_procurement", "telecom", "city_procurement"])
        // Computers: 5 (10001) + 3 (10002) = 8.
        XCTAssertEqual(audit.plan.map(\.quantity), [8, 3, 1, 1])
        XCTAssertEqual(audit.plan.map(\.units), [2, 1, 1, 1])
        XCTAssertEqual(audit.plan.map { shares($0.shares) }, ["1×5 3×3", "3×3", "4×1", "2×1"])
        // 8 × 15.000.000; 3 × 6.000.000; 1 × 5.000.000; 1 × 30.000.000.
        XCTAssertEqual(audit.plan.map(\.total), [120_000_000, 18_000_000, 5_000_000, 30_000_000])
        XCTAssertEqual(audit.plan.map(\.unpricedUnits), [0, 0, 0, 0])
        XCTAssertEqual(audit.grandTotal, 173_000_000, "120 + 18 + 5 + 30 million")
    }

    func testOneActionLinePerActionAndPartyWithItsRemediesCounted() throws {
        let audit = try audit()
        // In catalogue order: designate_it_officer, open_accounts, test_video_conference, extend_mobile_coverage.
        XCTAssertEqual(audit.actions.map(\.key), ["designate_it_officer", "open_accounts", "test_video_conference", "extend_mobile_coverage"])
        XCTAssertEqual(audit.actions.map(\.role), ["unit_chair", "city_digital", "unit_office", "telecom"])
        // Accounts: 10003's two remedies (5 + 3) and 10002's one (1): 3 remedies, 9 accounts, 2 units.
        XCTAssertEqual(audit.actions.map(\.count), [2, 3, 1, 1])
        XCTAssertEqual(audit.actions.map(\.quantity), [2, 9, 1, 1])
        XCTAssertEqual(audit.actions.map(\.units), [2, 2, 1, 1])
        XCTAssertEqual(audit.actions.map { shares($0.shares) }, ["1×1 4×1", "2×8 3×1", "4×1", "4×1"])
        XCTAssertEqual(audit.actions[1].shares.map(\.remedies), [2, 1])
    }

    func testPartiesInCatalogueOrderWithTheirUnitsCountedOnce() throws {
        let audit = try audit()
        // The catalogue's roles: city_procurement, city_digital, telecom, signature_provider, unit_chair,
        // unit_office; the signature provider has nothing to do here.
        XCTAssertEqual(audit.parties.map(\.role), ["city_procurement", "city_digital", "telecom", "unit_chair", "unit_office"])
        // Procurement buys for 10001, 10002 (computers and printers: one unit) and 10003: 3 units.
        // Telecom upgrades 10005's fibre and extends its coverage: 1 unit.
        XCTAssertEqual(audit.parties.map(\.units), [3, 2, 1, 2, 1])
        // 120 + 18 + 30 million; accounts cost nothing; 5 million; actions cost nothing.
        XCTAssertEqual(audit.parties.map(\.total), [168_000_000, 0, 5_000_000, 0, 0])
        XCTAssertEqual(audit.parties.map(\.plan), [[0, 1, 3], [], [2], [], []])
        XCTAssertEqual(audit.parties.map(\.actions), [[], [1], [3], [0], [2]])
    }
}
