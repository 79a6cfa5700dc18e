import Foundation
import XCTest

/// `diff` on folders and saved reports, as the city office runs it month to month.
final class DiffCLITests: XCTestCase {
    static let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path

    /// Two copies of three sample wards. In the later one, 20194 (16/16 in the samples) loses its
    /// firewall, so TC16 fails and a 30 000 000 ₫ firewall joins the plan; 20203 is removed.
    private func folders() throws -> (before: URL, after: URL) {
        let root = try WardcheckProcess.temporaryFolder(self)
        let samples = WardcheckProcess.repository.appendingPathComponent("wards/submissions")
        let before = root.appendingPathComponent("before")
        let after = root.appendingPathComponent("after")
        for folder in [before, after] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for name in ["20194-hoa-xuan.yaml", "20203-hai-chau.yaml", "20211-hoa-cuong.yaml"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: before.appendingPathComponent(name))
        }
        let hoaXuan = try String(contentsOf: samples.appendingPathComponent("20194-hoa-xuan.yaml"), encoding: .utf8)
        XCTAssertTrue(hoaXuan.contains("firewall: true"))
        try hoaXuan.replacingOccurrences(of: "firewall: true", with: "firewall: false")
            .write(to: after.appendingPathComponent("moved-20194.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("20211-hoa-cuong.yaml"), to: after.appendingPathComponent("20211-hoa-cuong.yaml"))
        return (before, after)
    }

    func testTwoFoldersAndASavedReport() throws {
        let (before, after) = try folders()
        let saved = before.deletingLastPathComponent().appendingPathComponent("before.json")
        let audit = try WardcheckProcess.run(["audit", before.path, "--criteria", Self.criteria, "--format", "json", "-o", saved.path])
        XCTAssertLessThanOrEqual(audit.status, 1, audit.stderr)

        let fromFolders = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "json"])
        let fromReport = try WardcheckProcess.run(["diff", saved.path, after.path, "--criteria", Self.criteria, "--format", "json"])
        XCTAssertEqual(fromFolders.status, 0, fromFolders.stderr)
        XCTAssertEqual(fromReport.status, 0, fromReport.stderr)
        for out in [fromFolders, fromReport] {
            let diff = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            let units = try XCTUnwrap(diff["units"] as? [[String: Any]])
            let hoaXuan = try XCTUnwrap(units.first { $0["code"] as? String == "20194" }, "the same unit, though its file was renamed")
            XCTAssertEqual(hoaXuan["lost"] as? [String], ["TC16"])
            XCTAssertEqual((hoaXuan["cost_after"] as? Int ?? 0) - (hoaXuan["cost_before"] as? Int ?? 0), 30_000_000)
            let submissions = try XCTUnwrap(diff["submissions"] as? [[String: Any]])
            XCTAssertEqual(submissions.map { $0["code"] as? String }, ["20203"])
            XCTAssertEqual(submissions.first?["after"] as? String, "absent", "no roster: a unit without a file is simply absent")
            let plan = try XCTUnwrap(diff["plan"] as? [String: Any])
            let firewall = try XCTUnwrap((plan["items"] as? [[String: Any]])?.first { $0["item"] as? String == "firewall" })
            XCTAssertEqual((firewall["quantity_after"] as? Int ?? 0) - (firewall["quantity_before"] as? Int ?? 0), 1)
        }
        // The saved report and the folder it came from compare the same way.
        func stripped(_ text: String) -> String {
            text.components(separatedBy: "\n").filter { !$0.contains("\"source\"") }.joined(separator: "\n")
        }
        XCTAssertEqual(stripped(fromFolders.stdout), stripped(fromReport.stdout))

        let gate = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--fail-on-regression"])
        XCTAssertEqual(gate.status, 1)
        let same = try WardcheckProcess.run(["diff", before.path, before.path, "--criteria", Self.criteria, "--fail-on-regression", "--format", "markdown"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("## Mới đạt 16/16 (0)"), same.stdout)
    }

    func testUnreadableInputsAreClearErrors() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let bad = folder.appendingPathComponent("bad.json")
        try "{ not json".write(to: bad, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("check.json")
        try #"{"schema": "wardcheck.check/1", "units": []}"#.write(to: other, atomically: true, encoding: .utf8)
        for (arguments, expected) in [
            ([bad.path, bad.path], "bad.json is not valid JSON"),
            ([other.path, bad.path], "this version reads `wardcheck.audit/1`"),
            ([folder.appendingPathComponent("missing.json").path, bad.path], "cannot read"),
        ] {
            let out = try WardcheckProcess.run(["diff"] + arguments + ["--criteria", Self.criteria, "--lang", "en"])
            XCTAssertEqual(out.status, 2, out.stderr)
            XCTAssertTrue(out.stderr.contains(expected), out.stderr)
            XCTAssertTrue(out.stdout.isEmpty)
        }
        let vi = try WardcheckProcess.run(["diff", bad.path, bad.path, "--criteria", Self.criteria])
        XCTAssertTrue(vi.stderr.contains("không phải JSON hợp lệ"), vi.stderr)
    }

    func testReportWrittenAtomicallyInEveryFormat() throws {
        let (before, after) = try folders()
        for format in ["text", "json", "csv", "markdown", "html"] {
            let target = before.deletingLastPathComponent().appendingPathComponent("diff.\(format)")
            let out = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", format, "-o", target.path, "--lang", "en"])
            XCTAssertEqual(out.status, 0, out.stderr)
            let text = try String(contentsOf: target, encoding: .utf8)
            XCTAssertTrue(text.contains("20194"), format)
        }
    }

    /// The workbook, read back by openpyxl: 20194 lost TC16, and the plan gained a 30 000 000 ₫ firewall.
    func testWorkbookReadByAnotherReader() throws {
        let (before, after) = try folders()
        let target = before.deletingLastPathComponent().appendingPathComponent("diff.xlsx")
        let out = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "xlsx", "-o", target.path, "--lang", "en"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let book = try Python.workbook(target.path, test: self)
        XCTAssertEqual(Set(book.keys), ["Summary", "Ready changes", "Criteria", "Units that changed", "Submissions", "Purchase plan"])
        let criteria = try XCTUnwrap(book["Criteria"])
        let tc16 = try XCTUnwrap(criteria.first { $0.first as? String == "TC16" })
        XCTAssertEqual(tc16[6] as? String, "20194")
        let plan = try XCTUnwrap(book["Purchase plan"])
        let firewall = try XCTUnwrap(plan.first { $0.first as? String == "Firewall" })
        XCTAssertEqual((firewall[5] as? NSNumber)?.intValue, 30_000_000)
        // Not to a terminal: a workbook goes to a file or a pipe.
        let piped = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "xlsx"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("PK"), "a zip container on the pipe")
    }
}
