import Foundation
import XCTest

/// `--fail-on`: each choice against wards that fail, leave a fact out, or are invalid; and a
/// waived criterion, which never fails the gate.
final class GateCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.failing, "failing.yaml", in: folder)
        try CIWard.write(CIWard.notReported, "silent.yaml", in: folder)
        try CIWard.write(CIWard.invalid, "invalid.yaml", in: folder)
    }

    private func status(_ arguments: [String]) throws -> Int32 {
        let out = try CIWard.run(arguments, in: folder)
        XCTAssertNotEqual(out.status, 64, out.stderr)
        return out.status
    }

    func testFailOnInvalidLetsFailuresAndGapsThrough() throws {
        XCTAssertEqual(try status(["check", "failing.yaml", "--fail-on", "invalid"]), 0)
        XCTAssertEqual(try status(["check", "silent.yaml", "--fail-on", "invalid"]), 0)
        XCTAssertEqual(try status(["check", "failing.yaml", "invalid.yaml", "--fail-on", "invalid"]), 2)
    }

    func testFailOnFailedIgnoresWhatIsNotReportedButNotAFailure() throws {
        XCTAssertEqual(try status(["check", "silent.yaml", "--fail-on", "failed"]), 0)
        XCTAssertEqual(try status(["check", "failing.yaml", "--fail-on", "failed"]), 1)
        XCTAssertEqual(try status(["check", "invalid.yaml", "--fail-on", "failed"]), 0, "invalid is not chosen")
    }

    func testFailOnNotReportedFailsOnAMissingFactOnly() throws {
        XCTAssertEqual(try status(["check", "silent.yaml", "--fail-on", "not-reported"]), 1)
        XCTAssertEqual(try status(["check", "failing.yaml", "--fail-on", "not-reported"]), 0)
    }

    func testChoicesCombine() throws {
        XCTAssertEqual(try status(["check", "silent.yaml", "--fail-on", "invalid,not-reported"]), 1)
        XCTAssertEqual(try status(["check", "failing.yaml", "silent.yaml", "invalid.yaml", "--fail-on", "failed, not-reported"]), 1)
        XCTAssertEqual(try status(["check", "failing.yaml", "silent.yaml", "invalid.yaml"]), 2, "the default counts all three")
    }

    func testValidateAcceptsFailOnAndOnlyInvalidMatters() throws {
        XCTAssertEqual(try status(["validate", "invalid.yaml"]), 2)
        XCTAssertEqual(try status(["validate", "invalid.yaml", "--fail-on", "invalid"]), 2)
        XCTAssertEqual(try status(["validate", "invalid.yaml", "--fail-on", "failed,not-reported"]), 0)
        XCTAssertEqual(try status(["validate", "failing.yaml", "silent.yaml", "--fail-on", "failed,not-reported"]), 0)
    }

    func testAWaivedCriterionNeverFailsTheGate() throws {
        try CIWard.write(CIWard.waivers(expires: "2099-12-31"), "waivers.yaml", in: folder)
        XCTAssertEqual(try status(["check", "failing.yaml"]), 1, "without the waiver TC16 fails")
        XCTAssertEqual(try status(["check", "failing.yaml", "--waivers", "waivers.yaml"]), 0)
        XCTAssertEqual(try status(["check", "failing.yaml", "--waivers", "waivers.yaml", "--fail-on", "failed"]), 0)
        let out = try CIWard.run(["check", "failing.yaml", "--waivers", "waivers.yaml", "--lang", "en"], in: folder)
        XCTAssertTrue(out.stdout.contains("waived"), out.stdout)
        XCTAssertTrue(out.stdout.contains("15/16"), "waived is never counted as passed:\n" + out.stdout)
    }

    func testAnExpiredWaiverDoesNotOpenTheGate() throws {
        try CIWard.write(CIWard.waivers(expires: "2025-01-31"), "waivers.yaml", in: folder)
        XCTAssertEqual(try status(["check", "failing.yaml", "--waivers", "waivers.yaml"]), 1)
    }

    func testTheSampleWardWhoseOnlyFailureIsWaivedPasses() throws {
        // wards/README.md: 20705 Trà Leng meets the other 15 criteria; TC04 is waived until 2027-06-30.
        let ward = "wards/submissions/20705-tra-leng.yaml"
        XCTAssertEqual(try WardcheckProcess.run(["check", ward]).status, 1)
        let out = try WardcheckProcess.run(["check", ward, "--waivers", "wards/waivers.yaml"])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
    }
}
