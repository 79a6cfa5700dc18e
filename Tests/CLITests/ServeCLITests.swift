import Foundation
import XCTest

/// `wardcheck serve` runs the separate `wardcheck-serve` executable with its own arguments, and
/// says so clearly when that program is missing.
final class ServeCLITests: XCTestCase {
    func testServeHandsEveryArgumentToTheServer() throws {
        let help = try WardcheckProcess.run(["serve", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--accept-submissions <tokens-file>"), "the server's own help: \(help.stdout)")
        let bad = try WardcheckProcess.run(["serve", "--port", "70000"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--port"), bad.stderr)
        let loose = try WardcheckProcess.run(["serve", "--submissions", "x"])
        XCTAssertEqual(loose.status, 64, "--submissions without --accept-submissions")
        for url in ["ftp://x.example", "https://x.example/path", "wardcheck.example"] {
            let wrong = try WardcheckProcess.run(["serve", "--public-url", url])
            XCTAssertEqual(wrong.status, 64, url)
            XCTAssertTrue(wrong.stderr.contains("--public-url"), wrong.stderr)
        }
    }

    /// The secret is read on standard input and never printed; the line verifies against it.
    func testHashTokenPrintsATokensFileLine() throws {
        let out = try Self.run(["serve", "--hash-token", "20194"], input: "0123456789abcdef0123456789abcdef\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let line = out.stdout.trimmingCharacters(in: .newlines)
        XCTAssertNotNil(line.range(of: "^20194 sha256:[0-9a-f]{32}:[0-9a-f]{64}$", options: .regularExpression), line)
        XCTAssertFalse(out.stdout.contains("0123456789abcdef0123456789abcdef"))
        let short = try Self.run(["serve", "--hash-token", "20194"], input: "short\n")
        XCTAssertEqual(short.status, 2)
        XCTAssertTrue(short.stderr.contains("16"), short.stderr)
        let badCode = try Self.run(["serve", "--hash-token", "../x"], input: "0123456789abcdef0123456789abcdef\n")
        XCTAssertEqual(badCode.status, 2)
        // One character repeated is refused too, unless the city says it knows what it does.
        let repeated = try Self.run(["serve", "--hash-token", "20194"], input: "aaaaaaaaaaaaaaaa\n")
        XCTAssertEqual(repeated.status, 2)
        XCTAssertTrue(repeated.stderr.contains("--allow-weak-secret"), repeated.stderr)
        let allowed = try Self.run(["serve", "--hash-token", "20194", "--allow-weak-secret"], input: "aaaaaaaaaaaaaaaa\n")
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        // A city office login name takes a line of the same form.
        let login = try Self.run(["serve", "--hash-token", "vanphong"], input: "0123456789abcdef0123456789abcdef\r\n")
        XCTAssertNotNil(login.stdout.range(of: "^vanphong sha256:[0-9a-f]{32}:[0-9a-f]{64}\n$", options: .regularExpression), login.stdout)
    }

    func testABrokenTokensFileStopsTheServerWithItsPlace() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        try "20194 sha256:00:11\n".write(to: folder.appendingPathComponent("tokens.txt"), atomically: true, encoding: .utf8)
        let out = try WardcheckProcess.run(["serve", "--port", "0", "--wards", WardcheckProcess.repository.appendingPathComponent("wards").path,
                                            "--accept-submissions", folder.appendingPathComponent("tokens.txt").path])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("tokens.txt:1:7: error[WC201]"), out.stderr)
    }

    /// A submissions folder in a repository git will not use (another user's, or broken) would
    /// have the server keep copies where the city expects commits: it does not start.
    func testARepositoryGitCannotUseStopsTheServer() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let submissions = folder.appendingPathComponent("city/submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try "gitdir: /nonexistent/wardcheck-test\n".write(to: folder.appendingPathComponent("city/.git"), atomically: true, encoding: .utf8)
        let token = try Self.run(["serve", "--hash-token", "20194"], input: "0123456789abcdef0123456789abcdef\n")
        try token.stdout.write(to: folder.appendingPathComponent("tokens.txt"), atomically: true, encoding: .utf8)
        let out = try WardcheckProcess.run(["serve", "--port", "0", "--lang", "en", "--submissions", submissions.path,
                                            "--accept-submissions", folder.appendingPathComponent("tokens.txt").path], timeout: 30)
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertTrue(out.stderr.contains("the submissions folder is in the git repository \(folder.appendingPathComponent("city").standardizedFileURL.path), which git cannot use"), out.stderr)
        XCTAssertTrue(out.stderr.contains("not a git repository"), "git's own words: \(out.stderr)")
    }

    func testWithoutTheServerProgramServeSaysWhatToDo() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let lone = folder.appendingPathComponent("wardcheck")
        try FileManager.default.copyItem(at: WardcheckProcess.binary, to: lone)
        let process = Process()
        process.executableURL = lone
        process.arguments = ["serve"]
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(text.contains("wardcheck-serve"), text)
        XCTAssertTrue(text.contains("make install"), text)
    }

    static func run(_ arguments: [String], input: String) throws -> WardcheckProcess.Output {
        let process = Process()
        process.executableURL = WardcheckProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = WardcheckProcess.repository
        let stdin = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return WardcheckProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
