import Foundation
import WardcheckCore
import XCTest

/// Hints that send the writer the right way: a hint that suggests `1.000` for `1,000` (which YAML
/// reads as one) is worse than none.
final class InputHintTests: XCTestCase {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        let set = try Repo.loadCriteria()
        return FactsFile.load(path: try Repo.write(text, test: self), validator: set.validator).diagnostics
    }

    private func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        let all = try diagnostics(text)
        XCTAssertEqual(all.count, 1, all.map { "\($0.code.rawValue) \($0.message.en)" }.joined(separator: "; "), file: file, line: line)
        return try XCTUnwrap(all.first, file: file, line: line)
    }

    private func edit(_ old: String, _ new: String) -> String {
        precondition(Repo.readyWard.contains(old), old)
        return Repo.readyWard.replacingOccurrences(of: old, with: new)
    }

    func testAThousandsSeparatorIsToldToGoAway() throws {
        for written in ["1,000", "1.000"] {
            let d = try only(edit("officials: 45", "officials: \(written)"))
            XCTAssertEqual(d.code, .notCount)
            XCTAssertEqual(d.hint?.en, "write 1000 with no separator", written)
        }
        // Inside { } the comma splits the value; three digits after it are still a thousand.
        let d = try only(edit("download_mbps: 300", "download_mbps: 1,000"))
        XCTAssertEqual(d.hint?.en, "inside { } a comma separates fields; write 1000 with no separator: `download_mbps: 1000`")
    }

    func testADecimalCommaBecomesADot() throws {
        // Block style: the comma stays inside the value.
        let block = edit("  officials: 45\n", "  officials: 45\n").replacingOccurrences(
            of: "  ups: { present: true, runtime_minutes: 30 }", with: "  ups:\n    present: true\n    runtime_minutes: 7,5")
        XCTAssertEqual(try only(block).hint?.en, "use a dot for decimals: write 7.5")
        // Inside { } the comma ends the value and `5` looks like a key.
        let flow = try only(edit("runtime_minutes: 30", "runtime_minutes: 7,5"))
        XCTAssertEqual(flow.code, .unknownKey)
        XCTAssertTrue(flow.hint?.en.contains("`runtime_minutes: 7.5`") ?? false, flow.hint?.en ?? "")
    }

    func testAUnitAfterTheNumberIsToldToGo() throws {
        let d = try only(edit("download_mbps: 300", "download_mbps: 300 Mbps"))
        XCTAssertEqual(d.code, .notNumber)
        XCTAssertEqual(d.message.en, "network.internet.download_mbps: `300 Mbps` carries the unit `Mbps`")
        XCTAssertEqual(d.hint?.en, "drop the unit, the field's name already says it: write 300")
        XCTAssertEqual(try only(edit("officials: 45", "officials: 45 người")).hint?.en, "drop the unit, the field's name already says it: write 45")
    }

    func testAnImpossibleDateSaysWhy() throws {
        let february = try only(edit("as_of: 2025-07-05", "as_of: 2025-02-30"))
        XCTAssertEqual(february.message.en, "as_of: `2025-02-30`: month 2 of 2025 has no day 30")
        XCTAssertEqual(february.hint?.en, "that month has 28 days; check the day")
        // 2024 is a leap year: 29 February exists, the 30th does not.
        XCTAssertEqual(try only(edit("as_of: 2025-07-05", "as_of: 2024-02-30")).hint?.en, "that month has 29 days; check the day")
        XCTAssertEqual(try only(edit("as_of: 2025-07-05", "as_of: 2025-13-01")).message.en, "as_of: `2025-13-01`: there is no month 13")
    }

    func testAnEmptyRequiredFieldSaysItIsEmpty() throws {
        let d = try only(edit("as_of: 2025-07-05", "as_of:"))
        XCTAssertEqual(d.code, .missingRequired)
        XCTAssertEqual([d.start.line, d.start.column], [3, 7], "at the empty value, not at 1:1")
        XCTAssertTrue(d.message.en.hasPrefix("the required field `as_of` is empty"), d.message.en)
    }

    func testAKeyOneLevelOutPointsAtTheIndentation() throws {
        let text = edit("  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }\n",
                        "  generator:\n    present: true\n    capacity_kva: 10\n    last_test: 2025-06-20\n  fuel_hours: 24\n")
        let d = try only(text)
        XCTAssertEqual(d.code, .unknownKey)
        XCTAssertEqual([d.start.line, d.start.column], [17, 3])
        XCTAssertEqual(d.hint?.en, "`fuel_hours` belongs in `power.generator`: indent this line to column 5, like the fields of `generator:` (line 13)")
    }

    func testASyntaxErrorFromIndentationNamesBothLines() throws {
        let text = edit("  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }\n",
                        "  generator:\n    present: true\n    capacity_kva: 10\n   fuel_hours: 24\n    last_test: 2025-06-20\n")
        let d = try only(text)
        XCTAssertEqual(d.code, .yamlSyntax)
        XCTAssertEqual(d.start.line, 16)
        XCTAssertEqual(d.hint?.en, "line 16 is indented 3 spaces and line 15 4: the fields of one block start in the same column")
    }

    func testAMisspelledBlockHasItsContentsCheckedInTheSameRun() throws {
        let text = edit("  generator: { present: true, capacity_kva: 10, fuel_hours: 24, last_test: 2025-06-20 }",
                        "  genrator: { present: yes, capacity_kva: 10, fuel_hour: 24, last_test: 2025-06-20 }")
        let all = try diagnostics(text)
        XCTAssertEqual(all.map(\.code), [.unknownKey, .notBoolean, .unknownKey])
        XCTAssertEqual(all[0].hint?.en, "did you mean `generator`?")
        XCTAssertEqual(all[1].message.en, "power.generator.present: `yes` is not a boolean")
        XCTAssertEqual(all[2].hint?.en, "did you mean `fuel_hours`?")
    }

    func testADottedThousandInANumberFieldIsReadAsWrittenWithAWarning() throws {
        let all = try diagnostics(edit("download_mbps: 300", "download_mbps: 1.000"))
        XCTAssertEqual(all.map(\.code), [.ambiguousThousands])
        XCTAssertEqual(all.first?.severity, .warning)
        XCTAssertEqual(all.first?.hint?.en, "if you mean 1000, write 1000 with no dot")
    }
}
