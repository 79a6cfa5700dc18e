import Foundation
import XCTest

final class InstallAndInputCLITests: XCTestCase {
    /// `make install` puts the criteria beside the binary; found through PATH, it must find them.
    func testAnInstalledBinaryFoundThroughPATHFindsItsCriteria() throws {
        let prefix = try WardcheckProcess.temporaryFolder(self)
        let bin = prefix.appendingPathComponent("bin")
        let share = prefix.appendingPathComponent("share/wardcheck")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: WardcheckProcess.binary, to: bin.appendingPathComponent("wardcheck"))
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("criteria"), to: share.appendingPathComponent("criteria"))
        let elsewhere = try WardcheckProcess.temporaryFolder(self)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wardcheck", "criteria", "--lang", "en"]
        process.currentDirectoryURL = elsewhere
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin.path + ":/usr/bin:/bin"
        env.removeValue(forKey: "WARDCHECK_CRITERIA")
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(text.hasPrefix("16 criteria from " + share.appendingPathComponent("criteria").path), text)
    }

    func testAFolderWithNoFactsFilesIsAnErrorNotAPass() throws {
        let empty = try WardcheckProcess.temporaryFolder(self)
        for command in ["validate", "check"] {
            let out = try WardcheckProcess.run([command, empty.path])
            XCTAssertEqual(out.status, 2, command)
            XCTAssertTrue(out.stderr.contains("không có tệp dữ kiện .yaml nào"), out.stderr)
        }
    }

    func testTheRosterAndWaiversAreNotReadAsFactsFiles() throws {
        let out = try WardcheckProcess.run(["validate", "wards", "--lang", "en"])
        XCTAssertFalse(out.stdout.contains("roster.yaml") || out.stdout.contains("waivers.yaml"), out.stdout)
        XCTAssertTrue(out.stdout.contains("88 files: 87 valid, 1 invalid"), out.stdout)
    }
}
