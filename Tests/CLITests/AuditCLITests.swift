import Foundation
import XCTest

/// `wardcheck audit` as the city office runs it on the sample province.
final class AuditCLITests: XCTestCase {
    func testHTMLIsWrittenAtomicallyAndTheGateDecidesTheExitCode() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let report = folder.appendingPathComponent("audit.html")
        let run = try WardcheckProcess.run(["audit", "wards", "--format", "html", "-o", report.path])
        // The samples hold one invalid file (20473-que-son.yaml): by default an invalid file fails the run with 2.
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, "", "the report goes to the file, not to standard output")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["audit.html"], "no temporary file is left behind")
        let html = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("20473-que-son.yaml"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))

        // Without invalid files in the gate, the failures present still fail the run with 1 …
        XCTAssertEqual(try WardcheckProcess.run(["audit", "wards", "--fail-on", "failed", "-o", report.path]).status, 1)
        XCTAssertEqual(try WardcheckProcess.run(["audit", "wards", "--fail-on", "failed,not-reported", "-o", report.path]).status, 1)
        // … and with only invalid files counted it is 2 again.
        XCTAssertEqual(try WardcheckProcess.run(["audit", "wards", "--fail-on", "invalid", "-o", report.path]).status, 2)
    }

    func testTextSummaryAndLanguages() throws {
        let vi = try WardcheckProcess.run(["audit"])
        XCTAssertEqual(vi.status, 2, vi.stderr)
        XCTAssertNotNil(vi.stdout.range(of: #"Đơn vị trong danh sách:\s+93\n"#, options: .regularExpression), vi.stdout)
        XCTAssertNotNil(vi.stdout.range(of: #"Tệp đã nộp:\s+88\n"#, options: .regularExpression))
        XCTAssertTrue(vi.stdout.contains("20441  Xã Thăng Trường"))
        // The invalid file by its name and its first problem in words, no diagnostic code.
        XCTAssertNotNil(vi.stdout.range(of: #"20473-que-son\.yaml +20473 .* Dòng 32: "#, options: .regularExpression), vi.stdout)
        XCTAssertFalse(vi.stdout.contains("error[WC"))
        XCTAssertTrue(vi.stdout.contains("₫"))
        XCTAssertFalse(vi.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let en = try WardcheckProcess.run(["audit", "wards", "--lang", "en"])
        XCTAssertNotNil(en.stdout.range(of: #"Units in the roster:\s+93\n"#, options: .regularExpression), en.stdout)
        XCTAssertTrue(en.stdout.contains("PROCUREMENT PLAN"))
    }

    /// The five-unit city of Tests/Fixtures/city, whose figures are worked out by hand in
    /// FixtureCityTests: every format says the same thing.
    func testEveryFormatCarriesTheFixtureCitysHandWorkedFigures() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let city = ["audit", "Tests/Fixtures/city", "--as-of", "2025-08-01"]
        for format in ["text", "json", "csv", "markdown", "html"] {
            let file = folder.appendingPathComponent("audit.\(format)")
            let run = try WardcheckProcess.run(city + ["--format", format, "-o", file.path], environment: ["WARDCHECK_TODAY": "2025-08-01"])
            XCTAssertEqual(run.status, 2, "\(format): one invalid file: \(run.stderr)")
            let text = try String(contentsOf: file, encoding: .utf8)
            let total = format == "json" || format == "csv" ? "100500000" : "100.500.000"
            XCTAssertTrue(text.contains(total), "\(format) shows the plan total")
            XCTAssertTrue(text.contains("10005"), "\(format) names the unit that has not submitted")
            XCTAssertTrue(text.contains("10004-dao.yaml"), "\(format) names the invalid file")
        }
        let csv = try Data(contentsOf: folder.appendingPathComponent("audit.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("audit.json"))) as! [String: Any]
        XCTAssertEqual(json["schema"] as? String, "wardcheck.audit/1")
        XCTAssertEqual(json["evaluated_on"] as? String, "2025-08-01")
        let summary = json["summary"] as! [String: Any]
        XCTAssertEqual(summary["files"] as? Int, 4)
        XCTAssertEqual(summary["valid"] as? Int, 3)
        XCTAssertEqual(summary["ready"] as? Int, 1)
        XCTAssertEqual(summary["stale"] as? Int, 1)
        XCTAssertEqual(summary["not_submitted"] as? Int, 1)
        XCTAssertEqual(summary["mean_passed"] as? Double, 13.33)
        XCTAssertEqual(summary["total_cost"] as? Int, 100_500_000)
        let units = json["units"] as! [[String: Any]]
        XCTAssertEqual(units.map { $0["code"] as? String }, ["10001", "10002", "10003"])
        XCTAssertEqual(units.map { $0["stale"] as? Bool }, [false, false, true])
        XCTAssertEqual(units.map { $0["facts_date"] as? String }, ["2025-07-25", "2025-07-25", "2025-04-30"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }, [])
    }

    /// A city's roster is compiled into the cache by the first audit and read from it by the
    /// next: both audits, and one with the cache turned off, write the same bytes.
    func testTheRosterReadsTheSameFromTheCache() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let cache = folder.appendingPathComponent("cache").path
        let args = ["audit", "wards", "--as-of", "2026-11-15", "--format", "json"]
        let first = try WardcheckProcess.run(args, environment: ["WARDCHECK_TODAY": "2026-11-29", "WARDCHECK_CACHE": cache])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(entries.filter { $0.hasPrefix("roster-") && $0.hasSuffix(".bin") }.count, 1, "\(entries)")
        let second = try WardcheckProcess.run(args, environment: ["WARDCHECK_TODAY": "2026-11-29", "WARDCHECK_CACHE": cache])
        let off = try WardcheckProcess.run(args, environment: ["WARDCHECK_TODAY": "2026-11-29", "WARDCHECK_CACHE": "off"])
        XCTAssertEqual(first.stdout, off.stdout)
        XCTAssertEqual(second.stdout, off.stdout)
        XCTAssertEqual([first.status, second.status], [off.status, off.status])
        XCTAssertTrue(off.stdout.contains("\"not_submitted\""), "the roster was read: who has not submitted is listed")
    }

    /// The JSON audit is streamed: each unit's part written while it is judged and read back in
    /// rank order. Every part must sit with its own unit, ranked, and a file report must hold
    /// the bytes standard output gets.
    func testStreamedJSONAuditKeepsEachUnitWithItsPartInRankOrder() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let file = folder.appendingPathComponent("audit.json")
        let args = ["audit", "wards", "--as-of", "2026-11-15", "--format", "json"]
        let env = ["WARDCHECK_TODAY": "2026-11-29"]
        let toFile = try WardcheckProcess.run(args + ["-o", file.path], environment: env)
        let toStdout = try WardcheckProcess.run(args, environment: env)
        XCTAssertEqual(toFile.status, toStdout.status)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), toStdout.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(toStdout.stdout.utf8)) as! [String: Any]
        let units = json["units"] as! [[String: Any]]
        XCTAssertEqual(units.count, 87)
        for unit in units {
            let code = unit["code"] as! String
            XCTAssertTrue((unit["file"] as! String).hasPrefix("wards/submissions/" + code + "-"), "\(code) is shown with another unit's part")
            let outcomes = unit["outcomes"] as! [String: String]
            XCTAssertEqual(unit["passed"] as? Int, outcomes.values.filter { $0 == "passed" }.count, code)
        }
        let keys = units.map { (-($0["passed"] as! Int), $0["code"] as! String) }
        XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "units in rank order: most criteria met first, then by code")
        let ranks = units.map { $0["rank"] as! Int }
        for i in units.indices.dropFirst() {
            XCTAssertEqual(ranks[i], keys[i].0 == keys[i - 1].0 ? ranks[i - 1] : i + 1, "competition ranking")
        }
    }

    func testTheAuditSaysWhichDayItJudgesOnAndTodayIsTheDefault() throws {
        let run = try WardcheckProcess.run(["audit", "Tests/Fixtures/city", "--lang", "en"], environment: ["WARDCHECK_TODAY": "2025-08-01"])
        XCTAssertNotNil(run.stdout.range(of: "Judged as of:\\s+1\u{00A0}Aug\u{00A0}2025\n", options: .regularExpression), run.stdout)
        // Xã Cát's facts are 93 days old: stale after 90, not after 100.
        let later = try WardcheckProcess.run(["audit", "Tests/Fixtures/city", "--lang", "en", "--stale-after", "100"],
                                             environment: ["WARDCHECK_TODAY": "2025-08-01"])
        XCTAssertNotNil(later.stdout.range(of: #"Stale facts \(> 100 days\):\s+0\n"#, options: .regularExpression), later.stdout)
    }

    func testFactsFromTheFutureAreRefusedInTheAudit() throws {
        // On 2025-07-24 the two files dated 2025-07-25 describe tomorrow.
        let run = try WardcheckProcess.run(["audit", "Tests/Fixtures/city", "--format", "json"], environment: ["WARDCHECK_TODAY": "2025-07-24"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let invalid = (json["invalid"] as! [[String: Any]]).map { $0["file"] as! String }
        XCTAssertEqual(invalid, ["Tests/Fixtures/city/10001-an.yaml", "Tests/Fixtures/city/10002-binh.yaml", "Tests/Fixtures/city/10004-dao.yaml"])
        let first = ((json["invalid"] as! [[String: Any]])[0]["first_errors"] as! [[String: Any]])[0]
        XCTAssertEqual(first["code"] as? String, "WC115")
    }

    func testRosterAndWaiversDefaultsAndFailures() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let wards = WardcheckProcess.repository.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        for name in ["20194-hoa-xuan.yaml", "20705-tra-leng.yaml"] {
            let source = try FileManager.default.contentsOfDirectory(atPath: wards.appendingPathComponent("submissions").path)
                .first { $0.hasPrefix(String(name.prefix(5))) }!
            try FileManager.default.copyItem(at: wards.appendingPathComponent("submissions").appendingPathComponent(source),
                                             to: folder.appendingPathComponent("nested").appendingPathComponent(source))
        }
        // No roster, no waivers in the folder: every file counts, Trà Leng's TC04 fails.
        var run = try WardcheckProcess.run(["audit", folder.path, "--format", "json"])
        var json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((json["summary"] as! [String: Any])["files"] as? Int, 2, "files are found in subfolders")
        XCTAssertTrue(json["roster_file"] is NSNull)
        var tc04 = (json["tallies"] as! [[String: Any]]).first { $0["id"] as? String == "TC04" }!
        XCTAssertEqual(tc04["waived"] as? Int, 0)

        // With roster.yaml and waivers.yaml in the folder, both are used and neither is read as a ward file.
        try FileManager.default.copyItem(at: wards.appendingPathComponent("roster.yaml"), to: folder.appendingPathComponent("roster.yaml"))
        try FileManager.default.copyItem(at: wards.appendingPathComponent("waivers.yaml"), to: folder.appendingPathComponent("waivers.yaml"))
        run = try WardcheckProcess.run(["audit", folder.path, "--format", "json"])
        json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        XCTAssertEqual(summary["files"] as? Int, 2)
        XCTAssertEqual(summary["roster_units"] as? Int, 93)
        XCTAssertEqual(summary["not_submitted"] as? Int, 91)
        tc04 = (json["tallies"] as! [[String: Any]]).first { $0["id"] as? String == "TC04" }!
        XCTAssertEqual(tc04["waived"] as? Int, 1)

        // A roster that does not load stops the run with its diagnostics and exit 2.
        let broken = folder.appendingPathComponent("broken-roster.yaml")
        try "roster: 1\nunits:\n  - { code: \"20194\" }\n".write(to: broken, atomically: true, encoding: .utf8)
        run = try WardcheckProcess.run(["audit", folder.path, "--roster", broken.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("broken-roster.yaml"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        run = try WardcheckProcess.run(["audit", folder.path, "--waivers", folder.appendingPathComponent("missing.yaml").path])
        XCTAssertEqual(run.status, 2)

        // A folder that does not exist is a usage error.
        XCTAssertEqual(try WardcheckProcess.run(["audit", folder.appendingPathComponent("nowhere").path]).status, 64)
    }
}
