import Foundation
import WardcheckCore
import XCTest

final class EvaluationTests: XCTestCase {
    func testTheReadyFixtureIsReadyOnAllSixteen() throws {
        let card = try Repo.scorecard(Repo.readyWard, test: self)
        XCTAssertEqual(card.total, 16)
        XCTAssertEqual(card.passed, 16, card.results.filter { $0.outcome != .passed }.map(\.id).joined(separator: ","))
        XCTAssertTrue(card.ready)
        XCTAssertTrue(card.remedies.isEmpty)
    }

    func testThirtyEightComputersForFortyFiveOfficialsNeedsSevenCosting105Million() throws {
        let text = Repo.readyWard.replacingOccurrences(of: "computers: { working: 45 }", with: "computers: { working: 38 }")
            .replacingOccurrences(of: "protected_computers: 45", with: "protected_computers: 38")
        let card = try Repo.scorecard(text, test: self)
        let tc08 = try XCTUnwrap(card.result("TC08"))
        XCTAssertEqual(tc08.outcome, .failed)
        XCTAssertEqual(tc08.remedies.count, 1)
        let remedy = tc08.remedies[0]
        XCTAssertEqual(remedy.kind, .item("computer"))
        XCTAssertEqual(remedy.quantity, 7)
        XCTAssertEqual(remedy.cost, 105_000_000)
        XCTAssertEqual(NumberText.money(remedy.cost, .vi), "105.000.000 ₫")
        XCTAssertEqual(card.passed, 15)
        XCTAssertFalse(card.ready)
    }

    func testTwelveFuelHoursFailMountainCommuneButPassLowlandWard() throws {
        let twelve = Repo.readyWard.replacingOccurrences(of: "fuel_hours: 24", with: "fuel_hours: 12")
        let lowland = try Repo.scorecard(twelve, test: self)
        XCTAssertEqual(lowland.result("TC06")?.outcome, .passed)

        let mountain = twelve.replacingOccurrences(of: "type: ward", with: "type: commune")
            .replacingOccurrences(of: "terrain: lowland", with: "terrain: mountain")
        let card = try Repo.scorecard(mountain, test: self)
        let tc06 = try XCTUnwrap(card.result("TC06"))
        XCTAssertEqual(tc06.outcome, .failed)
        let fuel = try XCTUnwrap(tc06.decisive.first)
        XCTAssertEqual(fuel.fact, "power.generator.fuel_hours")
        XCTAssertEqual(fuel.required, "24")
        XCTAssertEqual(fuel.at?.line, 13, "the generator block is on line 13 of the fixture")
    }

    func testMissingGeneratorBlockIsNotReportedNotFailed() throws {
        let text = Repo.readyWard.replacingOccurrences(of: "  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }\n", with: "")
        let card = try Repo.scorecard(text, test: self)
        let tc06 = try XCTUnwrap(card.result("TC06"))
        XCTAssertEqual(tc06.outcome, .notReported)
        XCTAssertEqual(tc06.missing.map(\.path), ["power.generator"], "four absent facts fold into the absent block")
        XCTAssertEqual(tc06.missing.first?.block, "power")
        XCTAssertEqual(tc06.remedies.map(\.kind), [.report])
        XCTAssertEqual(Outcome.notReported.label.vi, "chưa báo cáo")
        XCTAssertEqual(card.passed, 15)
    }

    func testActiveWaiverShowsWaivedAndExpiredOneIsIgnored() throws {
        let text = Repo.readyWard.replacingOccurrences(of: "capacity_kva: 10", with: "capacity_kva: 3")
        let set = try Repo.loadCriteria()
        let waiverFile = try Repo.write("""
        waivers: 1
        entries:
          - criterion: TC06
            unit: "99001"
            justification: "Máy mới đang được mua"
            approved_by: "Phó Chủ tịch UBND thành phố"
            expires: 2025-12-31

        """, name: "waivers.yaml", test: self)
        let (loaded, diagnostics) = Waivers.load(path: waiverFile, criteria: set)
        let waivers = try XCTUnwrap(loaded, diagnostics.map(\.message.en).joined())

        let active = try Repo.scorecard(text, waivers: waivers, test: self)
        XCTAssertEqual(active.result("TC06")?.outcome, .waived)
        XCTAssertEqual(active.result("TC06")?.underlying, .failed)
        XCTAssertEqual(active.passed, 15, "waived is never counted as passed")
        XCTAssertFalse(active.ready)
        XCTAssertFalse(active.remedies.contains { $0.criterion == "TC06" }, "a waived criterion needs nothing bought now")

        let expired = try Repo.scorecard(text, waivers: waivers, asOf: Day(iso: "2026-01-01"), test: self)
        XCTAssertEqual(expired.result("TC06")?.outcome, .failed)
        XCTAssertEqual(expired.expiredWaivers.map(\.criterion), ["TC06"])
    }

    func testAsOfMakesDateWindowsDeterministic() throws {
        // The video test on 2025-07-01 is within 30 days of the file's own date...
        let own = try Repo.scorecard(Repo.readyWard, test: self)
        XCTAssertEqual(own.result("TC05")?.outcome, .passed)
        // ...exactly 30 days later it still is, one day more and it is not.
        let edge = try Repo.scorecard(Repo.readyWard, asOf: Day(iso: "2025-07-31"), test: self)
        XCTAssertEqual(edge.result("TC05")?.outcome, .passed)
        let late = try Repo.scorecard(Repo.readyWard, asOf: Day(iso: "2025-08-01"), test: self)
        XCTAssertEqual(late.result("TC05")?.outcome, .failed)
        XCTAssertEqual(late.result("TC05")?.decisive.first?.daysAgo, 31)
    }

    func testCeilingArithmeticIsExact() throws {
        // ⌈0.9 × 50⌉ must be 45, not 46 from a binary-float 45.000000000000007.
        let fifty = Repo.readyWard.replacingOccurrences(of: "officials: 45", with: "officials: 50")
            .replacingOccurrences(of: "computers: { working: 45 }", with: "computers: { working: 50 }")
            .replacingOccurrences(of: "personal: 45", with: "personal: 50")
            .replacingOccurrences(of: "document_accounts: 45", with: "document_accounts: 50")
            .replacingOccurrences(of: "email_accounts: 45", with: "email_accounts: 50")
            .replacingOccurrences(of: "protected_computers: 45", with: "protected_computers: 50")
        let card = try Repo.scorecard(fifty, test: self)
        XCTAssertEqual(card.result("TC13")?.outcome, .passed)
        let printers = Repo.readyWard.replacingOccurrences(of: "printers: { working: 10 }", with: "printers: { working: 6 }")
        let tc10 = try XCTUnwrap(try Repo.scorecard(printers, test: self).result("TC10"))
        XCTAssertEqual(tc10.remedies.first?.quantity, 3, "45 officials need ⌈45 ÷ 5⌉ = 9 printers; 6 are 3 short")
        XCTAssertEqual(tc10.decisive.first?.formula, "⌈staffing.officials ÷ 5⌉ = ⌈45 ÷ 5⌉ = 9")
    }

    func testEveryExampleOfEveryCriterionBehavesAsItSays() throws {
        let set = try Repo.loadCriteria()
        let runs = ExampleRunner(criteria: set).runAll()
        XCTAssertEqual(Set(runs.map(\.criterion)).count, 16)
        for criterion in set.criteria {
            XCTAssertTrue(criterion.examples.contains { $0.expect == .passed }, "\(criterion.id) needs a passing example")
            XCTAssertTrue(criterion.examples.contains { $0.expect == .failed }, "\(criterion.id) needs a failing example")
        }
        for run in runs where !run.passed {
            XCTFail(run.problems.map { "\($0.file):\($0.start): \($0.message.en)" }.joined(separator: "\n"))
        }
    }
}
