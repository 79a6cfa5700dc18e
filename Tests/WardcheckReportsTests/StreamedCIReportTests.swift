import Foundation
import XCTest
import WardcheckCore
@testable import WardcheckReports
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `check --format junit|sarif|github|gitlab` as the command writes them for a folder of any
/// size: unit by unit, or (JUnit) set aside on disk until the root's counts are known. Each must
/// come out as the report written in one pass over every unit.
final class StreamedCIReportTests: XCTestCase {
    /// A folder of ward files in every state the CI formats tell apart, several of each, and a
    /// path that is not there: its facts file cannot be read.
    private func folder() throws -> (files: [String], evaluator: Evaluator) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let variants = [CIReportFixtures.ready, CIReportFixtures.failing, CIReportFixtures.notReported,
                        CIReportFixtures.shortOfComputers, CIReportFixtures.invalid]
        var files: [String] = []
        for i in 0..<40 {
            let file = folder.appendingPathComponent(String(format: "%02d.yaml", i)).path
            try variants[i % variants.count].write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        files.insert(folder.appendingPathComponent("missing.yaml").path, at: 7)
        let waivers = folder.appendingPathComponent("waivers.yaml")
        try CIReportFixtures.waivers().write(to: waivers, atomically: true, encoding: .utf8)
        let set = try CIReportFixtures.criteriaSet()
        let (loaded, diagnostics) = Waivers.load(path: waivers.path, criteria: set)
        return (files, Evaluator(criteria: set, waivers: try XCTUnwrap(loaded, diagnostics.map(\.message.en).joined(separator: "; "))))
    }

    /// Every part is judged out of order on several cores and set aside on disk; read back under
    /// the root, the document is the one-pass report, and the root's counts are its suites' sums.
    func testJUnitSpilledPartsComeBackInOrderUnderTheRightCounts() throws {
        let (files, evaluator) = try folder()
        let reports = files.map { UnitReport.check(path: $0, evaluator: evaluator) }
        let stream = JUnitStream(files, judge: { UnitReport.check(path: $0, evaluator: evaluator) }, language: .en, besides: nil)
        var out = MemoryOutput()
        try stream.write(to: &out)
        let streamed = String(decoding: out.bytes, as: UTF8.self)
        XCTAssertTrue(streamed == JUnitReport.check(reports, language: .en), "the spilled JUnit differs from the whole one")
        XCTAssertEqual(stream.keptInMemory, 0)

        // The counts, from the scorecards themselves: an invalid file is one test in error.
        let cards = reports.compactMap(\.scorecard)
        let invalid = reports.count - cards.count
        let expected = JUnitReport.Counts(tests: cards.reduce(0) { $0 + $1.total } + invalid,
                                          failures: cards.reduce(0) { $0 + $1.count(.failed) + $1.count(.notReported) },
                                          errors: invalid, skipped: cards.reduce(0) { $0 + $1.count(.waived) })
        XCTAssertEqual(stream.total, expected)
        XCTAssertGreaterThan(expected.failures, 0)
        XCTAssertGreaterThan(expected.skipped, 0)
        XCTAssertEqual(expected.errors, 9, "8 invalid files and the one that is not there")

        let root = try XCTUnwrap(try XMLDocument(data: Data(out.bytes), options: []).rootElement())
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.compactMap { $0.attribute(forName: "name")?.stringValue }, files, "the suites in the order of the files")
        for name in ["tests", "failures", "errors", "skipped"] {
            let sum = suites.reduce(0) { $0 + (Int($1.attribute(forName: name)?.stringValue ?? "") ?? -1) }
            XCTAssertEqual(root.attribute(forName: name)?.stringValue, String(sum), name)
        }
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, String(expected.tests))

        // The gate sees what it would see of the whole report.
        let findings = UnitReport.Tally.findings(reports.map(\.tally))
        XCTAssertEqual(Gate().exitCode(stream.findings), Gate().exitCode(findings))
        XCTAssertEqual(stream.findings.invalidFiles, 9)
        XCTAssertEqual(stream.findings.failed, findings.failed)
        XCTAssertEqual(stream.findings.notReported, findings.notReported)
    }

    func testJUnitWithNoUnitIsARootThatClosesItself() throws {
        let stream = JUnitStream([], judge: { _ in preconditionFailure("nothing to judge") }, language: .vi, besides: nil)
        var out = MemoryOutput()
        try stream.write(to: &out)
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"wardcheck check\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\"/>\n"
        XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), expected)
        XCTAssertEqual(JUnitReport.check([], language: .vi), expected)
    }

    /// An element written tag, children one by one, end tag is the element written whole.
    func testAnElementWrittenChildByChildIsTheWholeElement() {
        let children: [XML] = [
            .element("a", attributes: [("x", "1 < 2\n")]),
            .element("b", children: [.text("văn bản & \"trích\"")]),
            .element("c", children: [.element("d"), .text("mixed")]),
        ]
        let whole = XML.element("root", attributes: [("n", "3")], children: children).document()
        let pieces = XML.declaration + XML.startTag("root", attributes: [("n", "3")], level: 0, empty: false)
            + children.map { $0.fragment(level: 1) }.joined() + XML.endTag("root", level: 0)
        XCTAssertEqual(pieces, whole)
        XCTAssertEqual(whole, """
            <?xml version="1.0" encoding="UTF-8"?>
            <root n="3">
              <a x="1 &lt; 2&#10;"/>
              <b>văn bản &amp; &quot;trích&quot;</b>
              <c>
                <d/>
                mixed
              </c>
            </root>

            """)
    }

    /// The header written before any unit is judged (rules from the criteria, artifacts from the
    /// files named) is the header of the whole log, and so is every result after it.
    func testSARIFRunWrittenUnitByUnitIsTheWholeLog() throws {
        let (files, evaluator) = try folder()
        let reports = files.map { UnitReport.check(path: $0, evaluator: evaluator) }
        let log = SARIFLog(toolVersion: "9.8.7", language: .en, workingDirectory: "/")
        var run = log.checkRun(criteria: evaluator.criteria, files: files)
        var bytes = run.take()
        for report in reports {
            run.add(run.results.check(report), report.tally)
            bytes += run.take()
        }
        run.finish()
        bytes += run.take()
        let whole = log.check(reports, criteria: evaluator.criteria)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self) == whole, "the streamed SARIF differs from the whole log")

        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let only = try XCTUnwrap((json["runs"] as? [[String: Any]])?.first)
        let artifacts = try XCTUnwrap(only["artifacts"] as? [[String: Any]])
        XCTAssertEqual(artifacts.count, files.count)
        let results = try XCTUnwrap(only["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, reports.reduce(0) { $0 + Finding.all($1, language: .en).count })
    }

    /// The groups as the units come, then the summary line counted from their tallies alone.
    func testGitHubSummaryIsCountedFromTallies() throws {
        let (files, evaluator) = try folder()
        let reports = files.map { UnitReport.check(path: $0, evaluator: evaluator) }
        var document = GitHubAnnotations.Document(language: .en)
        var bytes: [UInt8] = []
        for report in reports {
            document.add(GitHubAnnotations.part(report, .en), report.tally)
            bytes += document.take()
        }
        document.finish()
        bytes += document.take()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text, GitHubAnnotations.check(reports, language: .en))
        let cards = reports.compactMap(\.scorecard)
        let count = { (o: Outcome) in cards.reduce(0) { $0 + $1.count(o) } }
        XCTAssertGreaterThan(count(.waived), 0)
        XCTAssertTrue(text.hasSuffix("\nwardcheck: 41 files, 9 invalid; \(cards.filter(\.ready).count)/32 units meet every criterion; "
            + "\(count(.failed)) criteria failed, \(count(.notReported)) not reported, \(count(.notEvaluable)) not evaluable, "
            + "\(count(.waived)) waived\n"), String(text.suffix(200)))
    }

    /// A file named twice (`check a.yaml a.yaml`) has its findings numbered after its earlier
    /// ones, as one numbering over the whole report would: every fingerprint stays distinct.
    func testGitLabNumbersAFileNamedTwiceAcrossUnits() throws {
        let (files, evaluator) = try folder()
        // The third names the same file another way: GitLab sees one path.
        let named = files + [files[1], files[1], files[2].replacingOccurrences(of: "/02.yaml", with: "/./02.yaml")]
        let reports = named.map { UnitReport.check(path: $0, evaluator: evaluator) }
        let quality = GitLabCodeQuality(language: .vi, root: "/", workingDirectory: "/")
        var document = GitLabCodeQuality.CheckDocument(quality, files: named)
        var bytes = document.take()
        for report in reports {
            document.add(document.parts.part(report), report.tally)
            bytes += document.take()
        }
        document.finish()
        bytes += document.take()

        // One pass over every finding with one count of what was seen: the report as it was written whole.
        var seen: [String: Int] = [:]
        let onePass = JSON.array(reports.flatMap { quality.pairs($0) }.map { quality.issue($0, seen: &seen) }).serialised()
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self) == onePass, "the streamed GitLab report differs from one pass")
        XCTAssertEqual(quality.check(reports), onePass)

        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(fingerprints.count, issues.count)
        XCTAssertEqual(Set(fingerprints).count, issues.count, "a fingerprint is shared")
        let paths = issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        XCTAssertEqual(paths.filter { $0 == quality.relativePath(files[1]) }.count, 3, "TC16 failed, once a time the file is named")
        XCTAssertEqual(paths.filter { $0 == quality.relativePath(files[2]) }.count, 2, "TC16 not reported, both ways of naming it")
    }
}
