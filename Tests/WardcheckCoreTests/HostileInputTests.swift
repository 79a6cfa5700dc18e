import Foundation
import WardcheckCore
import YAMLTree
import XCTest

/// Inputs a careless or hostile file may hold: each is an error with a position, never a crash,
/// a hang or a silently wrong result.
final class HostileInputTests: XCTestCase {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        let set = try Repo.loadCriteria()
        let path = try Repo.write(text, test: self)
        return FactsFile.load(path: path, validator: set.validator).diagnostics
    }

    func testHugeCountsAreOutOfRangeNotAnOverflow() throws {
        for huge in ["1000000000000", "18446744073709551617", String(repeating: "9", count: 200)] {
            let text = Repo.readyWard.replacingOccurrences(of: "  officials: 45", with: "  officials: \(huge)")
            let found = try diagnostics(text)
            XCTAssertEqual(found.map(\.code), [.outOfRange], huge)
            XCTAssertEqual(found.first?.start.line, 20, "officials is on line 20 of the fixture")
        }
        let format = try diagnostics(Repo.readyWard.replacingOccurrences(of: "format: 1", with: "format: 18446744073709551617"))
        XCTAssertEqual(format.map(\.code), [.outOfRange], "a wrapped integer must never read as format 1")
    }

    func testOddDatesGetAHintNotACrash() throws {
        for date in ["2026-07-99999999999999999999", "٢٠٢٥-٠٧-٠٥", "2026/07/½", "2025-02-30"] {
            let found = try diagnostics(Repo.readyWard.replacingOccurrences(of: "as_of: 2025-07-05", with: "as_of: \(date)"))
            XCTAssertEqual(found.first?.code, .badDate, date)
        }
    }

    func testControlCharactersInTextAreRefused() throws {
        let found = try diagnostics(Repo.readyWard.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\"", with: "name: \"X\\e[2JPWNED\""))
        XCTAssertEqual(found.map(\.code), [.badText])
    }

    func testAnEvaluationDayBeforeTheFactsDateRefusesTheFile() throws {
        let set = try Repo.loadCriteria()
        let path = try Repo.write(Repo.readyWard, test: self)
        let report = UnitReport.check(path: path, evaluator: Evaluator(criteria: set, asOf: Day(iso: "2025-06-01")))
        XCTAssertNil(report.scorecard, "facts dated 2025-07-05 cannot be judged on 2025-06-01")
        let error = try XCTUnwrap(report.diagnostics.first)
        XCTAssertEqual(error.code, .factsAfterEvaluationDay)
        XCTAssertEqual([error.start.line, error.start.column], [3, 8], "at the as_of value")
        XCTAssertTrue(error.message.en.contains("2025-07-05") && error.message.en.contains("2025-06-01"), error.message.en)
        XCTAssertFalse(error.message.en.contains("-"  + "34"), "no negative day count")
    }

    func testAWaiverNeverCoversFactsLeftOut() throws {
        let text = Repo.readyWard.replacingOccurrences(of: "  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }\n", with: "")
        let set = try Repo.loadCriteria()
        let file = try Repo.write("""
        waivers: 1
        entries:
          - { criterion: TC06, unit: "99001", justification: "j", approved_by: "a", expires: 2030-01-01 }

        """, name: "waivers.yaml", test: self)
        let waivers = try XCTUnwrap(Waivers.load(path: file, criteria: set).0)
        let card = try Repo.scorecard(text, waivers: waivers, test: self)
        XCTAssertEqual(card.result("TC06")?.outcome, .notReported)
        XCTAssertEqual(card.remedies.filter { $0.criterion == "TC06" }.map(\.kind), [.report])
    }

    func testMoneySaturatesInsteadOfTrapping() {
        XCTAssertEqual(Money.times(Int.max / 2, 3), Int.max)
        XCTAssertEqual(Money.sum([Int.max, 1]), Int.max)
        XCTAssertEqual(Money.times(15_000_000, 7), 105_000_000)
    }

    func testAUnitOutsideTheRosterIsNotCounted() throws {
        let set = try Repo.loadCriteria()
        let rosterFile = try Repo.write("""
        roster: 1
        units:
          - { code: "99001", name: "Phường Thử Nghiệm" }

        """, name: "roster.yaml", test: self)
        let (roster, problems) = Roster.load(path: rosterFile, schema: set.schema)
        XCTAssertEqual(problems.count, 0)
        let stranger = try Repo.write(Repo.readyWard.replacingOccurrences(of: "code: \"99001\"", with: "code: \"99999\"")
            .replacingOccurrences(of: "computers: { working: 45 }", with: "computers: { working: 35 }")
            .replacingOccurrences(of: "protected_computers: 45", with: "protected_computers: 35"), test: self)
        let accumulator = AuditAccumulator(criteria: set, roster: roster)
        accumulator.add(UnitReport.check(path: stranger, evaluator: Evaluator(criteria: set)))
        let audit = accumulator.finish()
        XCTAssertEqual(audit.diagnostics.map(\.code), [.notInRoster])
        XCTAssertEqual(audit.rows.count, 0)
        XCTAssertEqual(audit.grandTotal, 0, "its computers are not the city's to buy")
        XCTAssertEqual(audit.tallies.reduce(0) { $0 + $1.failed }, 0)
        XCTAssertEqual(audit.notSubmitted.map(\.code), ["99001"])
    }

    /// A message that quotes what a file wrote is cut at 400 characters, hints and plain sentences too.
    func testAMessageIsCutAtItsLongest() {
        let sink = DiagnosticSink(file: "long.yaml")
        let long = String(repeating: "ư", count: 5000)
        sink.error(.yamlSyntax, at: Mark(line: 1, column: 1), Localized(long), hint: Localized(long))
        let d = sink.finished(source: "a: 1\n")[0]
        XCTAssertEqual(d.message.vi.unicodeScalars.count, 400)
        XCTAssertTrue(d.message.vi.hasSuffix("ư…"))
        XCTAssertEqual(d.hint?.vi.unicodeScalars.count, 400)
    }
}
