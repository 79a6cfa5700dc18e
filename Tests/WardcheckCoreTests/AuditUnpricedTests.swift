import WardcheckCore
import XCTest

/// A purchase whose quantity waits on a fact the unit left out is "unpriced": listed on the unit's
/// row once, never priced or guessed into a quantity, and counted on the plan line of the item's
/// usual party only, even when a criterion has another party buy the same item.
///
/// Criteria: the shipped TC09 (a scanner per one-stop desk, at least one, bought by city
/// procurement) and TX, written here: the same scanners supplied by the city's Department of
/// Science and Technology (`who: city_digital`), another party for the same item.
/// Scanners cost 12.000.000 ₫ in the catalogue.
final class AuditUnpricedTests: XCTestCase {
    private static let counterScanners = SmallCriteria.criterion("TX", group: "equipment", title: "Máy quét một cửa", checks: """
          - id: counter_scanners
            title: { vi: "Mỗi bàn một máy quét", en: "A scanner per desk" }
            require: { fact: equipment.service_counter.scanners, at_least: { max: [{ fact: equipment.service_counter.desks }, 1] } }
            remedy:
              item: scanner
              quantity: shortfall
              who: city_digital
              text: { vi: "Sở KH&CN cấp {quantity} máy quét", en: "The Department supplies scanners: {quantity}" }
        """)

    private func city() throws -> SmallCity {
        try SmallCity(criteria: SmallCriteria.load(copying: ["TC09"], adding: [("TX", Self.counterScanners)], test: self), roster: nil, test: self)
    }

    /// No scanner and the desks left out: at least max(desks, 1) ≥ 1 scanner is needed, so both
    /// criteria fail, but how many to buy depends on the desks. Each also asks for the desks to be reported.
    private func desksLeftOut(_ code: String, _ name: String) throws -> String {
        try Ward.ready(code, name, [(find: "service_counter: { desks: 4, scanners: 4 }", replace: "service_counter: { scanners: 0 }")])
    }

    /// 2 scanners for 4 desks: 2 short in both criteria, each priced: 2 × 12.000.000 = 24.000.000.
    private func twoScannersForFourDesks(_ code: String, _ name: String) throws -> String {
        try Ward.ready(code, name, [(find: "desks: 4, scanners: 4", replace: "desks: 4, scanners: 2")])
    }

    func testAnUnpricedPurchaseIsListedOnceAndCountedOnTheUsualPartysLineOnly() throws {
        let audit = try city().audit([("10001-an.yaml", try desksLeftOut("10001", "Phường An")),
                                      ("10002-binh.yaml", try twoScannersForFourDesks("10002", "Phường Bình")),
                                      ("10003-cat.yaml", try desksLeftOut("10003", "Xã Cát"))])
        // Every unit meets neither criterion: ranked by code.
        XCTAssertEqual(audit.rows.map(\.code), ["10001", "10002", "10003"])
        XCTAssertEqual(audit.rows.map(\.unpriced), [["scanner"], [], ["scanner"]], "one item, listed once though two criteria buy it")
        XCTAssertEqual(audit.rows.map(\.cost), [0, 48_000_000, 0], "10002: 2 × 12.000.000 from each party")
        // 10001 and 10003 need only "report the missing facts" (one remedy per criterion): nothing priced.
        XCTAssertEqual(audit.rows[0].needs.map { audit.tasks[Int($0.index)].key }, ["report"])
        XCTAssertEqual(audit.rows[0].needs.map(\.quantity), [2])

        // One line per (item, party), the usual party first; only 10002's two scanners are priced on each.
        XCTAssertEqual(audit.plan.map(\.role), ["city_procurement", "city_digital"])
        XCTAssertEqual(audit.plan.map(\.item), ["scanner", "scanner"])
        XCTAssertEqual(audit.plan.map(\.quantity), [2, 2])
        XCTAssertEqual(audit.plan.map(\.units), [1, 1])
        XCTAssertEqual(audit.plan.map(\.total), [24_000_000, 24_000_000])
        // 10001 and 10003 wait on their desks: counted once, on city procurement's line, the scanner's usual party.
        XCTAssertEqual(audit.plan.map(\.unpricedUnits), [2, 0])
        XCTAssertEqual(audit.grandTotal, 48_000_000)
    }

    func testAnItemOnlyUnpricedUnitsNeedStillHasItsLine() throws {
        let audit = try city().audit([("10001-an.yaml", try desksLeftOut("10001", "Phường An")),
                                      ("10003-cat.yaml", try desksLeftOut("10003", "Xã Cát"))])
        // Nothing priced, but the city must know two units will need scanners: one line, the usual party's.
        XCTAssertEqual(audit.plan.map(\.role), ["city_procurement"])
        XCTAssertEqual(audit.plan.map(\.quantity), [0])
        XCTAssertEqual(audit.plan.map(\.units), [0])
        XCTAssertEqual(audit.plan.map(\.unpricedUnits), [2])
        XCTAssertEqual(audit.grandTotal, 0)
    }
}
