import Foundation
import XCTest

/// Output in a hostile environment (issue 10, items 1–3): a full disk, a closed pipe, a link where
/// the report goes, a run cut short. Never a crash, never a replaced link, never half a report,
/// never a temporary file left behind, never a write to an input.
final class OutputHardeningCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.ready, "ready.yaml", in: folder)
    }

    /// Runs a shell script in the test folder with `$W` the binary and `$C` the criteria.
    private func shell(_ script: String) throws -> WardcheckProcess.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["W"] = WardcheckProcess.binary.path
        env["C"] = CIWard.criteria
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func temporaryFiles(in url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".tmp") }
    }

    private func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    // MARK: 1. write errors

    func testAFullDiskIsOneLineOnStandardErrorAndExit74() throws {
        for command in ["check ready.yaml", "validate ready.yaml", "check --format json ready.yaml", "criteria",
                        "explain ready.yaml --criterion TC01", "verify", "init --code 20194 --name X --type ward -o -"] {
            let out = try shell("\"$W\" \(command) --criteria \"$C\" --lang en > /dev/full")
            XCTAssertEqual(out.status, 74, "\(command): \(out.stderr)")
            XCTAssertEqual(out.stderr, "wardcheck: cannot write to standard output: No space left on device\n", command)
        }
        let report = try shell("\"$W\" check ready.yaml --criteria \"$C\" -o /dev/full")
        XCTAssertEqual(report.status, 74, report.stderr)
        XCTAssertEqual(report.stderr, "wardcheck: không ghi được /dev/full: No space left on device\n")
    }

    func testAClosedPipeEndsTheOutputQuietlyWithTheRunsOwnStatus() throws {
        // The reader is gone before wardcheck writes a byte: every write meets EPIPE.
        for (arguments, status) in [(["check", "ready.yaml"], Int32(0)), (["check", "--format", "json", "ready.yaml"], 0),
                                    (["validate", "--format", "sarif", "nowhere.yaml"], 2)] {
            let process = Process()
            process.executableURL = WardcheckProcess.binary
            process.arguments = arguments + ["--criteria", CIWard.criteria]
            process.currentDirectoryURL = folder
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try out.fileHandleForReading.close()
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit, "\(arguments): killed by signal \(process.terminationStatus)")
            XCTAssertEqual(process.terminationStatus, status, "\(arguments): \(stderr)")
            XCTAssertFalse(stderr.contains("rror") && stderr.contains("Fatal"), stderr)
            XCTAssertFalse(stderr.contains("crashed"), stderr)
        }
    }

    func testAWriteThatFailsHalfwayKeepsTheOldReportWholeAndLeavesNoTemporaryFile() throws {
        // A 1 KiB file-size limit: the JSON report (about 30 KiB) fails partway through its write.
        try "the previous report\n".write(to: folder.appendingPathComponent("report.json"), atomically: true, encoding: .utf8)
        let out = try shell("ulimit -f 1; \"$W\" check --format json ready.yaml --criteria \"$C\" --lang en -o report.json")
        XCTAssertEqual(out.status, 74, out.stderr)
        XCTAssertTrue(out.stderr.hasPrefix("wardcheck: cannot write "), out.stderr)
        XCTAssertTrue(out.stderr.hasSuffix("report.json: File too large\n"), out.stderr)
        XCTAssertEqual(try text("report.json"), "the previous report\n")
        XCTAssertEqual(try temporaryFiles(in: folder), [])
    }

    // MARK: 2. links and modes

    func testALinkIsWrittenThroughAtomicallyAndStaysALink() throws {
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try "old\n".write(to: reports.appendingPathComponent("real.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(reports.appendingPathComponent("real.txt").path, 0o640), 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("latest.txt").path,
                                                   withDestinationPath: "reports/real.txt")
        let expected = try shell("\"$W\" check ready.yaml --criteria \"$C\"").stdout
        let out = try shell("\"$W\" check ready.yaml --criteria \"$C\" -o latest.txt")
        XCTAssertEqual(out.status, 0, out.stderr)

        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("latest.txt").path)
        XCTAssertEqual(link, "reports/real.txt", "the link is still a link to the same place")
        XCTAssertEqual(try text("reports/real.txt"), expected)
        let attributes = try FileManager.default.attributesOfItem(atPath: reports.appendingPathComponent("real.txt").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o640, "the replaced report keeps its mode")
        XCTAssertEqual(try temporaryFiles(in: folder) + temporaryFiles(in: reports), [])
    }

    func testALinkToNothingIsRefusedAndLeftAlone() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "missing/report.txt")
        let out = try shell("\"$W\" check ready.yaml --criteria \"$C\" --lang en -o dangling.txt")
        XCTAssertEqual(out.status, 74, out.stderr)
        XCTAssertTrue(out.stderr.contains("symbolic link to a file that does not exist"), out.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path), "missing/report.txt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
    }

    func testDevicesAndPipesAreWrittenToNotReplaced() throws {
        let out = try shell("\"$W\" check ready.yaml --criteria \"$C\" -o /dev/stdout | wc -c; \"$W\" check ready.yaml --criteria \"$C\" -o /dev/null")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertGreaterThan(Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 1000)
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        // Under `>>`, `-o /dev/stdout` appends instead of overwriting the log.
        try "earlier line\n".write(to: folder.appendingPathComponent("log.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try shell("\"$W\" validate ready.yaml --criteria \"$C\" --lang en -o /dev/stdout >> log.txt").status, 0)
        XCTAssertEqual(try text("log.txt"), "earlier line\n1 file: 1 valid, 0 invalid (0 errors)\n")
    }

    // MARK: 3. no temporary file survives an error or a signal

    func testAFolderAsTheOutputIsAnErrorThatLeavesNothingBehind() throws {
        let target = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let out = try shell("\"$W\" check ready.yaml --criteria \"$C\" --lang en -o out")
        XCTAssertEqual(out.status, 74, out.stderr)
        XCTAssertEqual(out.stderr, "wardcheck: cannot write out: it is a folder\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), [])
        XCTAssertEqual(try temporaryFiles(in: folder), [])
    }

    func testAnInterruptedWriteRemovesItsTemporaryFileAndKeepsTheOldReport() throws {
        for signal in [SIGTERM, SIGINT] {
            try "the previous report\n".write(to: folder.appendingPathComponent("report.txt"), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = WardcheckProcess.binary
            process.arguments = ["check", "ready.yaml", "--criteria", CIWard.criteria, "-o", "report.txt"]
            process.currentDirectoryURL = folder
            // Debug builds wait between writing the temporary file and renaming it, when asked.
            process.environment = ProcessInfo.processInfo.environment.merging(["WARDCHECK_TEST_HOLD_BEFORE_RENAME": "20"]) { $1 }
            try process.run()
            let deadline = Date().addingTimeInterval(15)
            while try temporaryFiles(in: folder).isEmpty, Date() < deadline { usleep(20_000) }
            XCTAssertEqual(try temporaryFiles(in: folder).count, 1, "the temporary file was never seen")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(process.terminationStatus, signal, "the signal still ends the run")
            XCTAssertEqual(try temporaryFiles(in: folder), [], "signal \(signal)")
            XCTAssertEqual(try text("report.txt"), "the previous report\n")
        }
    }

    // MARK: nothing is ever written to an input

    func testTheOutputCanNeverBeAnInput() throws {
        let criteria = folder.appendingPathComponent("criteria")
        try FileManager.default.copyItem(atPath: CIWard.criteria, toPath: criteria.path)
        try CIWard.write(CIWard.waivers(expires: "2099-12-31"), "waivers.yaml", in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias.yaml").path, withDestinationPath: "ready.yaml")
        // A second name for the ward file, which no walk reads: only the file's identity says it is an input.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try FileManager.default.linkItem(atPath: folder.appendingPathComponent("ready.yaml").path,
                                         toPath: folder.appendingPathComponent("reports/audit.json").path)
        let before = try snapshot(folder)
        // An audit works the check out while it judges the units (`OutputOptions.refusal`): every
        // format of it is refused all the same, before anything is written.
        for command in ["check ready.yaml -o ready.yaml", "check ready.yaml -o alias.yaml", "validate ready.yaml -o ./ready.yaml",
                        "check ready.yaml --waivers waivers.yaml -o waivers.yaml", "check ready.yaml -o criteria/facts.yaml",
                        "audit . -o ready.yaml", "audit . --format json -o ready.yaml", "audit . --format json -o reports/audit.json",
                        "audit . --format html -o reports/audit.json", "audit . --format json -o waivers.yaml",
                        "init --code 20194 --name X --type ward --force -o criteria/TC01.yaml"] {
            let out = try shell("\"$W\" \(command) --criteria criteria --lang en")
            XCTAssertEqual(out.status, 64, "\(command): \(out.stderr)")
            XCTAssertTrue(out.stderr.contains("wardcheck: not writing the output to "), out.stderr)
        }
        XCTAssertEqual(try snapshot(folder), before, "no input changed")
    }

    func testEveryCommandAndFormatLeavesItsInputsByteForByteAndUntouched() throws {
        try CIWard.write(CIWard.failing, "wards/failing.yaml", in: folder)
        try CIWard.write(CIWard.invalid, "wards/invalid.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99002"), "wards/ready.yaml", in: folder)
        try CIWard.write(CIWard.waivers(expires: "2099-12-31"), "wards/waivers.yaml", in: folder)
        try CIWard.write("roster: 1\nunits:\n  - { code: \"99001\", name: \"Phường Thử Nghiệm\" }\n", "wards/roster.yaml", in: folder)
        let before = try snapshot(folder)
        for format in ["text", "json", "junit", "sarif", "github"] {
            _ = try shell("\"$W\" validate wards --criteria \"$C\" --format \(format)")
            _ = try shell("\"$W\" check wards/failing.yaml wards/invalid.yaml --waivers wards/waivers.yaml --criteria \"$C\" --format \(format) -o out-\(format)")
        }
        for format in ["text", "json", "csv", "markdown", "html"] {
            _ = try shell("\"$W\" audit wards --criteria \"$C\" --format \(format) -o audit-\(format)")
        }
        _ = try shell("\"$W\" explain wards/failing.yaml --criterion TC16 --criteria \"$C\"")
        var after = try snapshot(folder)
        after = after.filter { !$0.key.hasPrefix("out-") && !$0.key.hasPrefix("audit-") }
        XCTAssertEqual(after, before)
    }

    /// Every file under `url` with its bytes and modification time.
    private func snapshot(_ url: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: url.path)
        while let relative = walker?.nextObject() as? String {
            let path = url.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            out[relative] = "\(data.base64EncodedString())|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return out
    }
}
