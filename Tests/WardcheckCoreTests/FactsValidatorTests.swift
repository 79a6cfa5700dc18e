import Foundation
import XCTest
import WardcheckCore
import YAMLTree

/// Schema-level errors in facts files, checked against the real criteria/facts.yaml.
/// Each fixture is valid-minimal.yaml (format, unit code/name/type, as_of on lines 1–6) plus the
/// one defect under test; positions are counted by hand from the lines quoted in each test.
final class FactsValidatorTests: XCTestCase {
    func testMisspelledKeyIsWC101WithTheNearestKey() throws {
        // line 8: `  genrator:` under `power:`.
        let file = try FactsFixtures.load("unknown-key-typo.yaml")
        XCTAssertEqual(file.spots, [Spot("WC101", 8, 3)])
        let hint = try XCTUnwrap(file.diagnostics[0].hint)
        XCTAssertTrue(hint.en.contains("`generator`"), hint.en)
        XCTAssertTrue(hint.vi.contains("`generator`"), hint.vi)
    }

    func testYesIsNotABooleanWC103() throws {
        // line 8: `  firewall: yes`.
        let file = try FactsFixtures.load("boolean-yes.yaml")
        XCTAssertEqual(file.spots, [Spot("WC103", 8, 13)])
        XCTAssertTrue(file.diagnostics[0].hint?.en.contains("true") == true)
    }

    func testFractionalCountIsWC104() throws {
        // line 9: `    working: 4.5` under `equipment.printers`.
        let file = try FactsFixtures.load("count-fractional.yaml")
        XCTAssertEqual(file.spots, [Spot("WC104", 9, 14)])
        XCTAssertTrue(file.diagnostics[0].message.en.contains("4.5"))
    }

    func testNegativeCountIsWC108() throws {
        // line 6: `  villages: -3`.
        let file = try FactsFixtures.load("count-negative.yaml")
        XCTAssertEqual(file.spots, [Spot("WC108", 6, 13)])
    }

    func testDayFirstDateIsWC106WithTheISOFormInTheHint() throws {
        // line 6: `as_of: 05/07/2025` — Vietnamese day/month/year, 5 July 2025.
        let file = try FactsFixtures.load("date-day-first.yaml")
        XCTAssertEqual(file.spots, [Spot("WC106", 6, 8)], "a rejected as_of must not also be reported missing")
        let hint = try XCTUnwrap(file.diagnostics[0].hint)
        XCTAssertTrue(hint.vi.contains("2025-07-05"), hint.vi)
        XCTAssertTrue(hint.en.contains("2025-07-05"), hint.en)
    }

    func testValueOutsideItsEnumIsWC107WithSuggestionAndAllowedValues() throws {
        // line 5: `  type: phường` (a Vietnamese word the schema maps to `ward`);
        // line 6: `  terrain: mountian` (a typo of `mountain`).
        let schema = try FactsFixtures.schema()
        let file = try FactsFixtures.load("enum-outside.yaml")
        XCTAssertEqual(file.spots, [Spot("WC107", 5, 9), Spot("WC107", 6, 12)])

        let typeHint = try XCTUnwrap(file.diagnostics[0].hint)
        XCTAssertTrue(typeHint.en.contains("did you mean `ward`?"), typeHint.en)
        let terrainHint = try XCTUnwrap(file.diagnostics[1].hint)
        XCTAssertTrue(terrainHint.en.contains("did you mean `mountain`?"), terrainHint.en)
        for (diagnostic, path) in zip(file.diagnostics, ["unit.type", "unit.terrain"]) {
            guard case .enumeration(let allowed, _)? = schema.field(path)?.type else { return XCTFail("\(path) is not an enum") }
            for value in allowed {
                XCTAssertTrue(diagnostic.hint?.en.contains(value) == true, "\(path) hint should list \(value)")
            }
        }
    }

    func testEachCrossFieldRuleIsWC112AtTheExceedingValue() throws {
        // (fixture, the exceeding fact, its position, value, limit), counted from:
        //   cross-field-trained.yaml   line 9:  `  trained: 25` with `  officials: 20`
        //   cross-field-villages.yaml  line 10: `    villages_without_signal: 7` with `  villages: 5`
        //   cross-field-protected.yaml line 11: `  protected_computers: 31` with `    working: 30`
        let cases: [(String, String, Spot, String, String)] = [
            ("cross-field-trained.yaml", "staffing.trained", Spot("WC112", 9, 12), "25", "20"),
            ("cross-field-villages.yaml", "network.mobile.villages_without_signal", Spot("WC112", 10, 30), "7", "5"),
            ("cross-field-protected.yaml", "security.protected_computers", Spot("WC112", 11, 24), "31", "30"),
        ]
        for (name, fact, spot, value, limit) in cases {
            let file = try FactsFixtures.load(name)
            XCTAssertEqual(file.spots, [spot], name)
            let message = file.diagnostics.first?.message.en ?? ""
            XCTAssertTrue(message.hasPrefix(fact + ":"), "\(name): \(message)")
            XCTAssertTrue(message.contains("(\(value))") && message.contains("(\(limit))"), "\(name): \(message)")
        }
        // A rule added to the schema needs a fixture here too.
        XCTAssertEqual(Set(try FactsFixtures.schema().bounds.map(\.fact)), Set(cases.map(\.1)))
    }

    func testValueEqualToItsLimitIsAllowed() throws {
        let text = try String(contentsOfFile: FactsFixtures.path("cross-field-trained.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "trained: 25", with: "trained: 20")
        let folder = try FactsFixtures.temporaryFolder(self)
        let path = folder.appendingPathComponent("equal.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(FactsFile.load(path: path, validator: try FactsFixtures.validator()).spots, [])
    }

    func testDateAfterAsOfIsWC113() throws {
        // line 9: `    last_test: 2025-07-06`, one day after `as_of: 2025-07-05`.
        let file = try FactsFixtures.load("date-after-as-of.yaml")
        XCTAssertEqual(file.spots, [Spot("WC113", 9, 16)])
    }

    func testMissingFormatUnitAndAsOfAreEachWC110() throws {
        let file = try FactsFixtures.load("missing-required.yaml")
        XCTAssertEqual(file.spots, Array(repeating: Spot("WC110", 1, 1), count: 3))
        let named = file.diagnostics.map(\.message.en)
        for field in ["`format`", "`unit`", "`as_of`"] {
            XCTAssertEqual(named.filter { $0.contains(field) }.count, 1, "\(field) in \(named)")
        }
    }

    func testMissingFieldInsideABlockIsWC110AtTheBlock() throws {
        // `unit:` on line 2 has no `code`.
        let file = try FactsFixtures.load("missing-in-block.yaml")
        XCTAssertEqual(file.spots, [Spot("WC110", 2, 1)])
        XCTAssertTrue(file.diagnostics[0].message.en.contains("`unit.code`"))
    }

    func testUnsupportedFormatIsWC111AndStopsTheFieldChecks() throws {
        // line 1: `format: 2`. The file's `villages: -1` is not judged: format 2 may allow it.
        let file = try FactsFixtures.load("format-2.yaml")
        XCTAssertEqual(file.spots, [Spot("WC111", 1, 9)])
        XCTAssertTrue(file.diagnostics[0].hint?.en.contains("format: 1") == true)
    }

    func testEveryErrorInAFileIsReportedInOneRun() throws {
        //  3: `  code: "2019"`      four digits, not five        WC109 at 3:9
        //  6: `  type: commune`     second `type` key            WC011 at 6:3
        //  9: `  genrator:`         typo of `generator`          WC101 at 9:3
        // 12: `    present: yes`    not a boolean                WC103 at 12:14
        // 15: `    working: 4.5`    not a whole number           WC104 at 15:14
        // 18: `  trained: 25`       more than `officials: 20`    WC112 at 18:12
        let file = try FactsFixtures.load("many-errors.yaml")
        XCTAssertEqual(file.spots, [
            Spot("WC109", 3, 9), Spot("WC011", 6, 3), Spot("WC101", 9, 3),
            Spot("WC103", 12, 14), Spot("WC104", 15, 14), Spot("WC112", 18, 12),
        ])
        XCTAssertFalse(file.isValid)
        XCTAssertTrue(file.diagnostics.allSatisfy { $0.severity == .error && $0.sourceLine != nil })
    }
}
