import Foundation
import XCTest
import WardcheckCore
@testable import WardcheckReports

/// GitLab's Code Quality report: one issue a finding, with the fields GitLab requires, severities
/// in its scale, paths relative to the repository root, and fingerprints that are stable and distinct.
/// The binary's output, run in a repository, is checked in CLITests and Tests/CI.
final class GitLabCodeQualityTests: XCTestCase {
    /// The issues of reports written by a writer whose repository root is the report's own folder.
    private func issues(_ report: UnitReport, language: Language = .en) throws -> [[String: Any]] {
        let folder = URL(fileURLWithPath: report.file).deletingLastPathComponent().path
        let text = GitLabCodeQuality(language: language, root: folder, workingDirectory: "/elsewhere").check([report])
        return try parse(text)
    }

    private func parse(_ text: String) throws -> [[String: Any]] {
        XCTAssertEqual(text.utf8.first, UInt8(ascii: "["), "an array, and no byte-order mark (GitLab refuses one)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], text)
    }

    private func lines(_ issue: [String: Any]) -> [String: Int]? {
        (issue["location"] as? [String: Any])?["lines"] as? [String: Int]
    }

    private func path(_ issue: [String: Any]) -> String? {
        (issue["location"] as? [String: Any])?["path"] as? String
    }

    func testEachOutcomeHasItsSeverityCheckAndLine() throws {
        // The fixtures' places: `firewall: false` at 31:13, the `security:` block at line 29,
        // `firewall: yes` (WC103) at 31:13–31:16.
        let failed = try issues(try CIReportFixtures.report(CIReportFixtures.failing))
        XCTAssertEqual(failed.count, 1)
        XCTAssertEqual(failed[0]["check_name"] as? String, "TC16")
        XCTAssertEqual(failed[0]["severity"] as? String, "major")
        XCTAssertEqual(lines(failed[0]), ["begin": 31, "end": 31])
        XCTAssertEqual(path(failed[0]), "ward.yaml")
        let description = try XCTUnwrap(failed[0]["description"] as? String)
        XCTAssertTrue(description.hasPrefix("TC16 ") && description.contains(": failed — security.firewall: "), description)
        XCTAssertTrue(description.contains("\nto do: "), "the remedy follows on its own line: " + description)

        let silent = try issues(try CIReportFixtures.report(CIReportFixtures.notReported))
        XCTAssertEqual(silent.map { $0["severity"] as? String }, ["minor"])
        XCTAssertEqual(silent.map { $0["check_name"] as? String }, ["TC16"])
        XCTAssertEqual(silent.first.flatMap(lines), ["begin": 29, "end": 29])

        let waived = try issues(try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers()))
        XCTAssertEqual(waived.map { $0["severity"] as? String }, ["info"])
        XCTAssertTrue((waived.first?["description"] as? String)?.contains("waived until 2099-12-31") ?? false, "\(waived)")

        let invalid = try issues(try CIReportFixtures.report(CIReportFixtures.invalid))
        XCTAssertEqual(invalid.map { $0["check_name"] as? String }, ["WC103"])
        XCTAssertEqual(invalid.map { $0["severity"] as? String }, ["critical"], "an invalid file is worse than a criterion not met")
        XCTAssertEqual(invalid.first.flatMap(lines), ["begin": 31, "end": 31])

        XCTAssertEqual(try issues(try CIReportFixtures.report(CIReportFixtures.ready)).count, 0, "a ready unit has nothing to show")
    }

    func testTheReportSpeaksTheRunsLanguage() throws {
        let report = try CIReportFixtures.report(CIReportFixtures.failing)
        let vi = try issues(report, language: .vi)
        let description = try XCTUnwrap(vi.first?["description"] as? String)
        XCTAssertTrue(description.contains(": không đạt — security.firewall: "), description)
        XCTAssertTrue(description.contains("\nviệc cần làm: "), description)
    }

    func testValidateReportsDiagnosticsOnlyAndNothingForAValidFile() throws {
        let writer = GitLabCodeQuality(language: .en, root: "/", workingDirectory: "/")
        XCTAssertEqual(writer.validate([try CIReportFixtures.validated(CIReportFixtures.ready),
                                        try CIReportFixtures.validated(CIReportFixtures.failing)]), "[]\n",
                       "a failing criterion is not a format error")
        let invalid = try parse(writer.validate([try CIReportFixtures.validated(CIReportFixtures.invalid)]))
        XCTAssertEqual(invalid.map { $0["check_name"] as? String }, ["WC103"])
        XCTAssertEqual(invalid.map { $0["severity"] as? String }, ["critical"])
    }

    func testLinesAreInclusiveAndNeverEmpty() {
        typealias Region = Finding.Region
        XCTAssertTrue(GitLabCodeQuality.lines(Region(line: 3, column: 5, endLine: 3, endColumn: 9)) == (3, 3))
        XCTAssertTrue(GitLabCodeQuality.lines(Region(line: 3, column: 5, endLine: 5, endColumn: 2)) == (3, 5))
        // The end is exclusive: up to the first column of line 4 is the end of line 3.
        XCTAssertTrue(GitLabCodeQuality.lines(Region(line: 3, column: 5, endLine: 4, endColumn: 1)) == (3, 3))
        XCTAssertTrue(GitLabCodeQuality.lines(Region(line: 7, column: 1, endLine: nil, endColumn: nil)) == (7, 7))
        XCTAssertTrue(GitLabCodeQuality.lines(nil) == (1, 1), "GitLab needs a line: the first")
    }

    // MARK: Fingerprints

    /// The FIPS 180-2 examples (one block, two blocks) and the empty message.
    func testTheHashIsSHA256() {
        XCTAssertEqual(GitLabCodeQuality.fingerprint("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(GitLabCodeQuality.fingerprint("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(GitLabCodeQuality.fingerprint(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Expected values from coreutils: printf '%s\0%s\0%s\0%s' wards/a.yaml TC16 31 'TC16 Firewall: failed' | sha256sum
    func testTheFingerprintHashesPathCodeLineAndMessage() {
        let input = GitLabCodeQuality.fingerprintInput(path: "wards/a.yaml", code: "TC16", line: 31, message: "TC16 Firewall: failed")
        XCTAssertEqual(GitLabCodeQuality.fingerprint(input), "e85aaee020f2511e392db0f5dd8c184b79422e05ff8e2d652fd79a061b3a9f0a")
        // … '%s\0%s\0%s\0%s\0%s' … 1: the second finding with the same fields.
        XCTAssertEqual(GitLabCodeQuality.fingerprint(input + "\0" + "1"), "ff9d802160ed87f8c264c77f87bc8e4b759ca577427ba1ba7a80f17f2ff70c02")
    }

    func testFingerprintsAreStableAcrossRunsAndLanguagesAndDistinctPerFinding() throws {
        let reports = [try CIReportFixtures.report(CIReportFixtures.shortOfComputers, name: "a.yaml"),
                       try CIReportFixtures.report(CIReportFixtures.notReported, name: "b.yaml"),
                       try CIReportFixtures.report(CIReportFixtures.invalid, name: "c.yaml")]
        let writer = { (language: Language) in GitLabCodeQuality(language: language, root: "/", workingDirectory: "/") }
        let first = try parse(writer(.vi).check(reports)).compactMap { $0["fingerprint"] as? String }
        let again = try parse(writer(.vi).check(reports)).compactMap { $0["fingerprint"] as? String }
        let english = try parse(writer(.en).check(reports)).compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(first.count, 3, "TC08 failed, TC16 not reported, WC103")
        XCTAssertEqual(first, again, "the same findings, the same fingerprints")
        XCTAssertEqual(first, english, "the language of the report does not change them")
        XCTAssertEqual(Set(first).count, first.count)
        XCTAssertTrue(first.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }, "\(first)")
    }

    func testTheSameFindingTwiceGetsTwoFingerprints() throws {
        // One file named twice on the command line: every finding comes twice, and GitLab would
        // fold findings that share a fingerprint into one.
        let report = try CIReportFixtures.report(CIReportFixtures.failing)
        let issues = try parse(GitLabCodeQuality(language: .en, root: "/", workingDirectory: "/").check([report, report]))
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(fingerprints.count, 2)
        XCTAssertNotEqual(fingerprints[0], fingerprints[1])
        let key = GitLabCodeQuality.fingerprintInput(path: String(report.file.dropFirst()), code: "TC16", line: 31,
                                                     message: try XCTUnwrap(issues[0]["description"] as? String))
        XCTAssertEqual(fingerprints[1], GitLabCodeQuality.fingerprint(key + "\0" + "1"), "numbered from the second")
    }

    // MARK: Paths

    func testPathsAreRelativeToTheRepositoryRoot() {
        let inRepo = GitLabCodeQuality(language: .vi, root: "/srv/city", workingDirectory: "/srv/city/wards")
        XCTAssertEqual(inRepo.relativePath("submissions/a.yaml"), "wards/submissions/a.yaml", "run from a subfolder")
        XCTAssertEqual(inRepo.relativePath("./submissions/../submissions/./a.yaml"), "wards/submissions/a.yaml")
        XCTAssertEqual(inRepo.relativePath("/srv/city/wards/a.yaml"), "wards/a.yaml")
        XCTAssertEqual(inRepo.relativePath("../roster.yaml"), "roster.yaml")
        XCTAssertEqual(inRepo.relativePath("/srv/city-old/a.yaml"), "/srv/city-old/a.yaml", "a sibling folder is not inside")
        XCTAssertEqual(inRepo.relativePath("../../other/a.yaml"), "/srv/other/a.yaml", "outside the repository: absolute")

        let noRepo = GitLabCodeQuality(language: .vi, root: nil, workingDirectory: "/home/office/")
        XCTAssertEqual(noRepo.relativePath("a.yaml"), "a.yaml", "no repository: relative to the current folder")
        XCTAssertEqual(noRepo.relativePath("/home/office/x/b.yml"), "x/b.yml")
        XCTAssertEqual(GitLabCodeQuality(language: .vi, root: "/", workingDirectory: "/").relativePath("/w/a.yaml"), "w/a.yaml")
    }

    // MARK: Hostile text

    func testHostileTextRoundTripsThroughTheJSON() throws {
        let justification = "chờ \"BTS\" \\ C:\\path\n</script>\u{202E}\u{7}"
        var report = try CIReportFixtures.report(CIReportFixtures.failing, waivers: CIReportFixtures.waivers())
        var card = try XCTUnwrap(report.scorecard)
        let waived = try XCTUnwrap(card.results.lastIndex { $0.waiver != nil })
        card.results[waived].waiver?.justification = justification
        card.file = "/repo/wards/\"quoted\"\nname\u{202E}.yaml"
        report.scorecard = card
        report.file = card.file
        let text = GitLabCodeQuality(language: .vi, root: "/repo", workingDirectory: "/repo").check([report])
        XCTAssertFalse(text.unicodeScalars.contains("\u{202E}"), "no override reaches the report raw")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        XCTAssertFalse(text.contains("</script>"), "`<` is escaped")
        let issues = try parse(text)
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(path(issues[0]), "wards/\"quoted\"\nname\u{202E}.yaml", "the path reads back exactly")
        let description = try XCTUnwrap(issues[0]["description"] as? String)
        XCTAssertTrue(description.contains("chờ \"BTS\" \\ C:\\path\\u{A}</script>\\u{202E}\\u{7}"),
                      "the text reads back, its hidden characters shown, not sent: " + description)
    }
}
