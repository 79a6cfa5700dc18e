import Foundation
import XCTest

/// `wardcheck validate` as CI runs it: exit codes, every file reported, JSON, language.
final class ValidateCLITests: XCTestCase {
    private let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path

    private func fixture(_ name: String) -> String {
        WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts").appendingPathComponent(name).path
    }

    private func validate(_ arguments: [String]) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(["validate"] + arguments + ["--criteria", criteria])
    }

    func testValidFileExitsZero() throws {
        let result = try validate([fixture("valid-complete.yaml")])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("1 tệp: 1 hợp lệ, 0 không hợp lệ (0 lỗi)"), result.stdout)
    }

    func testOneInvalidFileExitsTwoAndEveryOtherFileIsStillReported() throws {
        // The invalid files come first and last, so nothing after the first error may be skipped.
        // boolean-yes.yaml line 8 `  firewall: yes`; count-negative.yaml line 6 `  villages: -3`.
        let result = try validate([fixture("boolean-yes.yaml"), fixture("valid-complete.yaml"), fixture("count-negative.yaml")])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stdout.contains(fixture("boolean-yes.yaml") + ":8:13: error[WC103]"), result.stdout)
        XCTAssertTrue(result.stdout.contains(fixture("count-negative.yaml") + ":6:13: error[WC108]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("3 tệp: 1 hợp lệ, 2 không hợp lệ (2 lỗi)"), result.stdout)
    }

    func testAllErrorsOfAFileAreReportedInOneRun() throws {
        let result = try validate([fixture("many-errors.yaml"), "--format", "json"])
        XCTAssertEqual(result.status, 2)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap((json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])
        // Counted by hand in FactsValidatorTests.testEveryErrorInAFileIsReportedInOneRun.
        XCTAssertEqual(diagnostics.compactMap { $0["code"] as? String }, ["WC109", "WC011", "WC101", "WC103", "WC104", "WC112"])
    }

    func testJSONOutputParsesAndCarriesEachDiagnosticsFields() throws {
        let invalid = fixture("boolean-yes.yaml")
        let result = try validate([invalid, fixture("valid-minimal.yaml"), "--format", "json"])
        XCTAssertEqual(result.status, 2)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 2)
        XCTAssertEqual(files.map { $0["valid"] as? Bool }, [false, true])

        let diagnostics = try XCTUnwrap(files[0]["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 1)
        let d = diagnostics[0]
        for key in ["file", "line", "column", "code", "severity", "message", "hint"] {
            XCTAssertNotNil(d[key], "missing \(key)")
        }
        XCTAssertEqual(d["file"] as? String, invalid)
        XCTAssertEqual(d["line"] as? Int, 8)     // `  firewall: yes`
        XCTAssertEqual(d["column"] as? Int, 13)  // after the 12 characters of `  firewall: `
        XCTAssertEqual(d["code"] as? String, "WC103")
        XCTAssertEqual(d["severity"] as? String, "error")
        XCTAssertFalse((d["message"] as? String ?? "").isEmpty)
        XCTAssertTrue((d["hint"] as? String ?? "").contains("true"))

        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 2)
        XCTAssertEqual(summary["invalid"] as? Int, 1)
    }

    func testLangEnGivesEnglishMessagesAndVietnameseIsTheDefault() throws {
        let file = fixture("boolean-yes.yaml")
        let english = try validate([file, "--lang", "en"])
        XCTAssertTrue(english.stdout.contains("`yes` is not a boolean"), english.stdout)
        XCTAssertTrue(english.stdout.contains("= hint: write true or false"), english.stdout)
        XCTAssertTrue(english.stdout.contains("1 file: 0 valid, 1 invalid (1 error)"), english.stdout)
        XCTAssertFalse(english.stdout.contains("không"), english.stdout)

        let vietnamese = try validate([file])
        XCTAssertTrue(vietnamese.stdout.contains("`yes` không phải giá trị đúng/sai"), vietnamese.stdout)
        XCTAssertTrue(vietnamese.stdout.contains("= gợi ý: viết true hoặc false"), vietnamese.stdout)

        let englishJSON = try validate([file, "--lang", "en", "--format", "json"])
        XCTAssertTrue(englishJSON.stdout.contains("is not a boolean"), englishJSON.stdout)
    }

    func testCRLFFileQuotesItsSourceLineWithoutTheCarriageReturn() throws {
        // line 12 of crlf-twin.yaml is `    present: yes` followed by CR LF.
        let result = try validate([fixture("crlf-twin.yaml"), "--lang", "en"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("12 |     present: yes\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\r"))
    }

    func testFactsFromTheFutureFailValidateAndCheck() throws {
        let file = "Tests/Fixtures/facts/ready-ward.yaml"   // as_of: 2025-07-05
        for command in ["validate", "check"] {
            let early = try WardcheckProcess.run([command, file, "--lang", "en"], environment: ["WARDCHECK_TODAY": "2025-07-04"])
            XCTAssertEqual(early.status, 2, command)
            XCTAssertTrue(early.stdout.contains("ready-ward.yaml:3:8: error[WC115]: facts from the future: as_of 2025-07-05 is after today (2025-07-04)"),
                          command + ": " + early.stdout)
            let onTheDay = try WardcheckProcess.run([command, file], environment: ["WARDCHECK_TODAY": "2025-07-05"])
            XCTAssertEqual(onTheDay.status, 0, command + ": " + onTheDay.stdout)
        }
        let before = try WardcheckProcess.run(["check", file, "--as-of", "2025-07-01", "--lang", "en"], environment: ["WARDCHECK_TODAY": "2025-08-01"])
        XCTAssertEqual(before.status, 2)
        XCTAssertTrue(before.stdout.contains("error[WC116]: these facts are dated 2025-07-05, after the evaluation day 2025-07-01"), before.stdout)
        XCTAssertFalse(before.stdout.contains("days before"), "no negative day counts")
    }
}
