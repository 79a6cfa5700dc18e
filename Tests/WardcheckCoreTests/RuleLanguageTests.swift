import Foundation
import WardcheckCore
import XCTest

/// Every condition form and expression of docs/criteria.md, each with what passes, what fails and
/// what is not reported, at its boundaries. Expected figures are worked out by hand in the comments.
final class RuleLanguageTests: XCTestCase {
    private static let note = "{ action: stock_fuel, text: { vi: \"x {required}\", en: \"x {required}\" } }"

    /// A criterion with one check requiring `require` (and guarded by `when`).
    private func rule(_ require: String, when: String? = nil, remedy: String = RuleLanguageTests.note) throws -> RuleHarness {
        try RuleHarness(checks: """
          - id: c
        \(when.map { "    when: \($0)\n" } ?? "")    require: \(require)
            remedy: \(remedy)
        """)
    }

    private func printers(_ n: Int) -> String { "{ equipment: { printers: { working: \(n) } }, staffing: { officials: 45 } }" }

    // MARK: Comparisons of booleans and enums

    func testIsAndIsNotOnABoolean() throws {
        let isTrue = try rule("{ fact: power.generator.present, is: true }")
        XCTAssertEqual(try isTrue.outcome("{ power: { generator: { present: true } } }"), .passed)
        XCTAssertEqual(try isTrue.outcome("{ power: { generator: { present: false } } }"), .failed)
        let missing = try isTrue.result("{ power: { ups: { present: true } } }")
        XCTAssertEqual(missing.outcome, .notReported)
        XCTAssertEqual(missing.missing.map(\.path), ["power.generator"], "folded to the absent block")
        XCTAssertEqual(missing.remedies.map(\.kind), [.report])

        let isNot = try rule("{ fact: power.generator.present, is_not: true }")
        XCTAssertEqual(try isNot.outcome("{ power: { generator: { present: true } } }"), .failed)
        XCTAssertEqual(try isNot.outcome("{ power: { generator: { present: false } } }"), .passed)
        XCTAssertEqual(try isNot.outcome("{ as_of: 2025-07-05 }"), .notReported)
    }

    func testIsAndIsNotOnAnEnum() throws {
        let isNone = try rule("{ fact: network.backup_link, is: none }")
        XCTAssertEqual(try isNone.outcome("{ network: { backup_link: none } }"), .passed)
        XCTAssertEqual(try isNone.outcome("{ network: { backup_link: 4g } }"), .failed)
        XCTAssertEqual(try isNone.outcome("{ network: { lan: { all_offices: true } } }"), .notReported)
        let notNone = try rule("{ fact: network.backup_link, is_not: none }")
        XCTAssertEqual(try notNone.outcome("{ network: { backup_link: none } }"), .failed)
        XCTAssertEqual(try notNone.outcome("{ network: { backup_link: satellite } }"), .passed)
    }

    func testInAndNotIn() throws {
        let mobile = try rule("{ fact: network.backup_link, in: [4g, 5g] }")
        XCTAssertEqual(try mobile.outcome("{ network: { backup_link: 5g } }"), .passed)
        XCTAssertEqual(try mobile.outcome("{ network: { backup_link: second_isp } }"), .failed)
        XCTAssertEqual(try mobile.outcome("{ network: { lan: { all_offices: true } } }"), .notReported)
        let notNone = try rule("{ fact: network.backup_link, not_in: [none] }")
        XCTAssertEqual(try notNone.outcome("{ network: { backup_link: 4g } }"), .passed)
        XCTAssertEqual(try notNone.outcome("{ network: { backup_link: none } }"), .failed)
        // Listing every value decides the comparison whatever the left-out fact is.
        let every = try rule("{ fact: network.backup_link, in: [none, 4g, 5g, second_isp, satellite] }")
        let left = try every.result("{ network: { lan: { all_offices: true } } }")
        XCTAssertEqual(left.outcome, .passed)
        XCTAssertEqual(left.decidedWithout, ["network.backup_link"])
    }

    // MARK: Numeric comparisons at their boundaries

    func testAtLeastAtEqualityAndOneBelow() throws {
        let r = try rule("{ fact: equipment.printers.working, at_least: 5 }")
        XCTAssertEqual(try r.outcome(printers(5)), .passed)
        XCTAssertEqual(try r.outcome(printers(4)), .failed)
        XCTAssertEqual(try r.outcome("{ staffing: { officials: 45 } }"), .notReported)
    }

    func testAtMostAtEqualityAndOneAbove() throws {
        let r = try rule("{ fact: equipment.printers.working, at_most: 5 }")
        XCTAssertEqual(try r.outcome(printers(5)), .passed)
        XCTAssertEqual(try r.outcome(printers(6)), .failed)
        XCTAssertEqual(try r.outcome("{ staffing: { officials: 45 } }"), .notReported)
    }

    func testMoreThanFailsAtEquality() throws {
        let r = try rule("{ fact: equipment.printers.working, more_than: 5 }")
        XCTAssertEqual(try r.outcome(printers(5)), .failed)
        XCTAssertEqual(try r.outcome(printers(6)), .passed)
    }

    func testLessThanFailsAtEquality() throws {
        let r = try rule("{ fact: equipment.printers.working, less_than: 5 }")
        XCTAssertEqual(try r.outcome(printers(5)), .failed)
        XCTAssertEqual(try r.outcome(printers(4)), .passed)
    }

    func testEqualsOnBothSides() throws {
        let r = try rule("{ fact: equipment.printers.working, equals: 5 }")
        XCTAssertEqual(try r.outcome(printers(5)), .passed)
        XCTAssertEqual(try r.outcome(printers(4)), .failed)
        XCTAssertEqual(try r.outcome(printers(6)), .failed)
    }

    func testDecimalThresholdsAreExact() throws {
        let r = try rule("{ fact: network.internet.download_mbps, at_least: 99.5 }")
        XCTAssertEqual(try r.outcome("{ network: { internet: { download_mbps: 99.5 } } }"), .passed)
        XCTAssertEqual(try r.outcome("{ network: { internet: { download_mbps: 99.4 } } }"), .failed)
    }

    // MARK: Date windows

    func testWithinDaysOnDayNAndDayNPlusOne() throws {
        let r = try rule("{ fact: network.video_conference.last_test, within_days: 30 }")
        let tested = { (day: String) in "{ network: { video_conference: { last_test: \(day) } } }" }
        // 2025-07-31 − 2025-07-01 = 30 days: inside; 2025-06-30 is 31 days back: outside.
        XCTAssertEqual(try r.outcome(tested("2025-07-01"), on: "2025-07-31"), .passed)
        XCTAssertEqual(try r.outcome(tested("2025-06-30"), on: "2025-07-31"), .failed)
        XCTAssertEqual(try r.result(tested("2025-06-30"), on: "2025-07-31").checks[0].comparisons[0].daysAgo, 31)
        // The window looks back: a date after the evaluation day is not inside it.
        XCTAssertEqual(try r.outcome(tested("2025-08-01"), on: "2025-07-31"), .failed)
        XCTAssertEqual(try r.outcome("{ network: { lan: { all_offices: true } } }", on: "2025-07-31"), .notReported)
        // No evaluation day at all (no as_of, no --as-of): not reported, asking for the date.
        let undated = try r.result(tested("2025-07-01"), on: nil)
        XCTAssertEqual(undated.outcome, .notReported)
        XCTAssertEqual(undated.missing.map(\.path), ["as_of"])
    }

    // MARK: all, any, not in three-valued logic

    func testAllOfPassFailAndNotReported() throws {
        let r = try rule("{ all: [ { fact: equipment.printers.working, at_least: 5 }, { fact: staffing.it_officer, is: true } ] }")
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 5 } }, staffing: { it_officer: true } }"), .passed)
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 5 } }, staffing: { it_officer: false } }"), .failed)
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 5 } }, staffing: { officials: 3 } }"), .notReported)
        // A definite failure decides, and the fact left out is still asked for.
        let failedAndMissing = try r.result("{ equipment: { printers: { working: 4 } }, staffing: { officials: 3 } }")
        XCTAssertEqual(failedAndMissing.outcome, .failed)
        XCTAssertEqual(failedAndMissing.missing.map(\.path), ["staffing.it_officer"])
        XCTAssertEqual(failedAndMissing.remedies.map(\.kind), [.action("stock_fuel"), .report])
    }

    func testAnyOfPassFailAndNotReported() throws {
        let r = try rule("{ any: [ { fact: equipment.printers.working, at_least: 5 }, { fact: staffing.it_officer, is: true } ] }")
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 4 } }, staffing: { it_officer: false } }"), .failed)
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 4 } }, staffing: { it_officer: true } }"), .passed)
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 4 } }, staffing: { officials: 3 } }"), .notReported)
        let passedAndMissing = try r.result("{ equipment: { printers: { working: 5 } }, staffing: { officials: 3 } }")
        XCTAssertEqual(passedAndMissing.outcome, .passed)
        XCTAssertTrue(passedAndMissing.remedies.isEmpty, "a passed criterion asks for nothing")
    }

    func testNotSwapsPassAndFailAndKeepsNotReported() throws {
        let r = try rule("{ not: { fact: network.backup_link, is: none } }")
        XCTAssertEqual(try r.outcome("{ network: { backup_link: none } }"), .failed)
        XCTAssertEqual(try r.outcome("{ network: { backup_link: 4g } }"), .passed)
        XCTAssertEqual(try r.outcome("{ network: { lan: { all_offices: true } } }"), .notReported)
    }

    // MARK: Expressions

    func testCeilAndFloorOnAHalf() throws {
        // 45 × 0.1 = 4.5: ⌈4.5⌉ = 5, ⌊4.5⌋ = 4.
        let ceil = try rule("{ fact: equipment.printers.working, at_least: { ceil: { multiply: [ { fact: staffing.officials }, 0.1 ] } } }")
        XCTAssertEqual(try ceil.outcome(printers(4)), .failed)
        XCTAssertEqual(try ceil.outcome(printers(5)), .passed)
        XCTAssertEqual(try ceil.result(printers(4)).checks[0].comparisons[0].required, "5")
        let floor = try rule("{ fact: equipment.printers.working, at_least: { floor: { multiply: [ { fact: staffing.officials }, 0.1 ] } } }")
        XCTAssertEqual(try floor.outcome(printers(4)), .passed)
        XCTAssertEqual(try floor.outcome(printers(3)), .failed)
    }

    func testAddAndSubtract() throws {
        // 45 + 2 = 47; 45 − 2 = 43.
        let add = try rule("{ fact: equipment.printers.working, at_least: { add: [ { fact: staffing.officials }, 2 ] } }")
        XCTAssertEqual(try add.outcome(printers(47)), .passed)
        XCTAssertEqual(try add.outcome(printers(46)), .failed)
        let subtract = try rule("{ fact: equipment.printers.working, at_least: { subtract: [ { fact: staffing.officials }, 2 ] } }")
        XCTAssertEqual(try subtract.outcome(printers(43)), .passed)
        XCTAssertEqual(try subtract.outcome(printers(42)), .failed)
        XCTAssertEqual(try subtract.result(printers(42)).checks[0].comparisons[0].formula, "staffing.officials − 2 = 45 − 2 = 43")
    }

    func testDivideAndDivisionByZero() throws {
        // 45 ÷ 2 = 22.5: 22 printers fall short, 23 pass.
        let half = try rule("{ fact: equipment.printers.working, at_least: { divide: [ { fact: staffing.officials }, 2 ] } }")
        XCTAssertEqual(try half.outcome(printers(22)), .failed)
        XCTAssertEqual(try half.outcome(printers(23)), .passed)

        let perDesk = try rule("{ fact: equipment.printers.working, at_least: { divide: [ 10, { fact: equipment.service_counter.desks } ] } }")
        let zero = try perDesk.result("{ equipment: { printers: { working: 1 }, service_counter: { desks: 0 } } }")
        XCTAssertEqual(zero.outcome, .notEvaluable, "a reported zero divisor has no answer; it is neither passed nor failed")
        let problem = try XCTUnwrap(zero.problem)
        XCTAssertEqual(problem.facts, ["equipment.service_counter.desks"])
        XCTAssertTrue(problem.message.en.contains("division by zero"), problem.message.en)
        XCTAssertEqual(problem.at?.line, 7, "at the check in the criterion file")
        XCTAssertTrue(zero.remedies.isEmpty)
        XCTAssertEqual(try perDesk.outcome("{ equipment: { printers: { working: 1 }, service_counter: { desks: 5 } } }"), .failed, "10 ÷ 5 = 2 > 1")
        XCTAssertEqual(try perDesk.outcome("{ equipment: { printers: { working: 2 }, service_counter: { desks: 5 } } }"), .passed)
        // Desks left out could be zero: not reported, asking for desks — never a silent pass.
        let open = try perDesk.result("{ equipment: { printers: { working: 1 } } }")
        XCTAssertEqual(open.outcome, .notReported)
        XCTAssertEqual(open.missing.map(\.path), ["equipment.service_counter"])
    }

    func testMaxAndMin() throws {
        // max(1, 3) = 3 and min(1, 3) = 1.
        let max = try rule("{ fact: equipment.printers.working, at_least: { max: [ { fact: equipment.service_counter.desks }, 3 ] } }")
        XCTAssertEqual(try max.outcome("{ equipment: { printers: { working: 2 }, service_counter: { desks: 1 } } }"), .failed)
        XCTAssertEqual(try max.outcome("{ equipment: { printers: { working: 3 }, service_counter: { desks: 1 } } }"), .passed)
        let min = try rule("{ fact: equipment.printers.working, at_least: { min: [ { fact: equipment.service_counter.desks }, 3 ] } }")
        XCTAssertEqual(try min.outcome("{ equipment: { printers: { working: 1 }, service_counter: { desks: 1 } } }"), .passed)
        XCTAssertEqual(try min.outcome("{ equipment: { printers: { working: 0 }, service_counter: { desks: 1 } } }"), .failed)
    }

    func testByChoosesACaseOrOtherwise() throws {
        let r = try rule("{ fact: power.generator.fuel_hours, at_least: { by: unit.terrain, cases: { mountain: 24, island: 24 }, otherwise: 8 } }")
        let fuel = { (hours: Int, terrain: String) in "{ unit: { terrain: \(terrain) }, power: { generator: { fuel_hours: \(hours) } } }" }
        XCTAssertEqual(try r.outcome(fuel(12, "mountain")), .failed)
        XCTAssertEqual(try r.outcome(fuel(24, "island")), .passed)
        XCTAssertEqual(try r.outcome(fuel(8, "lowland")), .passed, "otherwise: 8")
        XCTAssertEqual(try r.outcome(fuel(7, "coastal")), .failed)
    }

    // MARK: A left-out fact that cannot change the verdict

    func testTerrainLeftOutDecidesWhenEveryTerrainAgrees() throws {
        let r = try rule("{ fact: power.generator.fuel_hours, at_least: { by: unit.terrain, cases: { mountain: 24, island: 24 }, otherwise: 8 } }")
        let fuel = { (hours: Int) in "{ unit: { villages: 3 }, power: { generator: { fuel_hours: \(hours) } } }" }
        // 6 hours fall short of 8 and of 24: failed whatever the terrain, and the terrain is asked
        // for because it sets how much fuel to stock.
        let six = try r.result(fuel(6))
        XCTAssertEqual(six.outcome, .failed)
        XCTAssertEqual(six.checks[0].comparisons[0].required, "8–24")
        XCTAssertEqual(six.missing.map(\.path), ["unit.terrain"])
        // 12 hours meet 8 but not 24: it depends, so not reported, asking for the terrain alone.
        let twelve = try r.result(fuel(12))
        XCTAssertEqual(twelve.outcome, .notReported)
        XCTAssertEqual(twelve.missing.map(\.path), ["unit.terrain"])
        // 30 hours meet both: passed, nothing asked.
        let thirty = try r.result(fuel(30))
        XCTAssertEqual(thirty.outcome, .passed)
        XCTAssertEqual(thirty.decidedWithout, ["unit.terrain"])
        XCTAssertTrue(thirty.remedies.isEmpty)
    }

    func testANumericFactLeftOutDecidesThroughItsRange() throws {
        // TC09's rule: scanners ≥ max(desks, 1). With desks left out the requirement is 1 or more,
        // so no scanner fails whatever the desks, and two scanners depend on them.
        let r = try rule("{ fact: equipment.service_counter.scanners, at_least: { max: [ { fact: equipment.service_counter.desks }, 1 ] } }",
                         remedy: "{ item: scanner, quantity: shortfall, text: { vi: \"mua {quantity}\", en: \"buy {quantity}\" } }")
        let none = try r.result("{ equipment: { service_counter: { scanners: 0 } } }")
        XCTAssertEqual(none.outcome, .failed)
        let scanner = try XCTUnwrap(none.remedies.first { $0.kind == .item("scanner") })
        XCTAssertNil(scanner.quantity, "how many depends on the desks: not charged as one")
        XCTAssertTrue(scanner.isUnpriced)
        XCTAssertEqual(scanner.cost, 0)
        XCTAssertEqual(scanner.text.en, "buy at least 1")
        XCTAssertEqual(none.remedies.last?.facts, ["equipment.service_counter.desks"])
        let two = try r.result("{ equipment: { service_counter: { scanners: 2 } } }")
        XCTAssertEqual(two.outcome, .notReported)
        XCTAssertEqual(two.missing.map(\.path), ["equipment.service_counter.desks"])
    }

    func testOnlyTheFactsThatDecideAreAskedFor() throws {
        let r = try rule("""
        { all: [ { fact: network.internet.download_mbps, at_least: { by: unit.type, cases: { ward: 100 }, otherwise: 50 } },
                     { fact: network.backup_link, not_in: [none] } ] }
        """)
        // 200 Mbps is enough for any type; only the backup link is open.
        let open = try r.result("{ unit: { villages: 3 }, network: { internet: { download_mbps: 200 } } }")
        XCTAssertEqual(open.outcome, .notReported)
        XCTAssertEqual(open.missing.map(\.path), ["network.backup_link"])
        XCTAssertEqual(open.remedies.last?.facts, ["network.backup_link"])
    }

    func testAGuardOnALeftOutFact() throws {
        let r = try rule("{ fact: power.generator.fuel_hours, at_least: 8 }", when: "{ fact: power.generator.present, is: true }")
        XCTAssertEqual(try r.outcome("{ power: { generator: { present: false, fuel_hours: 2 } } }"), .passed, "not applicable")
        // Present or not, 12 hours cannot fail the check.
        XCTAssertEqual(try r.outcome("{ power: { generator: { fuel_hours: 12 } } }"), .passed)
        // 4 hours fail if there is a generator and do not matter if there is none: it depends.
        let open = try r.result("{ power: { generator: { fuel_hours: 4 } } }")
        XCTAssertEqual(open.outcome, .notReported)
        XCTAssertEqual(open.missing.map(\.path), ["power.generator.present"])
    }

    func testTheGuardedFactDecidedAcrossChecks() throws {
        // TC06's shape: the generator must be present, and when present hold 8 hours of fuel.
        // With `present` left out and 4 hours: no generator fails the first check, a generator
        // fails the second. Failed either way; what to do depends on `present`, which is asked for.
        let r = try RuleHarness(checks: """
          - id: present
            require: { fact: power.generator.present, is: true }
            remedy: { item: generator, quantity: 1, text: { vi: "mua", en: "buy" } }
          - id: fuel
            when: { fact: power.generator.present, is: true }
            require: { fact: power.generator.fuel_hours, at_least: 8 }
            remedy: { action: stock_fuel, text: { vi: "dầu", en: "fuel" } }
        """)
        let four = try r.result("{ power: { generator: { fuel_hours: 4 } } }")
        XCTAssertEqual(four.outcome, .failed)
        XCTAssertEqual(four.decidedWithout, ["power.generator.present"])
        XCTAssertEqual(four.remedies.map(\.kind), [.report], "buying and stocking fuel each hold in only one case")
        XCTAssertEqual(four.remedies[0].facts, ["power.generator.present"])
        let twelve = try r.result("{ power: { generator: { fuel_hours: 12 } } }")
        XCTAssertEqual(twelve.outcome, .notReported, "no generator fails, a generator with 12 hours passes")
    }

    // MARK: Outcome precedence

    func testFailedOutranksNotEvaluableWhichOutranksNotReported() throws {
        let zero = "{ fact: equipment.printers.working, at_least: { divide: [ 10, { fact: equipment.service_counter.desks } ] } }"
        let fails = "{ fact: staffing.it_officer, is: true }"
        let open = "{ fact: network.backup_link, is_not: none }"
        let facts = "{ equipment: { printers: { working: 1 }, service_counter: { desks: 0 } }, staffing: { it_officer: false } }"
        XCTAssertEqual(try rule("{ all: [ \(zero), \(fails) ] }").outcome(facts), .failed)
        XCTAssertEqual(try rule("{ all: [ \(zero), \(open) ] }").outcome(facts), .notEvaluable)
        XCTAssertEqual(try rule("{ any: [ \(zero), { fact: staffing.it_officer, is: true } ] }").outcome(facts), .notEvaluable)
        let twoChecks = try RuleHarness(checks: """
          - id: broken
            require: \(zero)
            remedy: \(Self.note)
          - id: officer
            require: \(fails)
            remedy: { action: designate_it_officer, text: { vi: "x", en: "x" } }
        """)
        let result = try twoChecks.result(facts)
        XCTAssertEqual(result.outcome, .failed, "a definite failure decides the criterion")
        XCTAssertNotNil(result.problem, "the broken check is still recorded")
    }

    // MARK: Remedy quantities

    func testShortfallForAtLeastAndMoreThan() throws {
        // 45 officials, 38 computers: 7 short.
        let atLeast = try rule("{ fact: equipment.computers.working, at_least: { fact: staffing.officials } }",
                               remedy: "{ item: computer, quantity: shortfall, text: { vi: \"{quantity}\", en: \"{quantity}\" } }")
        let computers = try atLeast.result("{ equipment: { computers: { working: 38 } }, staffing: { officials: 45 } }")
        XCTAssertEqual(computers.remedies.first?.quantity, 7)
        XCTAssertEqual(computers.remedies.first?.cost, 105_000_000, "7 × 15.000.000")
        // More than 5 with 3: 6 are needed, so 3 more (not 2).
        let moreThan = try rule("{ fact: equipment.printers.working, more_than: 5 }",
                                remedy: "{ item: printer, quantity: shortfall, text: { vi: \"{quantity}\", en: \"{quantity}\" } }")
        XCTAssertEqual(try moreThan.result(printers(3)).remedies.first?.quantity, 3)
        // At least 4.5 with 4: half a printer short is one printer.
        let half = try rule("{ fact: equipment.printers.working, at_least: 4.5 }",
                            remedy: "{ item: printer, quantity: shortfall, text: { vi: \"{quantity}\", en: \"{quantity}\" } }")
        XCTAssertEqual(try half.result(printers(4)).remedies.first?.quantity, 1)
    }

    func testAPurchaseOfNothingIsACriterionFaultNotOneItem() throws {
        // Scanners short, but the quantity formula (desks − scanners = 0 − 0) buys nothing.
        let r = try rule("{ fact: equipment.service_counter.scanners, at_least: { max: [ { fact: equipment.service_counter.desks }, 1 ] } }",
                         remedy: """
                         { item: scanner, quantity: { subtract: [ { fact: equipment.service_counter.desks }, { fact: equipment.service_counter.scanners } ] },
                                 text: { vi: "x", en: "x" } }
                         """)
        let result = try r.result("{ equipment: { service_counter: { desks: 0, scanners: 0 } } }")
        XCTAssertEqual(result.outcome, .notEvaluable)
        let problem = try XCTUnwrap(result.problem)
        XCTAssertTrue(problem.isCriterionFault)
        XCTAssertEqual(problem.at?.line, 9, "at the remedy")
        XCTAssertTrue(problem.message.en.contains("not a positive number"), problem.message.en)
        XCTAssertTrue(result.remedies.isEmpty, "nothing is charged")
    }

    func testAQuantityThatNeedsALeftOutFactIsListedUnpriced() throws {
        let r = try rule("{ fact: equipment.printers.working, at_least: 1 }",
                         remedy: "{ item: printer, quantity: { ceil: { divide: [ { fact: staffing.officials }, 5 ] } }, text: { vi: \"{quantity}\", en: \"{quantity}\" } }")
        let result = try r.result("{ equipment: { printers: { working: 0 } } }")
        XCTAssertEqual(result.outcome, .failed)
        let printer = try XCTUnwrap(result.remedies.first)
        XCTAssertNil(printer.quantity)
        XCTAssertEqual(printer.cost, 0)
        XCTAssertEqual(printer.facts, ["staffing.officials"])
        XCTAssertEqual(result.remedies.map(\.kind), [.item("printer"), .report])
    }

    func testPurchasesWithoutAPositiveQuantityDoNotLoad() throws {
        let none = try RuleHarness.loadErrors(checks: """
          - id: c
            require: { fact: equipment.printers.working, at_least: 1 }
            remedy: { item: printer, text: { vi: "x", en: "x" } }
        """)
        XCTAssertEqual(none.map(\.start.line), [9], "at the remedy")
        XCTAssertTrue(none[0].message.en.contains("needs a `quantity`"), none[0].message.en)
        for bad in ["0", "-1", "1.5"] {
            let errors = try RuleHarness.loadErrors(checks: """
              - id: c
                require: { fact: equipment.printers.working, at_least: 1 }
                remedy: { item: printer, quantity: \(bad), text: { vi: "x", en: "x" } }
            """)
            XCTAssertFalse(errors.isEmpty, "quantity \(bad) must not load")
            XCTAssertEqual(errors.first?.start.line, 9)
        }
    }

    func testALeftOutFactRangesFromItsSchemaMinimum() throws {
        // staffing.officials has minimum 1: with it left out, "a printer per official" needs at
        // least one printer, so none fails whatever the count; from 0 it would stay open.
        let r = try rule("{ fact: equipment.printers.working, at_least: { fact: staffing.officials } }")
        let none = try r.result("{ equipment: { printers: { working: 0 } } }")
        XCTAssertEqual(none.outcome, .failed)
        XCTAssertEqual(none.checks[0].comparisons[0].required, "1–1000000")
        XCTAssertEqual(try r.outcome("{ equipment: { printers: { working: 1 } } }"), .notReported)
    }

    func testTheAuditCountsNotEvaluableApartWithItsReason() throws {
        let r = try rule("{ fact: equipment.printers.working, at_least: { divide: [ 10, { fact: equipment.service_counter.desks } ] } }")
        let base = Repo.readyWard
        let zero = try Repo.write(base.replacingOccurrences(of: "desks: 4", with: "desks: 0")
            .replacingOccurrences(of: "\"99001\"", with: "\"99002\""), name: "zero.yaml", test: self)
        let four = try Repo.write(base, name: "four.yaml", test: self)
        let accumulator = AuditAccumulator(criteria: r.set, roster: nil, asOf: Day(iso: "2025-07-05"))
        let evaluator = Evaluator(criteria: r.set, asOf: Day(iso: "2025-07-05"))
        accumulator.add(UnitReport.check(path: zero, evaluator: evaluator))
        accumulator.add(UnitReport.check(path: four, evaluator: evaluator))
        let audit = accumulator.finish()
        let tally = try XCTUnwrap(audit.tallies.first { $0.id == "TX" })
        // 10 printers ≥ 10 ÷ 4 = 2.5 passes; desks 0 is a division by zero.
        XCTAssertEqual([tally.passed, tally.failed, tally.notReported, tally.notEvaluable], [1, 0, 0, 1])
        XCTAssertEqual(tally.blocking, 1)
        let row = try XCTUnwrap(audit.rows.first { !$0.problems.isEmpty })
        XCTAssertEqual(row.problems.map(\.criterion), ["TX"])
        XCTAssertEqual(row.problems.first?.facts, ["equipment.service_counter.desks"])
        XCTAssertFalse(row.ready)
    }
}
