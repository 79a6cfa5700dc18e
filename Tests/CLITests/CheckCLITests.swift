import Foundation
import XCTest

final class CheckCLITests: XCTestCase {
    func testEditingTheCapacityThresholdInYAMLChangesTheResultWithoutRebuilding() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let criteria = folder.appendingPathComponent("criteria")
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("criteria"), to: criteria)
        let ward = WardcheckProcess.repository.appendingPathComponent("wards/submissions/20194-hoa-xuan.yaml").path

        let before = try WardcheckProcess.run(["explain", ward, "--criterion", "TC06", "--criteria", criteria.path, "--lang", "en"])
        XCTAssertTrue(before.stdout.hasPrefix("TC06 Backup generator — passed"), before.stdout + before.stderr)

        let file = criteria.appendingPathComponent("TC06.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "capacity_kva, at_least: 5 }", with: "capacity_kva, at_least: 500 }")
            .write(to: file, atomically: true, encoding: .utf8)
        let after = try WardcheckProcess.run(["explain", ward, "--criterion", "TC06", "--criteria", criteria.path, "--lang", "en"])
        XCTAssertTrue(after.stdout.hasPrefix("TC06 Backup generator — failed"), after.stdout + after.stderr)
        XCTAssertTrue(after.stdout.contains("requires at least 500 kVA"), after.stdout)
    }

    func testScorecardTextShowsScoreRowsAndCostsInVietnamese() throws {
        let ward = "wards/submissions/20248-lien-chieu.yaml"
        let out = try WardcheckProcess.run(["check", ward])
        XCTAssertEqual(out.status, 1, out.stderr)
        XCTAssertTrue(out.stdout.contains("14/16 tiêu chí đạt — CHƯA ĐẠT"), out.stdout)
        XCTAssertTrue(out.stdout.contains("VIỆC CẦN LÀM"))
        XCTAssertTrue(out.stdout.contains("Tổng chi phí ước tính:"))
        XCTAssertTrue(out.stdout.contains(" ₫"))
        let json = try WardcheckProcess.run(["check", ward, "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "wardcheck.check/1")
        let unit = try XCTUnwrap((object["units"] as? [[String: Any]])?.first)
        XCTAssertEqual(unit["passed"] as? Int, 14)
        XCTAssertEqual((unit["criteria"] as? [Any])?.count, 16)
    }

    func testCriteriaAreFoundFromAnyFolderThroughTheEnvironment() throws {
        let elsewhere = try WardcheckProcess.temporaryFolder(self)
        let ward = WardcheckProcess.repository.appendingPathComponent("wards/submissions/20194-hoa-xuan.yaml").path
        let without = try WardcheckProcess.run(["check", ward], in: elsewhere)
        XCTAssertEqual(without.status, 64, "no criteria folder is a usage error: " + without.stderr)
        XCTAssertTrue(without.stderr.contains("--criteria"), without.stderr)
        XCTAssertFalse(without.stderr.contains("<subcommand>"), "the usage line of the root command misleads: " + without.stderr)
        let with = try WardcheckProcess.run(["check", ward], in: elsewhere,
                                            environment: ["WARDCHECK_CRITERIA": WardcheckProcess.repository.appendingPathComponent("criteria").path])
        XCTAssertEqual(with.status, 0, with.stdout + with.stderr)
        XCTAssertTrue(with.stdout.contains("16/16"))
    }

    func testVerifyPassesOnTheShippedCriteria() throws {
        let out = try WardcheckProcess.run(["verify"])
        XCTAssertEqual(out.status, 0, out.stdout)
        XCTAssertTrue(out.stdout.contains(" passed, 0 failed"))
    }
}
