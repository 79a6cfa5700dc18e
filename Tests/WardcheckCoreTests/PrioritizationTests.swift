import WardcheckCore
import XCTest

/// `Prioritization` on a small city whose figures are worked out by hand from the shipped
/// criteria and catalogue, judged on `SmallCity.day`:
///
/// | unit | what it lacks | money makes it ready for |
/// |---|---|---|
/// | 20001 Phường Một | a firewall (TC16) | 30.000.000 |
/// | 20002 Phường Hai | 6 printers of 9 (TC10): 3 × 6.000.000 | 18.000.000 |
/// | 20003 Phường Ba | fibre (TC01) | 5.000.000 |
/// | 20004 Phường Bốn | 40 computers of 45 (TC08): 5 × 15.000.000 = 75.000.000; a firewall (TC16) 30.000.000 | 105.000.000 |
/// | 20005 Phường Năm | the firewall left out (TC16 not reported); 6 printers (TC10) 18.000.000; an IT officer (TC11, an action: never "funded") | never: TC16 not reported |
/// | 20006 Phường Sáu | an IT officer (TC11, the unit's chair) | 0, on condition the chair acts |
/// | 20007 Phường Bảy | nothing: 16/16 | — |
final class PrioritizationTests: XCTestCase {
    private func city() throws -> Audit {
        let criteria = try Repo.loadCriteria()
        let units: [(String, String, [Ward.Edit])] = [
            ("20001", "Phường Một", [Ward.noFirewall]),
            ("20002", "Phường Hai", [Ward.sixPrinters]),
            ("20003", "Phường Ba", [Ward.noFibre]),
            ("20004", "Phường Bốn", Ward.computers(40) + [Ward.noFirewall]),
            ("20005", "Phường Năm", [Ward.firewallLeftOut, Ward.sixPrinters, Ward.noITOfficer]),
            ("20006", "Phường Sáu", [Ward.noITOfficer]),
            ("20007", "Phường Bảy", []),
        ]
        return try SmallCity(criteria: criteria, roster: nil, test: self)
            .audit(try units.map { ("\($0.0).yaml", try Ward.ready($0.0, $0.1, $0.2)) })
    }

    private func codes(_ units: [Prioritization.Unit], _ audit: Audit) -> [String] { units.map { audit.rows[$0.row].code } }
    private func criteria(_ p: Prioritization, _ audit: Audit) -> [String] {
        p.criteria.map { audit.rows[$0.row].code + " " + audit.criteria[$0.criterion].id }
    }

    /// 60.000.000: 0 (20006) + 5.000.000 (20003) + 18.000.000 (20002) + 30.000.000 (20001) =
    /// 53.000.000; 20004 (105.000.000) does not fit the 7.000.000 left, nor does any criterion
    /// (the cheapest, 20005's printers, is 18.000.000). Ready 1 → 5.
    func testSixtyMillionMakesFourUnitsReadyCheapestFirst() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 60_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20006", "20003", "20002", "20001"])
        XCTAssertEqual(p.units.map(\.cost), [0, 5_000_000, 18_000_000, 30_000_000])
        XCTAssertEqual(p.spent, 53_000_000)
        XCTAssertEqual(p.left, 7_000_000)
        XCTAssertEqual(p.readyBefore, 1)
        XCTAssertEqual(p.readyAfter, 5)
        XCTAssertEqual(codes(p.waiting, audit), ["20004"])
        XCTAssertEqual(p.criteria.count, 0)
        XCTAssertEqual(p.blocked.map { audit.rows[$0.row].code }, ["20005"])
        XCTAssertEqual(p.blocked.first?.obstacles, [.notReported(["TC16"])])
    }

    /// The unit that needs only an action is made ready at no cost, its action a condition:
    /// the chair designates an IT officer.
    func testAUnitNeedingOnlyActionsIsReadyOnTheirCondition() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 0)
        XCTAssertEqual(codes(p.units, audit), ["20006"])
        XCTAssertEqual(p.units.first?.purchases.count, 0)
        XCTAssertEqual(p.units.first.map { $0.actions.map { audit.tasks[Int($0.index)].key } }, ["designate_it_officer"])
        XCTAssertEqual(p.spent, 0)
        XCTAssertEqual(p.readyAfter, 2)
    }

    /// 80.000.000: the same four units (53.000.000), then 27.000.000 left: 20005's printers
    /// (18.000.000) fit, 20004's firewall (30.000.000) does not. Spent 71.000.000, left 9.000.000.
    func testWhatIsLeftGoesToTheCheapestCriteria() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 80_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20006", "20003", "20002", "20001"])
        XCTAssertEqual(criteria(p, audit), ["20005 TC10"])
        XCTAssertEqual(p.criteria.map(\.cost), [18_000_000])
        XCTAssertEqual(p.criteria.first.map { $0.purchases.map { audit.tasks[Int($0.index)].key } }, ["printer"])
        XCTAssertEqual(p.criteria.first?.purchases.map(\.quantity), [3])
        XCTAssertEqual(p.spent, 71_000_000)
        XCTAssertEqual(p.left, 9_000_000)
        XCTAssertEqual(p.readyAfter, 5)
    }

    /// 4.000.000: no unit but 20006 fits (the next, 20003, is 5.000.000), and no criterion
    /// either: 20003's fibre is the cheapest at 5.000.000. Nothing is spent.
    func testABudgetBelowEveryPriceBuysNothing() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 4_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20006"])
        XCTAssertEqual(codes(p.waiting, audit), ["20003", "20002", "20001", "20004"])
        XCTAssertEqual(p.spent, 0)
        XCTAssertEqual(p.criteria.count, 0)
    }

    /// 30.000.000: 0 + 5.000.000 + 18.000.000 = 23.000.000, then 20001 (30.000.000) does not fit
    /// the 7.000.000 left. Ready 1 → 4. The criteria on offer (20001's and 20004's firewalls at
    /// 30.000.000, 20005's printers at 18.000.000, 20004's computers at 75.000.000) all cost more
    /// than 7.000.000.
    func testTheCountIsTheLongestRunOfCheapestUnitsThatFits() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 30_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20006", "20003", "20002"])
        XCTAssertEqual(p.spent, 23_000_000)
        XCTAssertEqual(p.readyAfter, 4)
        XCTAssertEqual(p.criteria.count, 0)
    }

    /// 200.000.000: every unit money can make ready: 0 + 5 + 18 + 30 + 105 = 158.000.000; then
    /// 42.000.000 left buys 20005's printers (18.000.000). Spent 176.000.000, left 24.000.000.
    func testEnoughMoneyMakesEveryUnitReadyThatMoneyCan() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: 200_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20006", "20003", "20002", "20001", "20004"])
        XCTAssertEqual(p.units.last.map { $0.purchases.map { audit.tasks[Int($0.index)].key } }, ["computer", "firewall"])
        XCTAssertEqual(p.units.last?.purchases.map(\.quantity), [5, 1])
        XCTAssertEqual(p.waiting.count, 0)
        XCTAssertEqual(criteria(p, audit), ["20005 TC10"])
        XCTAssertEqual(p.spent, 176_000_000)
        XCTAssertEqual(p.readyAfter, 6)
    }

    /// 60.000.000 of which the telecom operator has 4.000.000 of its own: 20003's fibre
    /// (5.000.000, bought by the operator) does not fit its share, so 20003 waits; the city's
    /// procurement draws on the other 56.000.000: 20002 (18.000.000) and 20001 (30.000.000),
    /// 8.000.000 left, short of every criterion (18.000.000 the cheapest the city buys, 5.000.000
    /// the operator's fibre at 20003, over its 4.000.000). Spent 48.000.000, left 12.000.000.
    func testASharedBudgetKeepsEachPartyWithinItsShare() throws {
        let audit = try city()
        let p = Prioritization(audit: audit, budget: .init(total: 60_000_000, shares: ["telecom": 4_000_000]))
        XCTAssertEqual(codes(p.units, audit), ["20006", "20002", "20001"])
        XCTAssertEqual(codes(p.waiting, audit), ["20003", "20004"])
        XCTAssertEqual(p.criteria.count, 0)
        XCTAssertEqual(p.spent, 48_000_000)
        XCTAssertEqual(p.left, 12_000_000)
        XCTAssertEqual(p.spentBy, ["city_procurement": 48_000_000])
        // With 5.000.000 of its own the operator buys the fibre: the same four units as with one budget of 60.000.000.
        let enough = Prioritization(audit: audit, budget: .init(total: 60_000_000, shares: ["telecom": 5_000_000]))
        XCTAssertEqual(codes(enough.units, audit), ["20006", "20003", "20002", "20001"])
        XCTAssertEqual(enough.spentBy, ["city_procurement": 48_000_000, "telecom": 5_000_000])
    }

    /// A budget of 18.000.000 at a city of two equal units (20002 and a copy as 20008, each
    /// 18.000.000): the one with the smaller code is chosen, the other waits.
    func testEqualCostsAreTakenInCodeOrder() throws {
        let criteria = try Repo.loadCriteria()
        let audit = try SmallCity(criteria: criteria, roster: nil, test: self).audit([
            ("20008.yaml", try Ward.ready("20008", "Phường Tám", [Ward.sixPrinters])),
            ("20002.yaml", try Ward.ready("20002", "Phường Hai", [Ward.sixPrinters])),
        ])
        let p = Prioritization(audit: audit, budget: 18_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20002"])
        XCTAssertEqual(codes(p.waiting, audit), ["20008"])
        XCTAssertEqual(p.left, 0)
    }

    /// A unit that failed TC16 (no firewall: 30.000.000) but left out its protected computers,
    /// which TC16 also reads, must report them first: the firewall alone may not meet TC16, so
    /// neither the unit nor the criterion is funded, however large the budget.
    func testACriterionStillAskingForAFactIsNotFunded() throws {
        let criteria = try Repo.loadCriteria()
        let audit = try SmallCity(criteria: criteria, roster: nil, test: self).audit([
            ("20010.yaml", try Ward.ready("20010", "Phường Mười", [Ward.noFirewall, (find: "  protected_computers: 45\n", replace: "")])),
        ])
        let p = Prioritization(audit: audit, budget: 1_000_000_000)
        XCTAssertEqual(p.units.count, 0)
        XCTAssertEqual(p.criteria.count, 0)
        XCTAssertEqual(p.blocked.first?.obstacles, [.mustReport(["TC16"])])
        XCTAssertEqual(p.spent, 0)
    }

    /// Two units of 11.000.000 and room for one, with 5.000.000 more: 20021 lacks fibre (TC01,
    /// 5.000.000) and a printer (8 for 9, TC10, 6.000.000); 20022 trained 19 officials of the
    /// ⌈0,9 × 45⌉ = 41 needed (TC13, 22 × 500.000 = 11.000.000). Either makes one unit ready
    /// for 11.000.000; 20022 leaves 20021's fibre to buy with the 5.000.000 left, 20021 would
    /// leave nothing that fits (20022's training is 11.000.000). So 20022 is made ready, though
    /// its code comes second: 1 unit, then 1 criterion, 16.000.000 spent.
    func testUnitsOfEqualCostAtTheEdgeAreChosenForWhatTheyLeave() throws {
        let set = try Repo.loadCriteria()
        let audit = try SmallCity(criteria: set, roster: nil, test: self).audit([
            ("20021.yaml", try Ward.ready("20021", "Phường Hai Mốt", [Ward.noFibre, Ward.eightPrinters])),
            ("20022.yaml", try Ward.ready("20022", "Phường Hai Hai", [Ward.nineteenTrained])),
        ])
        XCTAssertEqual(audit.rows.map(\.cost), [11_000_000, 11_000_000])
        let p = Prioritization(audit: audit, budget: 16_000_000)
        XCTAssertEqual(codes(p.units, audit), ["20022"])
        XCTAssertEqual(codes(p.waiting, audit), ["20021"])
        XCTAssertEqual(criteria(p, audit), ["20021 TC01"])
        XCTAssertEqual(p.spent, 16_000_000)
        XCTAssertEqual(p.left, 0)
    }

    /// A unit whose scanner count waits on the desks it left out (TC09: quantity unknown) cannot
    /// be made ready by money, and says which purchase is unpriced and what to report.
    func testAnUnpricedPurchaseBlocksTheUnit() throws {
        let criteria = try Repo.loadCriteria()
        let audit = try SmallCity(criteria: criteria, roster: nil, test: self).audit([
            ("20009.yaml", try Ward.ready("20009", "Phường Chín", [(find: "service_counter: { desks: 4, scanners: 4 }",
                                                                   replace: "service_counter: { scanners: 0 }")])),
        ])
        let p = Prioritization(audit: audit, budget: 1_000_000_000)
        XCTAssertEqual(p.units.count, 0)
        XCTAssertEqual(p.blocked.first?.obstacles, [.mustReport(["TC09"]), .unpriced(["scanner"])])
        XCTAssertEqual(p.spent, 0)
    }
}

/// Two criteria that buy the same item at one unit: the audit adds their quantities (one need of
/// 2 + 2 scanners, 48.000.000), so each criterion costs its own 2 × 12.000.000 = 24.000.000 and
/// the two together cost the sum, which is what makes cheapest-first exact for the criteria too.
/// Criteria: the shipped TC09 (a scanner per one-stop desk) and TX, written here, asking the same
/// of the same party. The unit has 2 scanners for 4 desks.
final class SharedItemPrioritizationTests: XCTestCase {
    private static let counterScanners = SmallCriteria.criterion("TX", group: "equipment", title: "Máy quét một cửa", checks: """
          - id: counter_scanners
            title: { vi: "Mỗi bàn một máy quét", en: "A scanner per desk" }
            require: { fact: equipment.service_counter.scanners, at_least: { fact: equipment.service_counter.desks } }
            remedy:
              item: scanner
              quantity: shortfall
              text: { vi: "Mua {quantity} máy quét", en: "Buy scanners: {quantity}" }
        """)

    func testEachCriterionCostsItsOwnPurchases() throws {
        let criteria = try SmallCriteria.load(copying: ["TC09"], adding: [("TX", Self.counterScanners)], test: self)
        let audit = try SmallCity(criteria: criteria, roster: nil, test: self).audit([
            ("20011.yaml", try Ward.ready("20011", "Phường Mười Một", [(find: "desks: 4, scanners: 4", replace: "desks: 4, scanners: 2")])),
        ])
        XCTAssertEqual(audit.rows.first?.needs.map(\.quantity), [4], "one need: 2 + 2 scanners")
        XCTAssertEqual(audit.rows.first?.cost, 48_000_000)
        // 30.000.000: the unit (48.000.000) does not fit; one criterion (24.000.000) does, the
        // first in the criteria's order of the two equal ones; 6.000.000 left.
        let p = Prioritization(audit: audit, budget: 30_000_000)
        XCTAssertEqual(p.units.count, 0)
        XCTAssertEqual(p.criteria.map { audit.criteria[$0.criterion].id }, ["TC09"])
        XCTAssertEqual(p.criteria.map(\.cost), [24_000_000])
        XCTAssertEqual(p.criteria.first?.purchases.map(\.quantity), [2])
        XCTAssertEqual(p.left, 6_000_000)
        // 48.000.000: the unit, with both criteria's scanners.
        let both = Prioritization(audit: audit, budget: 48_000_000)
        XCTAssertEqual(both.units.first?.purchases.map(\.quantity), [4])
        XCTAssertEqual(both.left, 0)
    }
}

/// The five-unit fixture city (Tests/Fixtures/city, figures in `FixtureCityTests`) with its
/// waiver: 10003 Xã Cát holds a waiver for TC04 and left TC16 out, so money cannot make it ready,
/// though its 5 signatures (TC12, 5 × 1.500.000 = 7.500.000) can be bought.
final class FixtureCityPrioritizationTests: XCTestCase {
    private func audit() throws -> Audit {
        let set = try Repo.loadCriteria()
        let folder = FixtureCityTests.folder
        let (roster, rosterErrors) = Roster.load(path: folder + "/roster.yaml", schema: set.schema)
        let loadedRoster = try XCTUnwrap(roster, rosterErrors.map(\.message.en).joined())
        let (waivers, waiverErrors) = Waivers.load(path: folder + "/waivers.yaml", criteria: set, roster: loadedRoster)
        let day = Day(iso: "2025-08-01")
        let evaluator = Evaluator(criteria: set, waivers: try XCTUnwrap(waivers, waiverErrors.map(\.message.en).joined()),
                                  asOf: day, today: day, roster: loadedRoster)
        let accumulator = AuditAccumulator(criteria: set, roster: loadedRoster, asOf: day)
        for name in ["10001-an", "10002-binh", "10003-cat", "10004-dao"] {
            accumulator.add(UnitReport.check(path: folder + "/\(name).yaml", evaluator: evaluator))
        }
        return accumulator.finish()
    }

    /// 100.000.000: 10002 Xã Bình (75.000.000 + 18.000.000 = 93.000.000) is made ready, on
    /// condition its office stocks fuel; 7.000.000 left is short of 10003's 7.500.000.
    func testAHundredMillion() throws {
        let audit = try audit()
        let p = Prioritization(audit: audit, budget: 100_000_000)
        XCTAssertEqual(p.units.map { audit.rows[$0.row].code }, ["10002"])
        XCTAssertEqual(p.units.first.map { $0.actions.map { audit.tasks[Int($0.index)].key } }, ["stock_fuel"])
        XCTAssertEqual(p.spent, 93_000_000)
        XCTAssertEqual(p.left, 7_000_000)
        XCTAssertEqual(p.criteria.count, 0)
        XCTAssertEqual(p.readyBefore, 1)
        XCTAssertEqual(p.readyAfter, 2)
        XCTAssertEqual(p.blocked.map { audit.rows[$0.row].code }, ["10003"])
        XCTAssertEqual(p.blocked.first?.obstacles, [.notReported(["TC16"]), .waived(["TC04"])])
    }

    /// 7.500.000: 10002 does not fit; of the criteria on offer (10003's TC12 at 7.500.000,
    /// 10002's TC10 at 18.000.000 and TC08 at 75.000.000) the signatures are bought; left 0.
    func testSevenAndAHalfMillionBuysTheWaivedUnitsSignatures() throws {
        let audit = try audit()
        let p = Prioritization(audit: audit, budget: 7_500_000)
        XCTAssertEqual(p.units.count, 0)
        XCTAssertEqual(p.criteria.map { audit.rows[$0.row].code + " " + audit.criteria[$0.criterion].id }, ["10003 TC12"])
        XCTAssertEqual(p.criteria.first?.purchases.map(\.quantity), [5])
        XCTAssertEqual(p.spent, 7_500_000)
        XCTAssertEqual(p.left, 0)
        XCTAssertEqual(p.readyAfter, 1)
    }
}
