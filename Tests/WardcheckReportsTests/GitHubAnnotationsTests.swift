import Foundation
import XCTest
import WardcheckCore
@testable import WardcheckReports

final class GitHubAnnotationsTests: XCTestCase {
    func testEscapingFollowsTheRunnersRules() {
        XCTAssertEqual(GitHubAnnotations.escapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b")
        XCTAssertEqual(GitHubAnnotations.escapeProperty("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext%3A a%2C b")
        XCTAssertEqual(GitHubAnnotations.escapeProperty("wards/Hòa Xuân.yaml"), "wards/Hòa Xuân.yaml")
    }

    func testEachOutcomeHasItsCommandTitleAndPlace() throws {
        let failing = try CIReportFixtures.report(CIReportFixtures.failing)
        let silent = try CIReportFixtures.report(CIReportFixtures.notReported)
        let waived = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())
        let out = GitHubAnnotations.check([failing, silent, waived], language: .en)
        let lines = out.split(separator: "\n").map(String.init)
        let title = "title=TC16 " + (try XCTUnwrap(failing.scorecard?.results.last?.title.en))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=\(failing.file),line=31,col=13,\(title)::failed — security.firewall: ") }, out)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=\(silent.file),line=29,col=1,\(title)::not reported — security.firewall") }, out)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::notice file=\(waived.file),line=31,col=13,\(title)::waived — ") && $0.contains("2099-12-31") }, out)
        XCTAssertEqual(lines.filter { $0.hasPrefix("::group::") }.count, 3)
        XCTAssertEqual(lines.last, "wardcheck: 3 files, 0 invalid; 0/3 units meet every criterion; 1 criterion failed, 1 not reported, 0 not evaluable, 1 waived")
    }

    func testDiagnosticsCarryTheirExtent() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.invalid)
        let out = GitHubAnnotations.check([report], language: .vi)
        XCTAssertTrue(out.contains("::error file=\(report.file),line=31,col=13,endLine=31,endColumn=16,title=WC103::"), out)
        let validated = GitHubAnnotations.validate([try CIReportFixtures.validated(CIReportFixtures.invalid),
                                                    try CIReportFixtures.validated(CIReportFixtures.ready)], language: .en)
        let lines = validated.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("::group::") }.count, 1, "only files with diagnostics get a group")
        XCTAssertEqual(lines.last, "wardcheck: 2 files: 1 valid, 1 invalid (1 error)")
    }

    func testWardTextCannotStartAWorkflowCommandOfItsOwn() throws {
        // Validation refuses line breaks in a waiver's text (WC114). Should one reach the renderer
        // anyway, in the text or in a file name, it is shown and encoded, never obeyed.
        var report = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())
        var card = try XCTUnwrap(report.scorecard)
        let waived = try XCTUnwrap(card.results.lastIndex { $0.waiver != nil })
        card.results[waived].waiver?.justification = "chờ BTS\n::add-mask::secret\r\n::stop-commands::x\u{202E}"
        card.file = "x\n::error::forged.yaml"
        report.scorecard = card
        report.file = card.file
        let out = GitHubAnnotations.check([report], language: .vi)
        for line in out.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            XCTAssertTrue(["::group::", "::endgroup::", "::error ", "::warning ", "::notice ", "wardcheck: "].contains { line.hasPrefix($0) }, String(line))
        }
        XCTAssertTrue(out.contains("chờ BTS\\u{A}::add-mask::secret\\u{D}\\u{A}::stop-commands::x\\u{202E}"), out)
        XCTAssertTrue(out.contains("::group::x%0A::error::forged.yaml"), out)
        XCTAssertTrue(out.contains("file=x%0A%3A%3Aerror%3A%3Aforged.yaml,"), out)
        XCTAssertFalse(out.unicodeScalars.contains("\u{202E}"), "no override reaches the log raw")
    }
}
