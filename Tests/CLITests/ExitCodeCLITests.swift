import Foundation
import XCTest

/// Ward files written for the CI tests: one that meets every criterion in the repository's
/// criteria/ folder, and one-line variations of it that fail, leave a fact out, or are invalid.
/// The shipped samples change as the criteria do; these say exactly what they test.
enum CIWard {
    static let code = "99001"

    /// The ward that meets every criterion, shared by the test targets (Tests/Fixtures/facts/ready-ward.yaml).
    static let ready = try! String(contentsOf: WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)

    /// Fails TC16 (no firewall) and nothing else.
    static let failing = ready.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: false\n")
    /// Leaves `security.firewall` out: TC16 not reported, nothing failed.
    static let notReported = ready.replacingOccurrences(of: "  firewall: true\n", with: "")
    /// `yes` is not a boolean: the file is invalid (WC103 at 31:13).
    static let invalid = ready.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: yes\n")

    /// The same ward under another unit code, so several can sit in one folder.
    static func renamed(_ text: String, code: String) -> String {
        text.replacingOccurrences(of: "code: \"99001\"", with: "code: \"\(code)\"")
    }

    /// A waiver of TC16 for 99001.
    static func waivers(expires: String) -> String {
        """
        waivers: 1
        entries:
          - criterion: TC16
            unit: "99001"
            justification: "Tường lửa đang chờ mua sắm tập trung"
            approved_by: "Chánh Văn phòng UBND thành phố"
            expires: \(expires)

        """
    }

    static var criteria: String { WardcheckProcess.repository.appendingPathComponent("criteria").path }

    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return name
    }

    /// Runs wardcheck in `folder` with the repository's criteria.
    static func run(_ arguments: [String], in folder: URL) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(arguments + ["--criteria", criteria], in: folder)
    }
}

/// Each exit code the policy promises, from the built binary.
final class ExitCodeCLITests: XCTestCase {
    func testAReadyWardExitsZero() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ward = try CIWard.write(CIWard.ready, "ready.yaml", in: folder)
        let check = try CIWard.run(["check", ward], in: folder)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("16/16"), check.stdout)
        let validate = try CIWard.run(["validate", ward], in: folder)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
    }

    func testAFailingWardExitsOne() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ward = try CIWard.write(CIWard.failing, "failing.yaml", in: folder)
        let out = try CIWard.run(["check", ward], in: folder)
        XCTAssertEqual(out.status, 1, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("15/16"), out.stdout)
        XCTAssertEqual(try CIWard.run(["validate", ward], in: folder).status, 0, "a failing ward is still a valid file")
    }

    func testANotReportedFactExitsOne() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ward = try CIWard.write(CIWard.notReported, "silent.yaml", in: folder)
        let out = try CIWard.run(["check", ward, "--lang", "en"], in: folder)
        XCTAssertEqual(out.status, 1, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("not reported"), out.stdout)
    }

    func testAnInvalidWardExitsTwoAndTheOthersAreStillReported() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        try CIWard.write(CIWard.ready, "wards/a-ready.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.failing, code: "99002"), "wards/b-failing.yaml", in: folder)
        try CIWard.write(CIWard.renamed(CIWard.invalid, code: "99003"), "wards/c-invalid.yaml", in: folder)
        let out = try CIWard.run(["check", "wards", "--format", "json"], in: folder)
        XCTAssertEqual(out.status, 2, out.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let units = try XCTUnwrap(json["units"] as? [[String: Any]])
        XCTAssertEqual(units.map { $0["file"] as? String }, ["wards/a-ready.yaml", "wards/b-failing.yaml", "wards/c-invalid.yaml"])
        XCTAssertEqual(units.map { $0["passed"] as? Int }, [16, 15, nil], "the valid files are still scored")
        XCTAssertEqual(units.map { $0["valid"] as? Bool }, [true, true, false])

        let validate = try CIWard.run(["validate", "wards"], in: folder)
        XCTAssertEqual(validate.status, 2, validate.stdout)
        XCTAssertTrue(validate.stdout.contains("wards/c-invalid.yaml:31:13: error[WC103]"), validate.stdout)
    }

    func testUsageErrorsExit64() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ward = try CIWard.write(CIWard.ready, "ready.yaml", in: folder)
        for arguments in [["check", ward, "--no-such-flag"], ["validate", ward, "--no-such-flag"],
                          ["check", ward, "--fail-on", "everything"], ["validate", ward, "--format", "xml"],
                          ["check"]] {
            let out = try CIWard.run(arguments, in: folder)
            XCTAssertEqual(out.status, 64, arguments.joined(separator: " ") + "\n" + out.stderr)
            // Said by the root parser, whichever way the command line was first read (DirectCommand).
            XCTAssertTrue(out.stderr.contains("Usage: wardcheck \(arguments[0]) "), arguments.joined(separator: " ") + "\n" + out.stderr)
        }
    }

    func testBothCommandsShowTheExitCodePolicyInHelp() throws {
        for command in ["check", "validate"] {
            let out = try WardcheckProcess.run([command, "--help"])
            XCTAssertEqual(out.status, 0)
            for text in ["--fail-on", "invalid,failed,not-reported", "--changed-since", "junit", "sarif", "github",
                         "0  ", "1  ", "2  ", "64 ", "a waived criterion never does"] {
                XCTAssertTrue(out.stdout.contains(text), "\(command) --help lacks `\(text)`:\n" + out.stdout)
            }
        }
    }
}
