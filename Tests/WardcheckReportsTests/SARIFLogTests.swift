import Foundation
import XCTest
import WardcheckCore
@testable import WardcheckReports

/// The SARIF log's content: rules and indexes, levels, locations, suppressions, language.
/// Its conformance to the official schema is checked on the binary's output (CIFormatCLITests).
final class SARIFLogTests: XCTestCase {
    private func log(_ reports: [UnitReport], language: Language = .vi) throws -> [String: Any] {
        let text = SARIFLog(toolVersion: "9.8.7", language: language).check(reports, criteria: try CIReportFixtures.criteriaSet())
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    }

    private func results(_ log: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(try run(log)["results"] as? [[String: Any]])
    }

    private func result(_ log: [String: Any], _ rule: String) throws -> [String: Any] {
        try XCTUnwrap(try results(log).first { $0["ruleId"] as? String == rule }, "no result for \(rule)")
    }

    private func region(_ result: [String: Any]) throws -> [String: Int] {
        let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
        let physical = try XCTUnwrap(locations.first?["physicalLocation"] as? [String: Any])
        return try XCTUnwrap(physical["region"] as? [String: Int])
    }

    func testTheDriverCarriesTheVersionGivenAndARuleForEveryCriterionAndCode() throws {
        let log = try log([try CIReportFixtures.report(CIReportFixtures.failing)])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, SARIFLog.schemaURI)
        let driver = try XCTUnwrap((try run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "wardcheck")
        XCTAssertEqual(driver["version"] as? String, "9.8.7")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let criteria = try CIReportFixtures.criteriaSet().criteria
        XCTAssertEqual(Array(ids.prefix(criteria.count)), criteria.map(\.id))
        XCTAssertEqual(Array(ids.dropFirst(criteria.count)), DiagnosticCode.allCases.map(\.rawValue))
        XCTAssertEqual(Set(ids).count, ids.count, "rule ids are unique")

        let tc06 = try XCTUnwrap(rules.first { $0["id"] as? String == "TC06" })
        let criterion = try XCTUnwrap(criteria.first { $0.id == "TC06" })
        XCTAssertEqual((tc06["shortDescription"] as? [String: Any])?["text"] as? String, criterion.title.vi)
        XCTAssertEqual((tc06["fullDescription"] as? [String: Any])?["text"] as? String, criterion.rationale.vi)
        XCTAssertNotNil((tc06["help"] as? [String: Any])?["text"] as? String)
        let name = try XCTUnwrap(tc06["name"] as? String)
        XCTAssertTrue(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && !name.isEmpty, name)
    }

    func testEveryRuleIndexPointsAtTheRuleItsResultNames() throws {
        let log = try log([
            try CIReportFixtures.report(CIReportFixtures.shortOfComputers),
            try CIReportFixtures.report(CIReportFixtures.notReported),
            try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers()),
            try CIReportFixtures.report(CIReportFixtures.invalid),
        ])
        let driver = try XCTUnwrap((try run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let results = try results(log)
        XCTAssertGreaterThanOrEqual(results.count, 4)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
        let artifacts = try XCTUnwrap(try run(log)["artifacts"] as? [[String: Any]])
        XCTAssertEqual(artifacts.count, 4)
        for result in results {
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
            let index = try XCTUnwrap(artifact["index"] as? Int)
            XCTAssertEqual((artifacts[index]["location"] as? [String: Any])?["uri"] as? String, artifact["uri"] as? String)
        }
    }

    func testAFailedCriterionIsAnErrorAtTheFact() throws {
        let log = try log([try CIReportFixtures.report(CIReportFixtures.failing)])
        let tc16 = try result(log, "TC16")
        XCTAssertEqual(tc16["level"] as? String, "error")
        XCTAssertEqual(try region(tc16)["startLine"], 31)
        XCTAssertEqual(try region(tc16)["startColumn"], 13)
        XCTAssertEqual(try results(log).count, 1, "passed criteria produce no result")
    }

    func testANotReportedFactIsAWarningAtItsParentBlock() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.notReported)
        let missing = try XCTUnwrap(report.scorecard?.results.first { $0.id == "TC16" }?.missing.first)
        XCTAssertEqual(missing.block, "security")
        let tc16 = try result(try log([report]), "TC16")
        XCTAssertEqual(tc16["level"] as? String, "warning")
        XCTAssertEqual(try region(tc16)["startLine"], missing.at.line)
        XCTAssertEqual(try region(tc16)["startColumn"], missing.at.column)
        XCTAssertEqual(missing.at.line, 29, "the `security:` line of the fixture")
    }

    func testAWaivedCriterionIsANoteWithAnAcceptedExternalSuppression() throws {
        let log = try log([try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())], language: .en)
        let tc16 = try result(log, "TC16")
        XCTAssertEqual(tc16["level"] as? String, "note")
        let suppression = try XCTUnwrap((tc16["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suppression["kind"] as? String, "external")
        XCTAssertEqual(suppression["status"] as? String, "accepted")
        let justification = try XCTUnwrap(suppression["justification"] as? String)
        for part in ["2099-12-31", "Chánh Văn phòng UBND thành phố", "Tường lửa đang chờ mua sắm tập trung"] {
            XCTAssertTrue(justification.contains(part), justification)
        }
    }

    func testDiagnosticsAreResultsWithTheirCodeLevelAndExtent() throws {
        let log = try log([try CIReportFixtures.report(CIReportFixtures.invalid)])
        let wc103 = try result(log, "WC103")
        XCTAssertEqual(wc103["level"] as? String, "error")
        XCTAssertEqual(try region(wc103), ["startLine": 31, "startColumn": 13, "endLine": 31, "endColumn": 16])

        let validated = SARIFLog(toolVersion: "1", language: .vi).validate([try CIReportFixtures.validated(CIReportFixtures.invalid)])
        XCTAssertTrue(validated.contains("\"ruleId\": \"WC103\""))
        XCTAssertFalse(validated.contains("\"id\": \"TC01\""), "validate judges no criterion")
    }

    func testMessagesAreInTheChosenLanguage() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.failing)
        let text = { (log: [String: Any]) in ((try self.result(log, "TC16")["message"] as? [String: Any])?["text"] as? String) ?? "" }
        XCTAssertTrue(try text(log([report], language: .vi)).contains("không đạt"))
        XCTAssertTrue(try text(log([report], language: .en)).contains("failed"))
        XCTAssertEqual(try run(log([report], language: .en))["language"] as? String, "en")
    }

    func testURIsAreRelativeToTheWorkingFolderAndPercentEncoded() {
        let sarif = SARIFLog(toolVersion: "1", language: .vi, workingDirectory: "/srv/wards")
        XCTAssertEqual(sarif.uri("/srv/wards/submissions/20194-hoa-xuan.yaml"), "submissions/20194-hoa-xuan.yaml")
        XCTAssertEqual(sarif.uri("./submissions/a.yaml"), "submissions/a.yaml")
        XCTAssertEqual(sarif.uri("submissions/Hòa Xuân.yaml"), "submissions/H%C3%B2a%20Xu%C3%A2n.yaml")
        XCTAssertEqual(sarif.uri("/elsewhere/a.yaml"), "file:///elsewhere/a.yaml")
        XCTAssertEqual(sarif.uri("odd:name.yaml"), "odd%3Aname.yaml", "a colon would read as a scheme")
    }
}
