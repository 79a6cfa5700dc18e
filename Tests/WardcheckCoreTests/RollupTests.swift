import WardcheckCore
import XCTest

/// The national roll-up of three small provinces, worked out by hand from the shipped criteria
/// and catalogue (every unit judged on 2025-07-10, `SmallCity.day`):
///
/// | province | unit | changed from the ready ward | met | needs |
/// |---|---|---|---|---|
/// | Tỉnh Một (roster of 3) | 11001 | nothing | 16 | — |
/// | | 11002 | no firewall | 15 (TC16) | 1 firewall 30.000.000 (city procurement) |
/// | | 11003 | no file: not submitted | | |
/// | Tỉnh Hai (roster of 2) | 22001 | 6 printers | 15 (TC10) | 3 printers × 6.000.000 = 18.000.000 (city procurement) |
/// | | 22002 | no fibre | 15 (TC01) | 1 fibre upgrade 5.000.000 (telecom) |
/// | tinh-ba (no roster) | 33001, 33002 | nothing | 16, 16 | — |
/// | | 33003 | no firewall | 15 (TC16) | 1 firewall 30.000.000 |
///
/// Shares ready: Tỉnh Một 1/2 = 50%, Tỉnh Hai 0/2 = 0%, tinh-ba 2/3 = 67%, so the ranking is
/// tinh-ba, Tỉnh Một, Tỉnh Hai. Nationally 3 of 7 units ready; criteria met 31 + 30 + 47 = 108,
/// a mean of 108/7 = 15,43 (the mean of the three means, (15,5 + 15 + 15,67)/3 = 15,39, is not it).
final class RollupTests: XCTestCase {
    private func roster(_ province: String, _ units: [(String, String)]) -> String {
        "roster: 1\nprovince: \"\(province)\"\nunits:\n" + units.map { "  - { code: \"\($0.0)\", name: \"\($0.1)\" }\n" }.joined()
    }

    private func provinces(criteria: CriteriaSet? = nil) throws -> [ProvinceAudit] {
        let set = try criteria ?? Repo.loadCriteria()
        let one = try SmallCity(criteria: set, rosterText: roster("Tỉnh Một", [("11001", "Phường A1"), ("11002", "Phường A2"), ("11003", "Xã A3")]), test: self)
        let two = try SmallCity(criteria: set, rosterText: roster("Tỉnh Hai", [("22001", "Phường B1"), ("22002", "Xã B2")]), test: self)
        let three = try SmallCity(criteria: set, rosterText: nil, test: self)
        return [
            ProvinceAudit(one.audit([
                ("11001.yaml", try Ward.ready("11001", "Phường A1")),
                ("11002.yaml", try Ward.ready("11002", "Phường A2", [Ward.noFirewall])),
            ]), source: "mot.json"),
            ProvinceAudit(two.audit([
                ("22001.yaml", try Ward.ready("22001", "Phường B1", [Ward.sixPrinters])),
                ("22002.yaml", try Ward.ready("22002", "Xã B2", [Ward.noFibre])),
            ]), source: "hai.json"),
            ProvinceAudit(three.audit([
                ("33001.yaml", try Ward.ready("33001", "Phường C1")),
                ("33002.yaml", try Ward.ready("33002", "Phường C2")),
                ("33003.yaml", try Ward.ready("33003", "Xã C3", [Ward.noFirewall])),
            ]), source: "wards/tinh-ba/"),
        ]
    }

    func testProvincesRankedByShareReadyWithTheirFigures() throws {
        let rollup = try Rollup.make(provinces())
        XCTAssertEqual(rollup.provinces.map(\.audit.province), ["tinh-ba", "Tỉnh Một", "Tỉnh Hai"], "67%, 50%, 0%; a folder without a roster is named by the folder")
        XCTAssertEqual(rollup.provinces.map(\.rank), [1, 2, 3])
        XCTAssertEqual(rollup.provinces.map(\.audit.summary.valid), [3, 2, 2])
        XCTAssertEqual(rollup.provinces.map(\.audit.summary.ready), [2, 1, 0])
        // 16 + 16 + 15; 16 + 15; 15 + 15.
        XCTAssertEqual(rollup.provinces.map(\.audit.summary.passedTotal), [47, 31, 30])
        XCTAssertEqual(rollup.provinces.map(\.audit.summary.totalCost), [30_000_000, 30_000_000, 23_000_000])
        XCTAssertEqual(rollup.provinces.map(\.audit.summary.notSubmitted), [nil, 1, 0])
    }

    func testTwoAuditsOfOneNameAreToldApartByTheirSource() throws {
        // Two cities whose rosters both say "Tỉnh Một": no row may be read as the other's.
        var audits = try provinces()
        audits[1].province = "Tỉnh Một"
        let rollup = try Rollup.make(audits)
        XCTAssertEqual(rollup.provinces.map(\.audit.province), ["tinh-ba", "Tỉnh Một (mot.json)", "Tỉnh Một (hai.json)"])
    }

    func testSummaryIsTheAuditsSummariesAddedUp() throws {
        let s = try Rollup.make(provinces()).summary
        XCTAssertEqual(s.files, 7, "3 + 2 + 2 files")
        XCTAssertEqual(s.valid, 7)
        XCTAssertEqual(s.ready, 3, "2 + 1 + 0")
        XCTAssertEqual(s.notReady, 4)
        XCTAssertEqual(s.invalid, 0)
        XCTAssertEqual(s.criteria, 16, "the number of criteria, not a sum")
        XCTAssertEqual(s.passedTotal, 108)
        XCTAssertEqual(s.meanPassed, 108.0 / 7.0, accuracy: 1e-9, "weighted by units: 15,43, not the mean of means 15,39")
        XCTAssertEqual(s.totalCost, 83_000_000, "30 + 23 + 30 million")
        // tinh-ba has no roster: a national roster count without it would not be national.
        XCTAssertNil(s.rosterUnits)
        XCTAssertNil(s.notSubmitted)
        XCTAssertNil(s.filesOutsideRoster)
    }

    func testTheNationalMeanIsOverUnitsNotProvinces() throws {
        var audits = Array(try provinces().prefix(2))
        // One unit at 10/16 in one province, nine at 16/16 in the other: (10 + 9 × 16) / 10 = 15,4,
        // where the mean of the two means would be (10 + 16) / 2 = 13.
        audits[0].summary.valid = 1
        audits[0].summary.passedTotal = 10
        audits[1].summary.valid = 9
        audits[1].summary.passedTotal = 144
        let s = try Rollup.make(audits).summary
        XCTAssertEqual(s.passedTotal, 154)
        XCTAssertEqual(s.meanPassed, 15.4, accuracy: 1e-9)
    }

    func testRosterFiguresAddUpWhenEveryAuditHasARoster() throws {
        let s = try Rollup.make(Array(provinces().prefix(2))).summary
        XCTAssertEqual(s.rosterUnits, 5, "3 + 2")
        XCTAssertEqual(s.notSubmitted, 1, "11003")
        XCTAssertEqual(s.filesOutsideRoster, 0)
    }

    func testEachCriterionsPassRateNationallyAndByProvince() throws {
        let rollup = try Rollup.make(provinces())
        let byID = Dictionary(uniqueKeysWithValues: rollup.criteria.map { ($0.id, $0) })
        XCTAssertEqual(rollup.criteria.count, 16)
        // TC16 fails at 11002 and 33003: 5 of 7; by province (ranked): tinh-ba 2, Tỉnh Một 1, Tỉnh Hai 2.
        XCTAssertEqual(byID["TC16"]?.passed, 5)
        XCTAssertEqual(byID["TC16"]?.judged, 7)
        XCTAssertEqual(byID["TC16"]?.byProvince, [2, 1, 2])
        // TC10 fails at 22001, TC01 at 22002: 6 of 7, Tỉnh Hai 1 of 2.
        XCTAssertEqual(byID["TC10"]?.byProvince, [3, 2, 1])
        XCTAssertEqual(byID["TC01"]?.passed, 6)
        XCTAssertEqual(byID["TC02"]?.passed, 7)
    }

    func testNationalPlanByItemAndParty() throws {
        let rollup = try Rollup.make(provinces())
        // Tỉnh Một's firewall first, then Tỉnh Hai's printer and fibre (its plan's catalogue order).
        XCTAssertEqual(rollup.plan.map(\.item), ["firewall", "printer", "fibre_upgrade"])
        XCTAssertEqual(rollup.plan.map(\.quantity), [2, 3, 1], "firewalls: 11002 and 33003")
        XCTAssertEqual(rollup.plan.map(\.units), [2, 1, 1])
        XCTAssertEqual(rollup.plan.map(\.total), [60_000_000, 18_000_000, 5_000_000])
        XCTAssertEqual(rollup.parties.map(\.role), ["city_procurement", "telecom"])
        // City procurement: 11002, 22001, 33003; 30 + 18 + 30 million.
        XCTAssertEqual(rollup.parties.map(\.units), [3, 1])
        XCTAssertEqual(rollup.parties.map(\.total), [78_000_000, 5_000_000])
    }

    func testOneCriteriaSetAndOneDayAreRecorded() throws {
        let set = try Repo.loadCriteria()
        let rollup = try Rollup.make(provinces(criteria: set))
        XCTAssertEqual(rollup.criteriaSet, set.identity)
        XCTAssertEqual(rollup.evaluatedOn, SmallCity.day)
        XCTAssertEqual(rollup.notes, [])
    }

    func testAUnitCodeInTwoAuditsIsRefusedNamingBoth() throws {
        var audits = try provinces()
        audits[2].codes.append("22002")
        audits[2].codes.append("11003")
        XCTAssertThrowsError(try Rollup.make(audits)) { error in
            // tinh-ba also accounts for Tỉnh Hai's 22002 and Tỉnh Một's 11003 (not submitted there): the earliest
            // audit it shares a code with, mot.json, is named, with the codes the two share.
            XCTAssertEqual(error as? RollupRefusal, .sharedCodes(first: "mot.json", second: "wards/tinh-ba/", codes: ["11003"]))
        }
        // The same report given twice shares every code.
        let one = try provinces()[1]
        XCTAssertThrowsError(try Rollup.make([one, one])) { error in
            XCTAssertEqual(error as? RollupRefusal, .sharedCodes(first: "hai.json", second: "hai.json", codes: ["22001", "22002"]))
            XCTAssertTrue((error as? RollupRefusal)?.message.en.hasPrefix("2 unit codes are in both hai.json and hai.json (22001, 22002)") ?? false)
        }
    }

    func testDifferentCriteriaSetsAreRefused() throws {
        var audits = try provinces()
        let other = CriteriaIdentity(version: "2025.2", digest: String(repeating: "ab", count: 32))
        audits[1].criteriaSet = other
        XCTAssertThrowsError(try Rollup.make(audits)) { error in
            guard case .differentCriteria(let first, _, let second, let set) = error as? RollupRefusal else { return XCTFail("\(error)") }
            XCTAssertEqual([first, second], ["mot.json", "hai.json"])
            XCTAssertEqual(set, other)
            XCTAssertTrue((error as? RollupRefusal)?.message.vi.contains("phiên bản 2025.2 (mã abababab…abab)") ?? false)
        }
    }

    func testAnAuditWithoutACriteriaSetIsAddedWithANoteUnlessItsCriteriaDiffer() throws {
        var audits = try provinces()
        audits[0].criteriaSet = nil
        let rollup = try Rollup.make(audits)
        XCTAssertEqual(rollup.notes.map(\.kind), [.noCriteriaSet])
        XCTAssertEqual(rollup.notes.first?.sources, ["mot.json"])
        XCTAssertEqual(rollup.summary.valid, 7, "still added")
        audits[0].criteria.removeLast()
        XCTAssertThrowsError(try Rollup.make(audits), "15 criteria against 16")
    }

    func testDifferentDaysAreAddedAndSaid() throws {
        var audits = try provinces()
        audits[1].evaluatedOn = Day(iso: "2025-07-01")
        let rollup = try Rollup.make(audits)
        XCTAssertNil(rollup.evaluatedOn)
        XCTAssertEqual(rollup.notes.map(\.kind), [.daysDiffer])
        XCTAssertEqual(rollup.notes.first?.message.vi,
                       "Các tỉnh được đánh giá vào những ngày khác nhau (01/07/2025: Tỉnh Hai; 10/07/2025: Tỉnh Một, tinh-ba): mỗi tỉnh là số liệu của ngày mình, các số cộng lại không cùng một ngày.")
    }

    func testTheShareReadyRanksNotTheCount() throws {
        var audits = try provinces()
        // tinh-ba with two more units evaluated, neither ready: 2 of 5 (40%) against Tỉnh Một's 1 of 2 (50%).
        audits[2].summary.valid = 5
        audits[2].summary.passedTotal = 77
        let rollup = try Rollup.make(audits)
        XCTAssertEqual(rollup.provinces.map(\.audit.province), ["Tỉnh Một", "tinh-ba", "Tỉnh Hai"])
    }

    func testEqualShareAndMeanShareARank() throws {
        let audits = try provinces()
        var twin = audits[1]
        twin.source = "hai-b.json"
        twin.province = "Tỉnh Hai B"
        twin.codes = ["99001"]
        let rollup = try Rollup.make([audits[1], twin])
        XCTAssertEqual(rollup.provinces.map(\.rank), [1, 1])
    }
}
