import WardcheckCore
import XCTest

/// A cost total past what an `Int` holds (9.223.372.036.854.775.807 ₫) is not printed as if it
/// were exact: the audit says so (WC305). Reached with every input at its bound: an item priced
/// at the catalogue's most, 100.000.000.000 ₫, and a remedy asking the most a remedy may,
/// 1.000.000, so that one unit's purchase is 10^17 ₫.
final class AuditCostOverflowTests: XCTestCase {
    /// A criterion whose remedy buys 1.000.000 of `item` for a unit where `fact` is not true.
    private static func bulk(_ id: String, fact: String, item: String) -> String {
        SmallCriteria.criterion(id, group: "security", title: id, checks: """
              - id: bulk
                title: { vi: "Thử", en: "Test" }
                require: { fact: \(fact), is: true }
                remedy: { item: \(item), quantity: 1000000, text: { vi: "Mua {quantity}", en: "Buy {quantity}" } }
            """)
    }

    /// TW buys firewalls, TV generators, both priced at 100.000.000.000 instead of the shipped
    /// 30.000.000 and 45.000.000.
    private func city() throws -> SmallCity {
        let criteria = try SmallCriteria.load(
            adding: [("TW", Self.bulk("TW", fact: "security.firewall", item: "firewall")),
                     ("TV", Self.bulk("TV", fact: "power.generator.present", item: "generator"))],
            catalogueEdits: [(find: "unit_cost: 30000000, who: city_procurement }", replace: "unit_cost: 100000000000, who: city_procurement }"),
                             (find: "unit_cost: 45000000, who: city_procurement }", replace: "unit_cost: 100000000000, who: city_procurement }")],
            test: self)
        return try SmallCity(criteria: criteria, roster: nil, test: self)
    }

    /// `firewalls` units without a firewall, then `generators` units without a generator (codes from 10000).
    private func units(firewalls: Int, generators: Int) throws -> [(name: String, facts: String)] {
        let noGenerator: Ward.Edit = (find: "generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }",
                                      replace: "generator: { present: false }")
        return try (0..<(firewalls + generators)).map { i in
            let code = String(10000 + i)
            return ("\(code).yaml", try Ward.ready(code, "Xã \(code)", [i < firewalls ? Ward.noFirewall : noGenerator]))
        }
    }

    func testOneLinePastTheLimitIsReported() throws {
        let city = try city()
        // 92 × 1.000.000 × 100.000.000.000 = 9,2 × 10^18: within 9.223.372.036.854.775.807.
        let within = city.audit(try units(firewalls: 92, generators: 0))
        XCTAssertEqual(within.plan.map(\.total), [9_200_000_000_000_000_000])
        XCTAssertTrue(within.diagnostics.isEmpty)
        // 93 × 1.000.000 × 100.000.000.000 = 9,3 × 10^18: past it.
        let past = city.audit(try units(firewalls: 93, generators: 0))
        XCTAssertEqual(past.diagnostics.map(\.code), [.costOverflow])
        XCTAssertEqual(past.diagnostics.first?.file.hasSuffix("/catalogue.yaml"), true)
        XCTAssertEqual(past.grandTotal, Int.max, "the total is held at the limit, and said to be so")
    }

    func testLinesThatEachFitButWhoseSumDoesNotAreReported() throws {
        let city = try city()
        // 46 generators' units and 46 firewalls' units: 4,6 × 10^18 a line, 9,2 × 10^18 in all: fits.
        let within = city.audit(try units(firewalls: 46, generators: 46))
        XCTAssertEqual(within.plan.map(\.total), [4_600_000_000_000_000_000, 4_600_000_000_000_000_000])
        XCTAssertTrue(within.diagnostics.isEmpty)
        // 47 firewalls' units: 4,6 × 10^18 + 4,7 × 10^18 = 9,3 × 10^18, though each line fits.
        let past = city.audit(try units(firewalls: 47, generators: 46))
        XCTAssertEqual(past.plan.map(\.item), ["generator", "firewall"])
        XCTAssertEqual(past.plan.map(\.total), [4_600_000_000_000_000_000, 4_700_000_000_000_000_000])
        XCTAssertEqual(past.diagnostics.map(\.code), [.costOverflow])
    }
}
