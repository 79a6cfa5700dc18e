import Foundation
import XCTest

/// `--changed-since REV` in a real git repository made for the test.
final class ChangedSinceCLITests: XCTestCase {
    private var repo: URL!

    /// A repository with four committed ward files, then: one modified, one deleted, one left
    /// alone, one added and staged, one created but never added, and a changed non-YAML file.
    override func setUpWithError() throws {
        repo = try WardcheckProcess.temporaryFolder(self)
        try git("init", "-q")
        try git("config", "user.email", "ci@example.org")
        try git("config", "user.name", "wardcheck CI test")
        try git("config", "commit.gpgsign", "false")
        try CIWard.write(CIWard.ready, "wards/modified.yaml", in: repo)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99002"), "wards/deleted.yaml", in: repo)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99003"), "wards/unchanged.yaml", in: repo)
        try CIWard.write("ghi chú\n", "wards/notes.txt", in: repo)
        try git("add", ".")
        try git("commit", "-q", "-m", "two wards")

        try CIWard.write(CIWard.failing, "wards/modified.yaml", in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("wards/deleted.yaml"))
        try CIWard.write(CIWard.renamed(CIWard.notReported, code: "99004"), "wards/added.yaml", in: repo)
        try git("add", "wards/added.yaml")
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99005"), "wards/untracked.yaml", in: repo)
        try CIWard.write("ghi chú đã sửa\n", "wards/notes.txt", in: repo)
    }

    private func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = repo
        process.environment = Self.gitEnvironment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): " + String(decoding: message, as: UTF8.self)])
        }
    }

    /// Keeps the user's and the machine's git configuration (signing, hooks, templates) out of the test.
    private static var gitEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        return env
    }

    private func wardcheck(_ arguments: [String], in folder: URL? = nil) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(arguments + ["--criteria", CIWard.criteria], in: folder ?? repo,
                                 environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"])
    }

    private func checkedFiles(_ out: WardcheckProcess.Output) throws -> [String] {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], out.stdout + out.stderr)
        let units = try XCTUnwrap((json["units"] ?? json["files"]) as? [[String: Any]])
        return units.compactMap { $0["file"] as? String }
    }

    func testChecksExactlyTheAddedAndModifiedWardsAndListsTheDeletedOne() throws {
        let out = try wardcheck(["check", "--changed-since", "HEAD", "--format", "json"])
        XCTAssertEqual(try checkedFiles(out), ["wards/added.yaml", "wards/modified.yaml"])
        XCTAssertEqual(out.status, 1, "modified.yaml now fails TC16; added.yaml leaves it unreported")
        XCTAssertTrue(out.stderr.contains("wards/deleted.yaml"), out.stderr)
        XCTAssertTrue(out.stderr.contains("đã xoá"), out.stderr)
        XCTAssertFalse(out.stderr.contains("unchanged.yaml") || out.stdout.contains("unchanged.yaml"))
        XCTAssertFalse(out.stdout.contains("untracked.yaml"), "untracked files are not part of `git diff REV`")
    }

    func testValidateTakesTheSameFilesAndSpeaksEnglishWhenAsked() throws {
        let out = try wardcheck(["validate", "--changed-since", "HEAD", "--format", "json", "--lang", "en"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try checkedFiles(out), ["wards/added.yaml", "wards/modified.yaml"])
        XCTAssertTrue(out.stderr.contains("deleted, not checked: wards/deleted.yaml"), out.stderr)
    }

    func testPathsNarrowTheChangesAndStayRelativeToTheWorkingFolder() throws {
        let single = try wardcheck(["check", "--changed-since", "HEAD", "--format", "json", "wards/added.yaml"])
        XCTAssertEqual(try checkedFiles(single), ["wards/added.yaml"])
        XCTAssertFalse(single.stderr.contains("deleted.yaml"), "deleted files outside the paths are not mentioned")

        let inside = try wardcheck(["check", "--changed-since", "HEAD", "--format", "json", "."],
                                   in: repo.appendingPathComponent("wards"))
        XCTAssertEqual(try checkedFiles(inside), ["added.yaml", "modified.yaml"], inside.stderr)
    }

    func testNothingChangedSaysSoAndExitsZero() throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", "everything")
        let out = try wardcheck(["check", "--changed-since", "HEAD", "--lang", "en"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("no .yaml/.yml file added or modified since HEAD"), out.stderr)
        let sarif = try wardcheck(["check", "--changed-since", "HEAD", "--format", "sarif"])
        XCTAssertEqual(sarif.status, 0)
        XCTAssertTrue(sarif.stdout.contains("\"version\": \"2.1.0\""), "still a SARIF log, for the upload step")
        let earlier = try wardcheck(["validate", "--changed-since", "HEAD~1", "--format", "json"])
        XCTAssertEqual(try checkedFiles(earlier), ["wards/added.yaml", "wards/modified.yaml", "wards/untracked.yaml"])
    }

    func testAnUnknownRevisionExitsTwoWithAClearMessage() throws {
        let out = try wardcheck(["check", "--changed-since", "origin/no-such-branch", "--lang", "en"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("`origin/no-such-branch` is not a commit"), out.stderr)
        XCTAssertTrue(out.stdout.isEmpty)
    }

    func testOutsideARepositoryExitsTwoWithGitsReason() throws {
        let plain = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.ready, "ready.yaml", in: plain)
        let out = try WardcheckProcess.run(["validate", "--changed-since", "HEAD", "--criteria", CIWard.criteria], in: plain,
                                           environment: ["GIT_CEILING_DIRECTORIES": plain.deletingLastPathComponent().path])
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("--changed-since HEAD"), out.stderr)
        XCTAssertTrue(out.stderr.lowercased().contains("not a git repository"), out.stderr)
    }
}
