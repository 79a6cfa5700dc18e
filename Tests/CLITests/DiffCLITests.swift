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
        XCTAssertTrue(Set(book.keys).isSuperset(of: ["Summary", "The two audits", "Headline figures"]), "\(book.keys)")
        func sheet(_ prefix: String) throws -> [[Any]] { try XCTUnwrap(book.first { $0.key.hasPrefix(prefix) }?.value, prefix) }
        let criteria = try sheet("Criteria")
        let tc16 = try XCTUnwrap(criteria.first { $0.first as? String == "TC16" })
        // All three had a firewall before; after, 20211 alone (20194 lost it, 20203 was removed):
        // 3 → 1, −2, nobody gained it, one unit evaluated both times lost it.
        XCTAssertEqual(tc16.dropFirst(2).map { ($0 as? NSNumber)?.intValue }, [3, 1, -2, 0, 1])
        let who = try XCTUnwrap(try sheet("Units that gained or lost").first { $0.first as? String == "TC16" })
        XCTAssertEqual(who[2] as? String, "20194")
        let plan = try sheet("Procurement plan")
        let firewall = try XCTUnwrap(plan.first { $0.first as? String == "Firewall" })
        XCTAssertEqual((firewall[5] as? NSNumber)?.intValue, 30_000_000)
        // Not to a terminal: a workbook goes to a file or a pipe.
        let piped = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "xlsx"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("PK"), "a zip container on the pipe")
    }

    /// The comparison as an administrative document, with the heading and signature given on the
    /// command line, read back by Python's zipfile: it opens, and holds what was asked of it.
    func testOfficialDocument() throws {
        let (before, after) = try folders()
        let target = before.deletingLastPathComponent().appendingPathComponent("so-sanh.docx")
        let out = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "docx", "-o", target.path,
                                            "--as-of", "2026-12-04", "--issuer", "Sở KH&CN <Đà Nẵng>", "--place", "Đà Nẵng", "--position", "Phó Giám đốc",
                                            "--signer", "Nguyễn Văn An", "--recipient", "Ban Chỉ đạo"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let xml = try Python.run(["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", target.path], test: self)
        // Dated as the later folder was judged (--as-of); ward text and options escaped for XML.
        for expected in ["BÁO CÁO", "SỞ KH&amp;CN &lt;ĐÀ NẴNG&gt;", "Đà Nẵng, ngày 04 tháng 12 năm 2026", "Nơi nhận:", "- Ban Chỉ đạo.",
                         "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "KHÔNG CÒN ĐẠT 16/16 (1)", "20194"] {
            XCTAssertTrue(xml.contains(expected), "the document lacks «\(expected)»")
        }
        let piped = try WardcheckProcess.run(["diff", before.path, after.path, "--criteria", Self.criteria, "--format", "docx"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("PK"), "a zip container on the pipe")
    }
}
