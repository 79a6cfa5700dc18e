import Foundation
import XCTest

/// The CI ecosystem's conventions, each tested by a Python script under Tests/CI against the built
/// binary (so `swift test`, and with it `make mutate`, runs them): the pre-commit hooks under
/// pre-commit itself, the GitHub action and the GitLab template run in scratch ward repositories.
/// They need PyYAML, jsonschema and pre-commit (`make test-deps`).
final class CIConventionsCLITests: XCTestCase {
    private func runScript(_ name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/CI/" + name, "--bin", WardcheckProcess.binary.path]
        process.currentDirectoryURL = WardcheckProcess.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0,
                       "Tests/CI/\(name) failed (it needs PyYAML, jsonschema and pre-commit: make test-deps):\n" + text)
    }

    func testThePreCommitHooksUnderPreCommit() throws {
        try runScript("pre_commit_test.py")
    }

    func testTheGitHubActionRunLocally() throws {
        try runScript("action_test.py")
    }

    func testTheGitLabTemplateRunLocally() throws {
        try runScript("gitlab_template_test.py")
    }
}
