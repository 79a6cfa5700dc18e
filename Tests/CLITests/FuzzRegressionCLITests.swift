import Foundation
import XCTest

/// The fuzz target, built without libFuzzer, replays inputs: every crash `make fuzz` ever found
/// (Tests/Fixtures/fuzz/regressions/) and every seed must go through the whole pipeline, with the
/// target's own checks on the reports, without a crash.
final class FuzzRegressionCLITests: XCTestCase {
    func testEveryKeptCrashAndSeedRunsThroughThePipeline() throws {
        let fixtures = WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures")
        var inputs: [String] = []
        for folder in ["fuzz/regressions", "facts", "yaml-test-suite/invalid", "yaml-test-suite/valid"] {
            let url = fixtures.appendingPathComponent(folder)
            inputs += try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { url.appendingPathComponent($0).path }
        }
        let process = Process()
        process.executableURL = WardcheckProcess.binary.deletingLastPathComponent().appendingPathComponent("wardcheck-fuzz")
        process.arguments = inputs
        process.currentDirectoryURL = WardcheckProcess.repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, stderr)
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        XCTAssertEqual(stdout, "wardcheck-fuzz: \(inputs.count) inputs, no crash\n")
    }
}
