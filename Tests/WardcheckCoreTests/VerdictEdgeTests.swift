import Foundation
import WardcheckCore
import XCTest
import YAMLTree

/// The edges where a wrong verdict costs the city money or trust: waivers on their last day,
/// impossible zeros, dates from the future, the roster's authority, and what a left-out fact hides.
final class VerdictEdgeTests: XCTestCase {
    private let noGenerator = "  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }\n"

    private func waivers(_ entries: String, roster: Roster? = nil) throws -> (Waivers?, [Diagnostic]) {
        let set = try Repo.loadCriteria()
        let file = try Repo.write("waivers: 1\nentries:\n" + entries + "\n", name: "waivers.yaml", test: self)
        return Waivers.load(path: file, criteria: set, roster: roster)
    }

    private func roster(_ units: String) throws -> Roster {
        let set = try Repo.loadCriteria()
        let file = try Repo.write("roster: 1\nunits:\n" + units + "\n", name: "roster.yaml", test: self)
        let (roster, diagnostics) = Roster.load(path: file, schema: set.schema)
        return try XCTUnwrap(roster, diagnostics.map(\.message.en).joined(separator: "; "))
    }

    private func load(_ text: String, checks: FileChecks) throws -> FactsFile {
        let set = try Repo.loadCriteria()
        return FactsFile.load(path: try Repo.write(text, test: self), validator: set.validator, checks: checks)
    }

    // MARK: Waivers

    func testAWaiverIsActiveOnItsExpiryDayAndNotTheDayAfter() throws {
        let failing = Repo.readyWard.replacingOccurrences(of: "capacity_kva: 10", with: "capacity_kva: 3")
        let waivers = try XCTUnwrap(try waivers("""
          - { criterion: TC06, unit: "99001", justification: "j", approved_by: "a", expires: 2025-07-10 }
        """).0)
        let lastDay = try Repo.scorecard(failing, waivers: waivers, asOf: Day(iso: "2025-07-10"), test: self)
        XCTAssertEqual(lastDay.result("TC06")?.outcome, .waived, "on the expiry day itself the waiver holds")
        let dayAfter = try Repo.scorecard(failing, waivers: waivers, asOf: Day(iso: "2025-07-11"), test: self)
        XCTAssertEqual(dayAfter.result("TC06")?.outcome, .failed)
        XCTAssertEqual(dayAfter.expiredWaivers.map(\.criterion), ["TC06"])
    }

    func testAWaiverExcusesTheFailingCheckButNotTheFactsLeftOut() throws {
        // Capacity 3 kVA fails; fuel hours are left out. The waiver turns the failure into waived,
        // but the unit must still report its fuel.
        let text = Repo.readyWard.replacingOccurrences(of: noGenerator, with: "  generator: { present: true, capacity_kva: 3, last_test: 2025-06-20 }\n")
        let waivers = try XCTUnwrap(try waivers("""
          - { criterion: TC06, unit: "99001", justification: "j", approved_by: "a", expires: 2030-01-01 }
        """).0)
        let card = try Repo.scorecard(text, waivers: waivers, test: self)
        XCTAssertEqual(card.result("TC06")?.outcome, .waived)
        let tc06 = card.remedies.filter { $0.criterion == "TC06" }
        XCTAssertEqual(tc06.map(\.kind), [.report], "no purchase for a waived criterion, but the report stays")
        XCTAssertEqual(tc06.first?.facts, ["power.generator.fuel_hours"])
    }

    func testAWaiverForAUnitTheRosterDoesNotListIsAnErrorWithASuggestion() throws {
        let roster = try roster("""
          - { code: "20705", name: "Xã Trà Leng", type: commune, terrain: mountain, villages: 9 }
          - { code: "20194", name: "Phường Hòa Xuân", type: ward, terrain: lowland, villages: 10 }
        """)
        let (loaded, diagnostics) = try waivers("""
          - { criterion: TC04, unit: "20750", justification: "j", approved_by: "a", expires: 2027-06-30 }
        """, roster: roster)
        XCTAssertNil(loaded)
        let error = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(error.code, .notInRoster)
        XCTAssertEqual(error.start.line, 3)
        XCTAssertEqual(error.hint?.en, "did you mean `20705` (Xã Trà Leng)?")
        let (unknownCriterion, criterionErrors) = try waivers("""
          - { criterion: TX04, unit: "20705", justification: "j", approved_by: "a", expires: 2027-06-30 }
        """, roster: roster)
        XCTAssertNil(unknownCriterion)
        XCTAssertEqual(criterionErrors.first?.code, .unknownCriterion)
        XCTAssertEqual(criterionErrors.first?.hint?.en, "did you mean `TC04`?")
        // Without a roster, at least the code must be a unit code.
        let (badCode, codeErrors) = try waivers("""
          - { criterion: TC04, unit: "2070", justification: "j", approved_by: "a", expires: 2027-06-30 }
        """)
        XCTAssertNil(badCode)
        XCTAssertEqual(codeErrors.first?.code, .badPattern)
    }

    // MARK: Impossible values

    func testZeroOfficialsIsAnErrorNotFivePassedCriteria() throws {
        let zero = Repo.readyWard.replacingOccurrences(of: "officials: 45", with: "officials: 0")
            .replacingOccurrences(of: "trained: 45", with: "trained: 0")
        let file = try load(zero, checks: FileChecks())
        XCTAssertFalse(file.isValid)
        let error = try XCTUnwrap(file.diagnostics.first { $0.code == .outOfRange })
        XCTAssertEqual([error.start.line, error.start.column], [20, 14])
        XCTAssertTrue(error.message.en.contains("below the minimum of 1"), error.message.en)
        let one = Repo.readyWard.replacingOccurrences(of: "officials: 45", with: "officials: 1")
            .replacingOccurrences(of: "trained: 45", with: "trained: 1")
        XCTAssertTrue(try load(one, checks: FileChecks()).isValid, "one official is the least a unit can have")
    }

    // MARK: Dates

    func testFactsFromTheFutureAreRefused() throws {
        // The fixture's facts are dated 2025-07-05.
        let before = try load(Repo.readyWard, checks: FileChecks(today: Day(iso: "2025-07-04")))
        XCTAssertFalse(before.isValid)
        let error = try XCTUnwrap(before.diagnostics.first)
        XCTAssertEqual(error.code, .factsFromTheFuture)
        XCTAssertEqual([error.start.line, error.start.column], [3, 8])
        XCTAssertTrue(try load(Repo.readyWard, checks: FileChecks(today: Day(iso: "2025-07-05"))).isValid, "today itself is fine")
    }

    func testAnEvaluationDayBeforeTheFactsRefusesTheFileOnTheDayAfterItDoesNot() throws {
        XCTAssertFalse(try load(Repo.readyWard, checks: FileChecks(judgedOn: Day(iso: "2025-07-04"))).isValid)
        XCTAssertTrue(try load(Repo.readyWard, checks: FileChecks(judgedOn: Day(iso: "2025-07-05"))).isValid)
    }

    // MARK: The roster's authority

    func testTheRosterFillsALeftOutTerrainAndRefusesAContradiction() throws {
        let roster = try roster("""
          - { code: "99001", name: "Phường Thử Nghiệm", type: ward, terrain: mountain, villages: 8 }
        """)
        let set = try Repo.loadCriteria()
        let evaluator = Evaluator(criteria: set, roster: roster)
        // 12 hours of fuel: enough on the lowland the file claims, short of the 24 a mountain unit needs.
        let twelve = Repo.readyWard.replacingOccurrences(of: "fuel_hours: 24", with: "fuel_hours: 12")
        let contradicting = UnitReport.check(path: try Repo.write(twelve, test: self), evaluator: evaluator)
        XCTAssertNil(contradicting.scorecard)
        let error = try XCTUnwrap(contradicting.diagnostics.first)
        XCTAssertEqual(error.code, .rosterContradiction)
        XCTAssertEqual([error.start.line, error.start.column], [2, 72], "at the file's terrain")
        XCTAssertTrue(error.message.en.contains("`lowland`") && error.message.en.contains("`mountain`"), error.message.en)

        let silent = twelve.replacingOccurrences(of: ", terrain: lowland", with: "")
        let filled = try XCTUnwrap(UnitReport.check(path: try Repo.write(silent, test: self), evaluator: evaluator).scorecard)
        let tc06 = try XCTUnwrap(filled.result("TC06"))
        XCTAssertEqual(tc06.outcome, .failed, "judged as the mountain unit the roster says it is")
        XCTAssertEqual(tc06.decisive.first?.required, "24")
        // Without the roster the same file is not reported: 12 hours depend on the terrain.
        let alone = try XCTUnwrap(UnitReport.check(path: try Repo.write(silent, test: self), evaluator: Evaluator(criteria: set)).scorecard)
        XCTAssertEqual(alone.result("TC06")?.outcome, .notReported)
        XCTAssertEqual(alone.result("TC06")?.missing.map(\.path), ["unit.terrain"])
    }

    func testRosterValuesAreTypedAndCheckedLikeFacts() throws {
        let set = try Repo.loadCriteria()
        let file = try Repo.write("roster: 1\nunits:\n  - { code: \"99001\", name: \"A\", terrain: hills, villages: 0 }\n", name: "roster.yaml", test: self)
        let (roster, diagnostics) = Roster.load(path: file, schema: set.schema)
        XCTAssertNil(roster)
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.code), [.notInEnum, .outOfRange])
    }

    // MARK: The shipped criteria with facts left out

    func testTC09ScannersLeftUndecidedByDesksOnlyWhenTheyCouldMatter() throws {
        let none = Repo.readyWard.replacingOccurrences(of: "service_counter: { desks: 4, scanners: 4 }", with: "service_counter: { scanners: 0 }")
        let card = try Repo.scorecard(none, test: self)
        XCTAssertEqual(card.result("TC09")?.outcome, .failed, "no scanner fails whatever the desks")
        XCTAssertEqual(card.totalCost, 0, "the scanners are not charged until the desks are known")
        XCTAssertEqual(card.remedies.filter { $0.criterion == "TC09" }.map(\.kind), [.item("scanner"), .report])
    }
}

final class MoneyTests: XCTestCase {
    func testProductsAndSumsSayWhenTheyOverflow() {
        // The largest single remedy: 1,000,000 × 100,000,000,000 = 10^17, which fits.
        XCTAssertEqual(Money.times(100_000_000_000, 1_000_000), 100_000_000_000_000_000)
        XCTAssertFalse(Money.overflows(100_000_000_000, 1_000_000))
        // 93 of them sum to 9.3 × 10^18, past Int.max (≈ 9.22 × 10^18).
        let many = Array(repeating: 100_000_000_000_000_000, count: 93)
        XCTAssertTrue(Money.overflows(many))
        XCTAssertEqual(Money.sum(many), Int.max, "saturated, never trapped")
        XCTAssertFalse(Money.overflows(Array(many.prefix(92))))
        XCTAssertTrue(Money.overflows(100_000_000_000, 100_000_000))
    }
}
