import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
@testable import WardcheckServer
import XCTest

/// A submission never destroys the version before it: in a git work tree each one is a commit the
/// city's history sees, and a submission whose commit fails is refused with the folder as it was.
final class SubmissionVersionTests: XCTestCase {
    private func git(_ arguments: [String], in folder: URL) throws -> String {
        try GitProcess(folder: folder.path).text(arguments)
    }

    /// The sample city in a fresh git repository, with one commit of everything.
    private func repository() throws -> (setup: SubmissionTests.Setup, root: URL) {
        let setup = try SubmissionTests.setup(self)
        let root = setup.city
        _ = try git(["init", "--quiet", "--initial-branch=main"], in: root)
        _ = try git(["-c", "user.name=city", "-c", "user.email=city@example", "add", "--all"], in: root)
        _ = try git(["-c", "user.name=city", "-c", "user.email=city@example", "commit", "--quiet", "-m", "the city's files"], in: root)
        // The desk decides how it keeps versions when it is made: in the repository now.
        let schema = try ServerFixture.criteria().schema
        var settings = setup.settings
        settings.submissions = SubmissionDesk(folder: root.appendingPathComponent("submissions").path,
                                              tokens: try XCTUnwrap(settings.submissions?.tokens), schema: schema)
        return (SubmissionTests.Setup(city: root, log: setup.log, settings: settings), root)
    }

    func testEachAcceptedSubmissionIsACommitByItsUnit() async throws {
        let (setup, root) = try repository()
        let file = root.appendingPathComponent("submissions/20194-hoa-xuan.yaml")
        let before = try Data(contentsOf: file)
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let response = try await client.post("/api/submit", answers: SubmissionTests.hoaXuan, token: SubmissionTests.secret)
            XCTAssertEqual(response.status, .ok, response.text)
        }
        let log = try git(["log", "--format=%an <%ae>|%s", "--", "submissions/20194-hoa-xuan.yaml"], in: root)
        XCTAssertEqual(log.split(separator: "\n").first, "Đơn vị 20194 <20194@wardcheck.invalid>|Nộp số liệu 20194 (20194-hoa-xuan.yaml)")
        XCTAssertEqual(log.split(separator: "\n").count, 2, "the city's commit, then the submission's")
        // The version before is in the history, whole.
        let previous = try GitProcess(folder: root.path).run(["show", "HEAD~1:submissions/20194-hoa-xuan.yaml"])
        XCTAssertEqual(previous, before)
        XCTAssertEqual(try git(["status", "--porcelain"], in: root), "", "nothing left uncommitted, and no copy beside it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("submissions/.history").path))
        let line = try String(contentsOf: setup.log, encoding: .utf8)
        let head = try git(["rev-parse", "--short", "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.contains(" version=\(head)\n"), line)
    }

    func testASubmissionWhoseCommitFailsIsRefusedAndTheFolderIsLeftAsItWas() async throws {
        let (setup, root) = try repository()
        let file = root.appendingPathComponent("submissions/20194-hoa-xuan.yaml")
        let before = try Data(contentsOf: file)
        let head = try git(["rev-parse", "HEAD"], in: root)
        // Another git command holds the index: the commit cannot be made.
        let lock = root.appendingPathComponent(".git/index.lock")
        FileManager.default.createFile(atPath: lock.path, contents: Data())
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let response = try await client.post("/api/submit", answers: SubmissionTests.hoaXuan, token: SubmissionTests.secret)
            XCTAssertEqual(response.status, .internalServerError)
            XCTAssertEqual((try response.json()["error"] as? [String: Any])?["message"] as? String,
                           "không lưu được tệp; lần nộp không được ghi nhận, tệp trước vẫn nguyên")
        }
        try FileManager.default.removeItem(at: lock)
        XCTAssertEqual(try Data(contentsOf: file), before, "the previous file, unchanged")
        XCTAssertEqual(try git(["rev-parse", "HEAD"], in: root), head, "no commit")
        XCTAssertEqual(try git(["status", "--porcelain"], in: root), "")
        let line = try String(contentsOf: setup.log, encoding: .utf8)
        XCTAssertTrue(line.contains("submission failed status=500 reason=save path=/api/submit"), line)
    }

    func testANewUnitsFirstFileIsCommittedToo() async throws {
        let (setup, root) = try repository()
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let response = try await client.post("/api/submit", answers: Answers16.ready, token: SubmissionTests.otherSecret)
            XCTAssertEqual(response.status, .ok, response.text)
        }
        XCTAssertEqual(try git(["log", "-1", "--format=%s"], in: root).trimmingCharacters(in: .whitespacesAndNewlines), "Nộp số liệu 99001 (99001.yaml)")
        XCTAssertEqual(try git(["status", "--porcelain"], in: root), "")
    }
}
