import Foundation
import XCTest

/// Input in a hostile environment (issue 10, items 4 and 5): whatever a path turns out to be, no
/// more than 1 MiB is read; an unreadable subfolder, a link or a pipe met while walking a folder
/// is reported and counted, never skipped in silence, never followed, never waited on.
final class InputHardeningCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try WardcheckProcess.temporaryFolder(self)
    }

    /// Runs the binary, killed after `seconds` so that a read with no end fails the test instead of hanging it.
    private func run(_ arguments: [String], seconds: Double = 20, asNobody: Bool = false,
                     criteria: String = CIWard.criteria) throws -> WardcheckProcess.Output {
        let process = Process()
        var command = [WardcheckProcess.binary.path] + arguments + ["--criteria", criteria, "--lang", "en"]
        if asNobody { command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        XCTAssertEqual(process.terminationReason, .exit, "\(arguments) did not finish within \(seconds) s")
        return .init(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: destination)
    }

    // MARK: 4. the 1 MiB limit holds whatever the path is

    func testALinkToAHugeFileIsRefusedByItsRealSize() throws {
        let big = folder.appendingPathComponent("big.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 300 << 20)  // 300 MiB, sparse: costs no disk
        try handle.close()
        try link("ward.yaml", to: "big.txt")
        let out = try run(["validate", "ward.yaml"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stdout.hasPrefix("ward.yaml:1:1: error[WC002]: file too large: 314572800 bytes, the limit is 1048576 bytes"), out.stdout)
    }

    func testADeviceOrAPipeIsReadOnlyUpToTheLimit() throws {
        // /dev/zero never ends and has no size: only counting the bytes read stops it.
        try link("zero.yaml", to: "/dev/zero")
        let zero = try run(["validate", "zero.yaml"])
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.stdout.hasPrefix("zero.yaml:1:1: error[WC002]: file too large: more than 1048576 bytes, the limit is 1048576 bytes"), zero.stdout)

        // A pipe named on the command line is read (`<(…)`, /dev/stdin), still never past the limit.
        let fifo = folder.appendingPathComponent("pipe.yaml").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A writer with no end of its own; it stops when wardcheck closes the pipe (SIGPIPE, in its own process).
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "yes 'key: value' > pipe.yaml"]
        writer.currentDirectoryURL = folder
        try writer.run()
        addTeardownBlock { if writer.isRunning { writer.terminate() } }
        let piped = try run(["validate", "pipe.yaml"])
        XCTAssertEqual(piped.status, 2)
        XCTAssertTrue(piped.stdout.contains("error[WC002]: file too large: more than 1048576 bytes"), piped.stdout)
    }

    func testAFolderNamedAsAFileSaysSo() throws {
        try CIWard.write(CIWard.ready, "w/a.yaml", in: folder)
        let out = try run(["explain", "w", "--criterion", "TC01"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stdout.contains("w:1:1: error[WC001]: this is a folder, not a file"), out.stdout)
    }

    // MARK: 5. nothing under a folder is skipped in silence

    func testAnUnreadableSubfolderIsReportedAndCounted() throws {
        try CIWard.write(CIWard.ready, "wards/open/a.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99002"), "wards/locked/b.yaml", in: folder)
        let locked = folder.appendingPathComponent("wards/locked").path
        XCTAssertEqual(chmod(locked, 0), 0)
        addTeardownBlock { chmod(locked, 0o755) }
        // Root reads any folder; the run then drops to `nobody`, as a CI runner's user would be.
        let asNobody = getuid() == 0
        var criteria = CIWard.criteria
        if asNobody {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("root without setpriv") }
            XCTAssertEqual(chmod(folder.path, 0o755), 0)
            // `nobody` reads the criteria from here, whatever the permissions of the checkout.
            criteria = folder.appendingPathComponent("criteria").path
            try FileManager.default.copyItem(atPath: CIWard.criteria, toPath: criteria)
        }

        let validate = try run(["validate", "wards"], asNobody: asNobody, criteria: criteria)
        XCTAssertEqual(validate.status, 2, validate.stdout + validate.stderr)
        XCTAssertTrue(validate.stdout.contains("wards/locked:1:1: error[WC001]: cannot read the folder: Permission denied; the files in it are not checked"), validate.stdout)
        XCTAssertTrue(validate.stdout.hasSuffix("2 files: 1 valid, 1 invalid (1 error)\n"), validate.stdout)

        let check = try run(["check", "--format", "json", "wards"], asNobody: asNobody, criteria: criteria)
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stdout.contains("\"file\": \"wards/locked\""), check.stdout)

        let audit = try run(["audit", "wards"], asNobody: asNobody, criteria: criteria)
        XCTAssertEqual(audit.status, 2, audit.stdout + audit.stderr)
        let summary = audit.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(summary.contains("Files submitted: 2"), audit.stdout)
        XCTAssertTrue(summary.contains("Invalid files: 1"), audit.stdout)
        // The folder is listed among the invalid files by its name, its problem in words with what
        // to do, and no line (the problem is the whole folder).
        XCTAssertNotNil(audit.stdout.range(of: #"\n  locked +1  Cannot read the folder: Permission denied; the files in it are not checked — make the folder readable"#,
                                           options: .regularExpression), audit.stdout)
        XCTAssertFalse(audit.stdout.contains("error[WC"), "no diagnostic code in the city's report")
    }

    func testLinksAreNotFollowedWhileWalkingButAFileNamedThroughOneIsRead() throws {
        try CIWard.write(CIWard.ready, "wards/a.yaml", in: folder)
        try CIWard.write("secret_token: s3cr3t\n", "outside/secrets.yaml", in: folder)
        try link("wards/borrowed.yaml", to: "../outside/secrets.yaml")
        try link("wards/elsewhere", to: "../outside")
        try link("wards/loop", to: ".")
        let out = try run(["validate", "wards"])
        XCTAssertEqual(out.status, 2)
        XCTAssertFalse(out.stdout.contains("s3cr3t"), "a submitted link must not make wardcheck quote another file")
        for path in ["wards/borrowed.yaml", "wards/elsewhere", "wards/loop"] {
            XCTAssertTrue(out.stdout.contains("\(path):1:1: error[WC001]: a symbolic link, not followed while walking a folder"), out.stdout)
        }
        XCTAssertTrue(out.stdout.hasSuffix("4 files: 1 valid, 3 invalid (3 errors)\n"), out.stdout)
        // Named on the command line, the same link is the user's choice and is read.
        XCTAssertTrue(try run(["validate", "wards/borrowed.yaml"]).stdout.contains("secret_token"))
    }

    func testAPipeWithAYAMLNameInAFolderIsNotWaitedOn() throws {
        try CIWard.write(CIWard.ready, "wards/a.yaml", in: folder)
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("wards/pipe.yaml").path, 0o600), 0)
        let out = try run(["validate", "wards"], seconds: 10)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stdout.contains("wards/pipe.yaml:1:1: error[WC001]: not a regular file (a pipe, a device or a socket), not read"), out.stdout)
    }

    func testALinkAPullRequestAddsIsNotFollowedByChangedSince() throws {
        let env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=ci@example.org", "-c", "user.name=CI", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
        }
        try git("init", "-q")
        try CIWard.write(CIWard.ready, "wards/a.yaml", in: folder)
        try git("add", ".")
        try git("commit", "-q", "-m", "base")
        try CIWard.write("secret_token: s3cr3t\n", "secrets.yaml", in: folder)
        try link("wards/b.yaml", to: "../secrets.yaml")
        try git("add", "wards/b.yaml")
        let out = try WardcheckProcess.run(["validate", "--changed-since", "HEAD", "wards", "--criteria", CIWard.criteria, "--lang", "en"],
                                           in: folder, environment: env)
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertFalse(out.stdout.contains("s3cr3t"), out.stdout)
        XCTAssertTrue(out.stdout.contains("wards/b.yaml:1:1: error[WC001]: a symbolic link, not followed while walking a folder"), out.stdout)
    }
}
