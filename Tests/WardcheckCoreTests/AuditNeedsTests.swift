import WardcheckCore
import XCTest

/// One unit's remedies become one need per task: the quantities of the remedies asking for the
/// same thing of the same party summed, the remedies counted, the needs in task order (items,
/// then actions, each in catalogue order), whatever order the criteria gave the remedies in.
///
/// Criteria: the shipped TC15 (shared-system accounts, three checks, each opening as many
/// accounts as are short) and TZ, written here: printers for the officials and for the
/// one-stop desks, two checks that each buy the printers they find short.
final class AuditNeedsTests: XCTestCase {
    private static let printers = SmallCriteria.criterion("TZ", group: "equipment", title: "Máy in", checks: """
          - id: per_official
            title: { vi: "Một máy in cho 5 cán bộ", en: "A printer per 5 officials" }
            require: { fact: equipment.printers.working, at_least: { ceil: { divide: [{ fact: staffing.officials }, 5] } } }
            remedy: { item: printer, quantity: shortfall, text: { vi: "Mua {quantity} máy in", en: "Buy printers: {quantity}" } }
          - id: per_desk
            title: { vi: "Một máy in cho mỗi bàn một cửa", en: "A printer per one-stop desk" }
            require: { fact: equipment.printers.working, at_least: { fact: equipment.service_counter.desks } }
            remedy: { item: printer, quantity: shortfall, text: { vi: "Mua {quantity} máy in", en: "Buy printers: {quantity}" } }
        """)

    private func city() throws -> SmallCity {
        try SmallCity(criteria: SmallCriteria.load(copying: ["TC15"], adding: [("TZ", Self.printers)], test: self), roster: nil, test: self)
    }

    /// The task each need is for, with its quantity and remedies: "printer 5×2".
    private func needs(_ row: Audit.Row, _ audit: Audit) -> [String] {
        row.needs.map { "\(audit.tasks[Int($0.index)].key) \($0.quantity)×\($0.remedies)" }
    }

    func testOneUnitsRemediesForOneTaskAreMergedAndPutInTaskOrder() throws {
        // 45 officials, 6 printers, 8 one-stop desks, 40 document accounts, 42 mailboxes:
        // TZ: ⌈45 ÷ 5⌉ = 9 printers, 9 − 6 = 3 short; 8 desks, 8 − 6 = 2 short: printer 3 + 2 = 5, from 2 remedies.
        // TC15: 45 − 40 = 5 document accounts, 45 − 42 = 3 mailboxes: open_accounts 5 + 3 = 8, from 2 remedies.
        // TC15 comes before TZ, so its remedies come first; the printer is an item, so its need comes first.
        let unit = try Ward.ready("10001", "Phường An", [Ward.sixPrinters, (find: "desks: 4,", replace: "desks: 8,")] + Ward.accountsShort)
        let audit = try city().audit([("10001-an.yaml", unit)])
        let row = try XCTUnwrap(audit.rows.first)
        XCTAssertEqual(row.remedies.map(\.kindKey), ["open_accounts", "open_accounts", "printer", "printer"])
        XCTAssertEqual(needs(row, audit), ["printer 5×2", "open_accounts 8×2"])
        XCTAssertEqual(row.cost, 30_000_000, "5 printers × 6.000.000")
        XCTAssertEqual(row.passed, 0)
    }

    func testEachUnitKeepsItsOwnNeeds() throws {
        // 10001: 6 printers for 9 (3 short), 4 desks (6 ≥ 4): printer 3 from 1 remedy; one mailbox short.
        // 10002: 8 printers for 9 (1 short) and for 8 desks (8 ≥ 8): printer 1 from 1 remedy; TC15 met.
        let audit = try city().audit([
            ("10001-an.yaml", try Ward.ready("10001", "Phường An", [Ward.sixPrinters, Ward.oneMailboxShort])),
            ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình", [(find: "printers: { working: 10 }", replace: "printers: { working: 8 }"),
                                                                         (find: "desks: 4,", replace: "desks: 8,")])),
        ])
        // 10002 meets TC15, 10001 neither criterion: 10002 ranks first.
        XCTAssertEqual(audit.rows.map(\.code), ["10002", "10001"])
        XCTAssertEqual(needs(audit.rows[0], audit), ["printer 1×1"])
        XCTAssertEqual(needs(audit.rows[1], audit), ["printer 3×1", "open_accounts 1×1"])
        XCTAssertEqual(audit.rows.map(\.cost), [6_000_000, 18_000_000], "1 × 6.000.000 and 3 × 6.000.000")
    }
}
