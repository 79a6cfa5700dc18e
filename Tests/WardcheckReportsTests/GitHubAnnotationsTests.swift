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
        // A CR is refused in ward text (WC114); a newline is allowed and must not start a command.
        let trap = "chờ BTS\\n::add-mask::secret\\n::stop-commands::x"
        let report = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers(justification: trap))
        XCTAssertTrue(report.scorecard?.results.last?.waiver?.justification.contains("\n::add-mask::") ?? false, "the YAML escape reached the text")
        let out = GitHubAnnotations.check([report], language: .vi)
        for line in out.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            XCTAssertTrue(["::group::", "::endgroup::", "::error ", "::warning ", "::notice ", "wardcheck: "].contains { line.hasPrefix($0) }, String(line))
        }
        XCTAssertTrue(out.contains("chờ BTS%0A::add-mask::secret%0A::stop-commands::x"), out)
    }
}
