import Foundation
import XCTest

/// `--format gitlab` from the binary, in a real git repository made for the test: paths relative
/// to the repository root from any folder, GitLab's required fields (checked by
/// Tests/CI/codequality.py with jsonschema), fingerprints computed again by Python's hashlib,
/// and the exit codes of the other CI formats.
final class GitLabFormatCLITests: XCTestCase {
    private var repo: URL!

    /// wards/ holds a unit that fails TC16, one that leaves the firewall out, and an invalid one.
    override func setUpWithError() throws {
        repo = try WardcheckProcess.temporaryFolder(self)
        try git("init", "-q")
        try CIWard.write(CIWard.failing, "wards/a-failing.yaml", in: repo)
        try CIWard.write(CIWard.renamed(CIWard.notReported, code: "99002"), "wards/b-silent.yaml", in: repo)
        try CIWard.write(CIWard.renamed(CIWard.invalid, code: "99003"), "wards/c-invalid.yaml", in: repo)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99004"), "wards/d-ready.yaml", in: repo)
    }

    private static let environment = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]

    private func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = repo
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git " + arguments.joined(separator: " "))
    }

    private func wardcheck(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(arguments + ["--criteria", CIWard.criteria], in: folder,
                                 environment: Self.environment.merging(environment) { $1 })
    }

    private func issues(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], text)
    }

    private func summary(_ issues: [[String: Any]]) -> [String] {
        issues.map { issue in
            let location = issue["location"] as? [String: Any]
            let begin = (location?["lines"] as? [String: Any])?["begin"] as? Int ?? 0
            return "\(location?["path"] as? String ?? "?"):\(begin) \(issue["check_name"] as? String ?? "?") \(issue["severity"] as? String ?? "?")"
        }
    }

    /// What GitLab requires, checked by the Python reader (jsonschema), not by our code.
    private func assertGitLabAccepts(_ file: URL, line: UInt = #line) throws {
        let problems = try Python.run(["Tests/CI/codequality.py", file.path], test: self)
        XCTAssertEqual(problems, "", line: line)
    }

    func testCheckFromASubfolderWritesPathsFromTheRepositoryRoot() throws {
        let wards = repo.appendingPathComponent("wards")
        let out = try wardcheck(["check", ".", "--format", "gitlab", "--lang", "en"], in: wards)
        XCTAssertEqual(out.status, 2, "an invalid file: " + out.stderr)
        // The fixtures' places (see CIWard): TC16 at 31 (failed), the security block at 29 (not
        // reported), WC103 at 31; the ready unit has nothing.
        XCTAssertEqual(summary(try issues(out.stdout)), [
            "wards/a-failing.yaml:31 TC16 major",
            "wards/b-silent.yaml:29 TC16 minor",
            "wards/c-invalid.yaml:31 WC103 critical",
        ])
        let report = repo.appendingPathComponent("report.json")
        try out.stdout.write(to: report, atomically: true, encoding: .utf8)
        try assertGitLabAccepts(report)
    }

    func testFingerprintsAreTheSHA256OfTheDocumentedFields() throws {
        let out = try wardcheck(["check", "wards", "--format", "gitlab", "--lang", "en", "-o", "en.json"], in: repo)
        XCTAssertEqual(out.status, 2, out.stderr)
        // Python's hashlib over path, code, first line and English description, NUL-separated.
        let script = """
        import hashlib, json, sys
        for issue in json.load(open(sys.argv[1], encoding="utf-8")):
            fields = [issue["location"]["path"], issue["check_name"], str(issue["location"]["lines"]["begin"]), issue["description"]]
            print(hashlib.sha256("\\0".join(fields).encode("utf-8")).hexdigest() == issue["fingerprint"])
        """
        XCTAssertEqual(try Python.run(["-c", script, repo.appendingPathComponent("en.json").path], test: self), "True\nTrue\nTrue\n")

        let vi = try wardcheck(["check", "wards", "--format", "gitlab"], in: repo)
        let english = try issues(try String(contentsOf: repo.appendingPathComponent("en.json"), encoding: .utf8))
        XCTAssertEqual(try issues(vi.stdout).map { $0["fingerprint"] as? String }, english.map { $0["fingerprint"] as? String },
                       "the same fingerprints in Vietnamese")
        XCTAssertTrue((try issues(vi.stdout).first?["description"] as? String)?.contains("không đạt") ?? false, vi.stdout)
    }

    func testExitCodesAreThoseOfTheOtherFormats() throws {
        let ready = try wardcheck(["check", "wards/d-ready.yaml", "--format", "gitlab"], in: repo)
        XCTAssertEqual(ready.status, 0, ready.stderr)
        XCTAssertEqual(ready.stdout, "[]\n", "nothing to report is an empty array")
        XCTAssertEqual(try wardcheck(["check", "wards/a-failing.yaml", "--format", "gitlab"], in: repo).status, 1)
        XCTAssertEqual(try wardcheck(["check", "wards/a-failing.yaml", "--format", "gitlab", "--fail-on", "invalid"], in: repo).status, 0)
        XCTAssertEqual(try wardcheck(["validate", "wards/a-failing.yaml", "--format", "gitlab"], in: repo).stdout, "[]\n")

        let validate = try wardcheck(["validate", "wards", "--format", "gitlab", "-o", "validate.json"], in: repo)
        XCTAssertEqual(validate.status, 2, validate.stderr)
        XCTAssertEqual(validate.stdout, "", "-o writes the file, not standard output")
        let written = repo.appendingPathComponent("validate.json")
        XCTAssertEqual(summary(try issues(try String(contentsOf: written, encoding: .utf8))), ["wards/c-invalid.yaml:31 WC103 critical"])
        try assertGitLabAccepts(written)
    }

    func testNothingChangedStillWritesAReport() throws {
        try git("add", ".")
        try git("-c", "user.email=ci@example.org", "-c", "user.name=ci", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "wards")
        let out = try wardcheck(["check", "--changed-since", "HEAD", "wards", "--format", "gitlab", "-o", "cq.json"], in: repo)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try String(contentsOf: repo.appendingPathComponent("cq.json"), encoding: .utf8), "[]\n",
                       "the artifact exists for the upload step")
    }

    func testOutsideARepositoryPathsAreRelativeToTheCurrentFolder() throws {
        let plain = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.failing, "x/a.yaml", in: plain)
        let out = try wardcheck(["check", "x/a.yaml", "--format", "gitlab"], in: plain,
                                environment: ["GIT_CEILING_DIRECTORIES": plain.deletingLastPathComponent().path])
        XCTAssertEqual(out.status, 1, out.stderr)
        XCTAssertEqual(summary(try issues(out.stdout)), ["x/a.yaml:31 TC16 major"])
    }

    func testTheDiagnosticsLandOnTheLinesTheTextOutputNames() throws {
        let sample = CIFormatCLITests.invalidSample
        let text = try WardcheckProcess.run(["validate", sample])
        let lines = text.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: #/^(.+):(\d+):\d+: error\[(WC\d+)\]: /#) else { return nil }
            return "\(match.1):\(match.2) \(match.3) critical"
        }
        XCTAssertEqual(lines.count, 3, text.stdout)
        let gitlab = try WardcheckProcess.run(["validate", sample, "--format", "gitlab"])
        XCTAssertEqual(gitlab.status, 2)
        XCTAssertEqual(summary(try issues(gitlab.stdout)), lines)
    }

    func testBothCommandsOfferTheFormatInHelp() throws {
        for command in ["check", "validate"] {
            let out = try WardcheckProcess.run([command, "--help"])
            XCTAssertTrue(out.stdout.contains("gitlab (GitLab Code Quality)"), command + " --help:\n" + out.stdout)
        }
    }
}
