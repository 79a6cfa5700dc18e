import Foundation
import WardcheckCore
import XCTest

/// A five-unit city (Tests/Fixtures/city) audited on 2025-08-01, every figure worked out by hand
/// from the files, never recomputed by the code under test:
///
/// - 10001 Phường An: the ready fixture, tested recently. 16/16, nothing to buy.
/// - 10002 Xã Bình, mountain: 12 fuel hours < 24 (TC06, stock fuel); 40 computers for 45
///   officials (TC08, 5 × 15.000.000 = 75.000.000); 6 printers for ⌈45 ÷ 5⌉ = 9 (TC10,
///   3 × 6.000.000 = 18.000.000). 13/16, 93.000.000 ₫.
/// - 10003 Xã Cát, facts of 2025-04-30: 93 days old, stale (> 90). 2 villages without signal
///   (TC04, waived until 2027-06-30); video test 2025-04-28, 95 days back (TC05 > 30); generator
///   test 2025-04-29, 94 days back (TC06 > 90); 40 signatures for 45 (TC12, 5 × 1.500.000 =
///   7.500.000); no security block (TC16 not reported). 11/16, 7.500.000 ₫.
/// - 10004: `firewall: yes`, invalid. 10005: no file.
///
/// Ready 1 of 3; mean (16 + 13 + 11) ÷ 3 = 13,33; plan 75.000.000 + 18.000.000 + 7.500.000 = 100.500.000 ₫.
final class FixtureCityTests: XCTestCase {
    static let folder = Repo.root.appendingPathComponent("Tests/Fixtures/city").path

    private func audit(staleAfter: Int = AuditAccumulator.defaultStaleAfterDays) throws -> Audit {
        let set = try Repo.loadCriteria()
        let (roster, rosterErrors) = Roster.load(path: Self.folder + "/roster.yaml", schema: set.schema)
        let loadedRoster = try XCTUnwrap(roster, rosterErrors.map(\.message.en).joined())
        let (waivers, waiverErrors) = Waivers.load(path: Self.folder + "/waivers.yaml", criteria: set, roster: loadedRoster)
        let day = Day(iso: "2025-08-01")
        let evaluator = Evaluator(criteria: set, waivers: try XCTUnwrap(waivers, waiverErrors.map(\.message.en).joined()),
                                  asOf: day, today: day, roster: loadedRoster)
        let accumulator = AuditAccumulator(criteria: set, roster: loadedRoster, asOf: day, staleAfterDays: staleAfter)
        for name in ["10001-an", "10002-binh", "10003-cat", "10004-dao"] {
            accumulator.add(UnitReport.check(path: Self.folder + "/\(name).yaml", evaluator: evaluator))
        }
        return accumulator.finish()
    }

    func testSummaryFigures() throws {
        let audit = try audit()
        XCTAssertEqual(audit.files, 4)
        XCTAssertEqual(audit.valid, 3)
        XCTAssertEqual(audit.invalid.map(\.code), ["10004"])
        XCTAssertEqual(audit.notSubmitted.map(\.code), ["10005"])
        XCTAssertEqual(audit.ready, 1)
        XCTAssertEqual(audit.stale, 1)
        XCTAssertEqual(audit.rows.filter(\.stale).map(\.code), ["10003"])
        XCTAssertEqual(audit.meanPassed, 40.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(audit.rows.map(\.code), ["10001", "10002", "10003"], "ranked by criteria met")
        XCTAssertEqual(audit.rows.map(\.passed), [16, 13, 11])
        XCTAssertEqual(audit.rows.map(\.cost), [0, 93_000_000, 7_500_000])
    }

    func testTalliesPerCriterion() throws {
        let tallies = Dictionary(uniqueKeysWithValues: try audit().tallies.map { ($0.id, $0) })
        func counts(_ id: String) -> [Int] {
            let t = tallies[id]!
            return [t.passed, t.failed, t.notReported, t.notEvaluable, t.waived]
        }
        XCTAssertEqual(counts("TC04"), [2, 0, 0, 0, 1])
        XCTAssertEqual(counts("TC05"), [2, 1, 0, 0, 0])
        XCTAssertEqual(counts("TC06"), [1, 2, 0, 0, 0])
        XCTAssertEqual(counts("TC08"), [2, 1, 0, 0, 0])
        XCTAssertEqual(counts("TC10"), [2, 1, 0, 0, 0])
        XCTAssertEqual(counts("TC12"), [2, 1, 0, 0, 0])
        XCTAssertEqual(counts("TC16"), [2, 0, 1, 0, 0])
        XCTAssertEqual(counts("TC01"), [3, 0, 0, 0, 0])
        XCTAssertEqual(try audit().tallies.first?.id, "TC06", "the criterion blocking most units comes first")
    }

    func testPlanAndActions() throws {
        let audit = try audit()
        XCTAssertEqual(audit.plan.map(\.item), ["computer", "printer", "digital_signature"])
        XCTAssertEqual(audit.plan.map(\.quantity), [5, 3, 5])
        XCTAssertEqual(audit.plan.map(\.total), [75_000_000, 18_000_000, 7_500_000])
        XCTAssertEqual(audit.grandTotal, 100_500_000)
        let actions = Dictionary(uniqueKeysWithValues: audit.actions.map { ($0.key, $0.units) })
        XCTAssertEqual(actions, ["stock_fuel": 1, "test_generator": 1, "test_video_conference": 1, "report": 1],
                       "the waived TC04 asks for no mobile coverage")
    }

    func testStaleIsOlderThanTheLimitNotEqualToIt() throws {
        // Xã Cát's facts are 2025-08-01 − 2025-04-30 = 93 days old.
        XCTAssertEqual(try audit(staleAfter: 93).stale, 0, "93 days old is not older than 93")
        XCTAssertEqual(try audit(staleAfter: 92).stale, 1)
    }
}
