import Foundation
import XCTest
import WardcheckCore
@testable import WardcheckReports
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Ward files for the CI renderer tests, evaluated with the repository's criteria: one that
/// meets every criterion, and one-line variations of it.
enum CIReportFixtures {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ward that meets every criterion, shared by the test targets (Tests/Fixtures/facts/ready-ward.yaml).
    static let ready = try! String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)

    /// TC16 fails on `firewall: false` (line 31, column 13).
    static let failing = ready.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: false\n")
    /// `security.firewall` left out: TC16 not reported, to be added under `security:` (line 29).
    static let notReported = ready.replacingOccurrences(of: "  firewall: true\n", with: "")
    /// `yes` is not a boolean: WC103 at 31:13.
    static let invalid = ready.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: yes\n")
    /// 38 computers for 45 officials: TC08 fails and 7 computers are to be bought.
    static let shortOfComputers = ready
        .replacingOccurrences(of: "computers: { working: 45 }", with: "computers: { working: 38 }")
        .replacingOccurrences(of: "protected_computers: 45", with: "protected_computers: 38")

    static func waivers(_ criterion: String = "TC16", unit: String = "99001", justification: String = "Tường lửa đang chờ mua sắm tập trung",
                        expires: String = "2099-12-31") -> String {
        """
        waivers: 1
        entries:
          - criterion: \(criterion)
            unit: "\(unit)"
            justification: "\(justification)"
            approved_by: "Chánh Văn phòng UBND thành phố"
            expires: \(expires)

        """
    }

    static let criteria: CriteriaSet? = CriteriaSet.load(folder: repository.appendingPathComponent("criteria").path).0

    static func criteriaSet() throws -> CriteriaSet {
        try XCTUnwrap(criteria, "criteria/ did not load; run `wardcheck criteria` to see why")
    }

    /// Writes the text to a fresh temporary file and checks it, as `wardcheck check` would.
    static func report(_ text: String, name: String = "ward.yaml", waivers: String? = nil) throws -> UnitReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let set = try criteriaSet()
        var loaded = Waivers.none
        if let waivers {
            let path = folder.appendingPathComponent("waivers.yaml")
            try waivers.write(to: path, atomically: true, encoding: .utf8)
            let (w, diagnostics) = Waivers.load(path: path.path, criteria: set)
            loaded = try XCTUnwrap(w, diagnostics.map(\.message.en).joined(separator: "; "))
        }
        return UnitReport.check(path: file.path, evaluator: Evaluator(criteria: set, waivers: loaded))
    }

    static func validated(_ text: String, name: String = "ward.yaml") throws -> FactsFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return FactsFile.load(path: file.path, validator: try criteriaSet().validator)
    }
}

final class JUnitReportTests: XCTestCase {
    private func parse(_ xml: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        return try XCTUnwrap(document.rootElement())
    }

    private func int(_ element: XMLElement, _ name: String) -> Int? {
        element.attribute(forName: name)?.stringValue.flatMap { Int($0) }
    }

    private func testcase(_ root: XMLElement, _ id: String) throws -> XMLElement {
        let cases = root.elements(forName: "testsuite").flatMap { $0.elements(forName: "testcase") }
        return try XCTUnwrap(cases.first { $0.attribute(forName: "name")?.stringValue?.hasPrefix(id + " ") ?? false }, id)
    }

    func testCountsMatchEachScorecardAndTheTotalsAddUp() throws {
        let reports = [
            try CIReportFixtures.report(CIReportFixtures.ready),
            try CIReportFixtures.report(CIReportFixtures.failing),
            try CIReportFixtures.report(CIReportFixtures.notReported),
            try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers()),
            try CIReportFixtures.report(CIReportFixtures.shortOfComputers),
            try CIReportFixtures.report(CIReportFixtures.invalid),
        ]
        let root = try parse(JUnitReport.check(reports, language: .vi))
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.count, reports.count)
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for (suite, report) in zip(suites, reports) {
            let cases = suite.elements(forName: "testcase")
            let failures = cases.flatMap { $0.elements(forName: "failure") }
            let skipped = cases.flatMap { $0.elements(forName: "skipped") }
            let errors = cases.flatMap { $0.elements(forName: "error") }
            XCTAssertEqual(int(suite, "tests"), cases.count)
            XCTAssertEqual(int(suite, "failures"), failures.count)
            XCTAssertEqual(int(suite, "skipped"), skipped.count)
            XCTAssertEqual(int(suite, "errors"), errors.count)
            if let card = report.scorecard {
                XCTAssertEqual(cases.count, card.total)
                XCTAssertEqual(failures.filter { $0.attribute(forName: "type")?.stringValue == "failed" }.count, card.count(.failed))
                XCTAssertEqual(failures.filter { $0.attribute(forName: "type")?.stringValue == "not_reported" }.count, card.count(.notReported))
                XCTAssertEqual(skipped.count, card.count(.waived))
                XCTAssertEqual(errors.count, 0)
            } else {
                XCTAssertEqual(cases.count, 1)
                XCTAssertEqual(errors.count, 1)
            }
            totals.tests += cases.count
            totals.failures += failures.count
            totals.errors += errors.count
            totals.skipped += skipped.count
        }
        XCTAssertEqual(int(root, "tests"), totals.tests)
        XCTAssertEqual(int(root, "failures"), totals.failures)
        XCTAssertEqual(int(root, "errors"), totals.errors)
        XCTAssertEqual(int(root, "skipped"), totals.skipped)
        XCTAssertEqual(totals.errors, 1)
        XCTAssertEqual(totals.skipped, 1)
    }

    func testAFailureCarriesTheComparisonAndTheRemedyWithQuantityAndCost() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.shortOfComputers)
        let card = try XCTUnwrap(report.scorecard)
        let tc08 = try XCTUnwrap(card.results.first { $0.id == "TC08" })
        XCTAssertEqual(tc08.outcome, .failed)
        let comparison = try XCTUnwrap(tc08.decisive.first)
        let remedy = try XCTUnwrap(tc08.remedies.first)
        XCTAssertEqual(remedy.quantity, 7)

        let root = try parse(JUnitReport.check([report], language: .vi))
        let testcase = try testcase(root, "TC08")
        XCTAssertEqual(testcase.attribute(forName: "name")?.stringValue, "TC08 " + tc08.title.vi)
        XCTAssertEqual(testcase.attribute(forName: "classname")?.stringValue, "99001")
        let failure = try XCTUnwrap(testcase.elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "failed")
        let message = failure.attribute(forName: "message")?.stringValue ?? ""
        XCTAssertTrue(message.contains(comparison.fact + ": " + Presentation.comparison(comparison).vi), message)
        let body = failure.stringValue ?? ""
        XCTAssertTrue(body.contains(remedy.text.vi), body)
        let cost = "7 × " + NumberText.money(try XCTUnwrap(remedy.unitCost), .vi) + " = " + NumberText.money(remedy.cost, .vi)
        XCTAssertTrue(body.contains(cost), body)
        XCTAssertTrue(body.contains(remedy.who.vi), body)
    }

    func testNotReportedNamesTheMissingFacts() throws {
        let root = try parse(JUnitReport.check([try CIReportFixtures.report(CIReportFixtures.notReported)], language: .en))
        let failure = try XCTUnwrap(try testcase(root, "TC16").elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "not_reported")
        XCTAssertTrue(failure.attribute(forName: "message")?.stringValue?.contains("security.firewall: not reported") ?? false)
        XCTAssertTrue(failure.stringValue?.contains("add it under security") ?? false, failure.stringValue ?? "")
    }

    func testAWaiverIsSkippedWithItsJustificationApproverAndExpiry() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())
        let root = try parse(JUnitReport.check([report], language: .vi))
        let testcase = try testcase(root, "TC16")
        XCTAssertTrue(testcase.elements(forName: "failure").isEmpty)
        let skipped = try XCTUnwrap(testcase.elements(forName: "skipped").first)
        let message = skipped.attribute(forName: "message")?.stringValue ?? ""
        for part in ["2099-12-31", "Chánh Văn phòng UBND thành phố", "Tường lửa đang chờ mua sắm tập trung"] {
            XCTAssertTrue(message.contains(part), message)
        }
        XCTAssertTrue(skipped.stringValue?.contains("không đạt") ?? false, "the outcome the waiver covers")
    }

    func testAnInvalidFileIsOneTestcaseWithAnErrorListingItsDiagnostics() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.invalid, name: "hỏng.yaml")
        let root = try parse(JUnitReport.check([report], language: .en))
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        let cases = suite.elements(forName: "testcase")
        XCTAssertEqual(cases.count, 1)
        XCTAssertEqual(cases.first?.attribute(forName: "name")?.stringValue, "validate")
        let error = try XCTUnwrap(cases.first?.elements(forName: "error").first)
        XCTAssertEqual(error.attribute(forName: "type")?.stringValue, "invalid")
        XCTAssertTrue(error.stringValue?.contains(report.file + ":31:13: error[WC103]: ") ?? false, error.stringValue ?? "")
    }

    func testValidateHasOneTestcaseAFile() throws {
        let files = [try CIReportFixtures.validated(CIReportFixtures.ready), try CIReportFixtures.validated(CIReportFixtures.invalid)]
        let root = try parse(JUnitReport.validate(files, language: .vi))
        XCTAssertEqual(int(root, "tests"), 2)
        XCTAssertEqual(int(root, "errors"), 1)
        XCTAssertEqual(int(root, "failures"), 0)
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.elements(forName: "testcase").count }, [1, 1])
        XCTAssertEqual(suites.compactMap { $0.elements(forName: "testcase").first?.attribute(forName: "name")?.stringValue }, ["validate", "validate"])
        XCTAssertTrue(suites[0].elements(forName: "testcase")[0].children?.isEmpty ?? true, "a valid file passes")
        XCTAssertEqual(suites[1].elements(forName: "testcase")[0].elements(forName: "error").count, 1)
    }

    func testXMLEscapesTheFiveCharactersAndDropsWhatXMLCannotCarry() throws {
        XCTAssertEqual(XML.escapeText("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        // Controls XML cannot carry, and hidden characters it can, are shown escaped; U+FFFE, not a character, is dropped.
        XCTAssertEqual(XML.escapeText("bell\u{7}nul\u{0}esc\u{1B}\u{FFFE}rlo\u{202E}end"), "bell\\u{7}nul\\u{0}esc\\u{1B}rlo\\u{202E}end")
        XCTAssertEqual(XML.escapeText("tab\tline\nreturn\r"), "tab\tline\nreturn&#13;")
        XCTAssertEqual(XML.escapeAttribute("tab\tline\n"), "tab&#9;line&#10;")
        XCTAssertEqual(XML.escapeText("Phường 𝔸 ✓"), "Phường 𝔸 ✓")

        let nasty = "<script>alert('x')</script> & \"Trà Leng\"\u{1}\nline two"
        let xml = XML.element("testsuites", children: [
            .element("testsuite", attributes: [("name", nasty)], children: [.element("system-out", children: [.text(nasty)])]),
        ]).document()
        let root = try parse(xml)
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        let clean = nasty.replacingOccurrences(of: "\u{1}", with: "\\u{1}")
        XCTAssertEqual(suite.attribute(forName: "name")?.stringValue, clean, "newlines survive in attributes")
        XCTAssertEqual(suite.elements(forName: "system-out").first?.stringValue, clean)
    }
}
