import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Issue 10, items 6 and 7, at the renderers. Validation refuses hidden characters in ward text,
/// but a file name, a quoted key or a future field can still carry one: every format shows it as
/// `\u{…}` (JSON as `\uXXXX`, which reads back as the same value), never raw.
final class HiddenCharacterSinksTests: XCTestCase {
    /// A line break, a carriage return, a terminal escape, C1, bidi override and isolate, zero-width ones.
    static let hostile = "Phường A\n::error::x\r\u{1B}[2J\u{9B}\u{202E}\u{2067}\u{200B}\u{200D}\u{FEFF}\u{2028}Z"

    private func hiddenScalars(_ text: String, allowing allowed: Set<Unicode.Scalar>) -> [String] {
        text.unicodeScalars.filter { HiddenCharacters.isHidden($0) && !allowed.contains($0) }.map { String($0.value, radix: 16) }
    }

    private func hostileReport() throws -> UnitReport {
        var report = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())
        var card = try XCTUnwrap(report.scorecard)
        card.name = Self.hostile
        card.code = "99001\u{202E}"
        card.file = "ward\u{202E}\n.yaml"
        let waived = try XCTUnwrap(card.results.lastIndex { $0.waiver != nil })
        card.results[waived].waiver?.justification = Self.hostile
        card.results[waived].waiver?.approvedBy = Self.hostile
        report.scorecard = card
        report.file = card.file
        return report
    }

    func testUnitFormatsShowHiddenCharactersEscaped() throws {
        let report = try hostileReport()
        let set = try CIReportFixtures.criteriaSet()
        let outputs: [(String, String, Set<Unicode.Scalar>)] = [
            ("text", ScorecardText(criteria: set, language: .vi).render(report), ["\n"]),
            ("json", ScorecardJSON.render([report], language: .vi), ["\n"]),
            ("junit", JUnitReport.check([report], language: .vi), ["\n"]),
            ("sarif", SARIFLog(toolVersion: "test", language: .vi, workingDirectory: "/").check([report], criteria: set), ["\n"]),
            ("github", GitHubAnnotations.check([report], language: .vi), ["\n"]),
        ]
        for (format, out, allowed) in outputs {
            XCTAssertEqual(hiddenScalars(out, allowing: allowed), [], format)
        }
        XCTAssertTrue(outputs[0].1.contains("Phường A\\u{A}::error::x\\u{D}\\u{1B}[2J\\u{9B}\\u{202E}\\u{2067}\\u{200B}\\u{200D}\\u{FEFF}\\u{2028}Z"), outputs[0].1)
        for line in outputs[4].1.split(separator: "\n") {
            XCTAssertTrue(["::group::", "::endgroup::", "::error ", "::warning ", "::notice ", "wardcheck: "].contains { line.hasPrefix($0) }, String(line))
        }
    }

    func testJSONKeepsTheExactValueBehindItsEscapes() throws {
        let text = JSON.object([("name", .string(Self.hostile)), ("emoji", .string("\u{E0041}x"))]).serialised()
        XCTAssertEqual(hiddenScalars(text, allowing: ["\n"]), [])
        XCTAssertTrue(text.contains("\\u202e\\u2067\\u200b\\u200d\\ufeff\\u2028"), text)
        XCTAssertTrue(text.contains("\\udb40\\udc41x"), "a tag character outside the BMP, as a surrogate pair: \(text)")
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        XCTAssertEqual(decoded["name"].map { Array($0.unicodeScalars) }, Array(Self.hostile.unicodeScalars))
        XCTAssertEqual(decoded["emoji"], "\u{E0041}x")
    }

    func testAuditFormatsShowHiddenCharactersEscaped() throws {
        var audit = AuditFixture.samples.audit
        audit.rows[0].name = Self.hostile
        audit.rows[0].contact = Self.hostile
        audit.rows[0].file = "a\u{202E}\n.yaml"
        audit.province = "Đà Nẵng\u{202E}"
        for language in Language.allCases {
            XCTAssertEqual(hiddenScalars(AuditWritten.text(audit, language), allowing: ["\n"]), [], "text")
            XCTAssertEqual(hiddenScalars(AuditWritten.markdown(audit, language), allowing: ["\n"]), [], "markdown")
            XCTAssertEqual(hiddenScalars(AuditWritten.html(audit, language), allowing: ["\n"]), [], "html")
            XCTAssertEqual(hiddenScalars(AuditJSON.render(audit, language: language), allowing: ["\n"]), [], "json")
            // CSV: the byte order mark Excel needs, CRLF records, and line breaks RFC 4180 quotes inside a cell.
            let csv = AuditWritten.csv(audit, language)
            XCTAssertEqual(hiddenScalars(String(csv.dropFirst()), allowing: ["\n", "\r"]), [], "csv")
        }
        XCTAssertTrue(AuditWritten.html(audit, .vi).contains("Phường A\n::error::x\\u{D}\\u{1B}[2J\\u{9B}\\u{202E}"))
    }
}
