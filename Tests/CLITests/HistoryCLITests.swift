import Foundation
import XCTest

/// `history` and `diff --git` on a small repository built here, with a known history:
///
/// | commit (committer date) | wards/ after the commit                                                    |
/// |-------------------------|-----------------------------------------------------------------------------|
/// | 2025-07-10 `july`       | roster (99001, 99002, 99003); a.yaml = 99001 ready; b.yaml = 99002, 7 printers |
/// | 2025-08-05              | b.yaml renamed units/b-renamed.yaml; c.yaml = 99003 with `firewall: yes` (invalid) |
/// | 2025-08-20              | 99002: 8 printers                                                            |
/// | 2025-09-12 `september`  | 99002: 9 printers; c.yaml valid, 6 printers, no IT officer; a.yaml removed    |
/// | 2025-09-20              | README.md only (not in wards/)                                               |
/// | 2025-11-03              | wards/ removed                                                                |
///
/// Every unit is the ready ward of Tests/Fixtures/facts/ready-ward.yaml (45 officials, 16/16) but
/// for the edits named, and every commit re-dates every ward file to the commit's day (`as_of`, the
/// video-conference test, the generator test), as offices re-submit monthly. 45 officials need
/// ⌈45 ÷ 5⌉ = 9 printers (TC10); a printer costs 6 000 000 ₫; no IT officer fails TC11, an action
/// with no cost. Each month is judged on its last day. Hand-worked readings:
///
/// - 2025-07 (july, judged 07-31, tests 21 days old): files 2, evaluated 2 (99001 16/16, 99002 15/16),
///   invalid 0, not submitted 1 (99003), ready 1, mean (16 + 15) / 2 = 15.50, cost 2 printers =
///   12 000 000; TC10 met by 1, every other criterion by 2.
/// - 2025-08 (the 08-20 commit, the last that month; judged 08-31): files 3, evaluated 2 (99001 16,
///   99002 15 with 8 printers), invalid 1 (99003, which counts as submitted, so not submitted 0),
///   ready 1, mean 15.50, cost 1 printer = 6 000 000; TC10 by 1, others by 2. The renamed file is the same unit.
/// - 2025-09 (september, judged 09-30): files 2, evaluated 2 (99002 16/16, 99003 14/16), invalid 0, not
///   submitted 1 (99001, whose file was removed), ready 1, mean (16 + 14) / 2 = 15.00, cost 3 printers =
///   18 000 000; TC10 by 1, TC11 by 1, others by 2.
/// - 2025-10: no commit that month, so the september files again, judged 10-31: the video tests of 09-12
///   are 49 days old, past TC05's 30 (the generator's 90 still hold; facts 49 days old are not stale).
///   99002 15/16, 99003 13/16: ready 0, mean (15 + 13) / 2 = 14.00, cost still 18 000 000 (a test
///   call is an action); TC05 by 0, TC10 by 1, TC11 by 1, others by 2.
/// - 2025-11: the folder is gone: absent.
/// June is before the first commit, so the series starts in July.
final class HistoryCLITests: XCTestCase {
    static let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path

    private func git(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.invalid", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        if let date {
            environment["GIT_AUTHOR_DATE"] = date + "T10:00:00+07:00"
            environment["GIT_COMMITTER_DATE"] = date + "T10:00:00+07:00"
        }
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " ")): \(message)")
    }

    private static let ready = (try? String(contentsOf: WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)) ?? ""

    /// The ready ward as unit `code`, dated `date` (facts and both tests), with `edits` applied.
    private static func ward(code: String, name: String, date: String, edits: [(String, String)] = []) -> String {
        var text = ready.replacingOccurrences(of: "code: \"99001\", name: \"Phường Thử Nghiệm\"", with: "code: \"\(code)\", name: \"\(name)\"")
        for old in ["as_of: 2025-07-05", "last_test: 2025-07-01", "last_test: 2025-06-20"] {
            text = text.replacingOccurrences(of: old, with: old.prefix(while: { $0 != ":" }) + ": " + date)
        }
        for (from, to) in edits { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }

    private func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The repository of the table above.
    private func repository() throws -> URL {
        for expected in ["printers: { working: 10 }", "it_officer: true", "firewall: true", "as_of: 2025-07-05", "last_test: 2025-07-01", "last_test: 2025-06-20"] {
            XCTAssertTrue(Self.ready.contains(expected), "the ready ward changed (\(expected)); the hand calculation must be redone")
        }
        let repo = try WardcheckProcess.temporaryFolder(self)
        try git(["init", "-q", "-b", "main"], in: repo)
        let a = { (date: String) in Self.ward(code: "99001", name: "Phường Thử Nghiệm", date: date) }
        let b = { (date: String, printers: Int) in
            Self.ward(code: "99002", name: "Phường Hai", date: date, edits: [("printers: { working: 10 }", "printers: { working: \(printers) }")])
        }
        try write("""
        roster: 1
        province: "Tỉnh Thử"
        units:
          - { code: "99001", name: "Phường Thử Nghiệm" }
          - { code: "99002", name: "Phường Hai" }
          - { code: "99003", name: "Xã Ba" }

        """, "wards/roster.yaml", in: repo)
        try write(a("2025-07-10"), "wards/a.yaml", in: repo)
        try write(b("2025-07-10", 7), "wards/b.yaml", in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "july"], in: repo, date: "2025-07-10")
        try git(["tag", "july"], in: repo)

        // git mv does not make folders.
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("wards/units"), withIntermediateDirectories: true)
        try git(["mv", "wards/b.yaml", "wards/units/b-renamed.yaml"], in: repo)
        try write(a("2025-08-05"), "wards/a.yaml", in: repo)
        try write(b("2025-08-05", 7), "wards/units/b-renamed.yaml", in: repo)
        try write(Self.ward(code: "99003", name: "Xã Ba", date: "2025-08-05", edits: [("firewall: true", "firewall: yes")]), "wards/c.yaml", in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "rename b, add an invalid c"], in: repo, date: "2025-08-05")

        try write(a("2025-08-20"), "wards/a.yaml", in: repo)
        try write(b("2025-08-20", 8), "wards/units/b-renamed.yaml", in: repo)
        try write(Self.ward(code: "99003", name: "Xã Ba", date: "2025-08-20", edits: [("firewall: true", "firewall: yes")]), "wards/c.yaml", in: repo)
        try git(["commit", "-q", "-a", "-m", "b: 8 printers"], in: repo, date: "2025-08-20")

        try write(b("2025-09-12", 9), "wards/units/b-renamed.yaml", in: repo)
        try write(Self.ward(code: "99003", name: "Xã Ba", date: "2025-09-12", edits: [("printers: { working: 10 }", "printers: { working: 6 }"),
                                                                                    ("it_officer: true", "it_officer: false")]), "wards/c.yaml", in: repo)
        try git(["rm", "-q", "wards/a.yaml"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "september"], in: repo, date: "2025-09-12")
        try git(["tag", "september"], in: repo)

        try write("Không phải hồ sơ.\n", "README.md", in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "readme"], in: repo, date: "2025-09-20")

        try git(["rm", "-q", "-r", "wards"], in: repo)
        try git(["commit", "-q", "-m", "wards moved elsewhere"], in: repo, date: "2025-11-03")
        return repo
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testMonthlyReadingsMatchTheHandCalculation() throws {
        let repo = try repository()
        // Each revision is written to a temporary folder; none may be left behind.
        let scratch = try WardcheckProcess.temporaryFolder(self)
        let out = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-06-01", "--until", "2025-11-30",
                                            "--format", "json"], in: repo, environment: ["TMPDIR": scratch.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "temporary copies left behind")
        let history = try json(out.stdout)
        XCTAssertEqual(history["schema"] as? String, "wardcheck.history/1")
        XCTAssertEqual(history["every"] as? String, "month")
        let points = try XCTUnwrap(history["points"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["period"] as? String }, ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11"])
        XCTAssertEqual(points.map { $0["end"] as? String }, ["2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30"])
        XCTAssertEqual(points.map { $0["commit_date"] as? String }, ["2025-07-10", "2025-08-20", "2025-09-12", "2025-09-12", "2025-11-03"])
        XCTAssertEqual(points.map { $0["status"] as? String }, ["audited", "audited", "audited", "audited", "absent"])

        func figures(_ key: String) -> [Int?] { points.prefix(4).map { $0[key] as? Int } }
        XCTAssertEqual(points.map { $0["judged_on"] as? String }, ["2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30"])
        XCTAssertEqual(figures("files"), [2, 3, 2, 2])
        XCTAssertEqual(figures("valid"), [2, 2, 2, 2])
        XCTAssertEqual(figures("invalid"), [0, 1, 0, 0])
        XCTAssertEqual(figures("audit_errors"), [0, 0, 0, 0])
        XCTAssertEqual(figures("not_submitted"), [1, 0, 1, 1])
        XCTAssertEqual(figures("ready"), [1, 1, 1, 0])
        XCTAssertEqual(figures("stale"), [0, 0, 0, 0])
        XCTAssertEqual(figures("total_cost"), [12_000_000, 6_000_000, 18_000_000, 18_000_000])
        XCTAssertEqual(points.prefix(4).map { $0["mean_passed"] as? Double }, [15.5, 15.5, 15.0, 14.0])
        let passed = points.prefix(4).map { $0["passed"] as? [String: Int] ?? [:] }
        XCTAssertEqual(passed.map { $0["TC05"] }, [2, 2, 2, 0])
        XCTAssertEqual(passed.map { $0["TC10"] }, [1, 1, 1, 1])
        XCTAssertEqual(passed.map { $0["TC11"] }, [2, 2, 1, 1])
        XCTAssertEqual(passed.map { $0.count }, [16, 16, 16, 16])
        XCTAssertEqual(passed.map { p in p.filter { !["TC05", "TC10", "TC11"].contains($0.key) }.values.allSatisfy { $0 == 2 } }, [true, true, true, true])
        XCTAssertNil(points[4]["ready"], "an absent folder has no figures, not zeros")
    }

    func testQuarterlyAndTheFormatsForPeople() throws {
        let repo = try repository()
        // Q3 ends 2025-09-30: the september commit. Q4: the folder was removed in November.
        let quarterly = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--every", "quarter", "--until", "2025-12-31",
                                                  "--format", "csv", "--lang", "en"], in: repo)
        XCTAssertEqual(quarterly.status, 0, quarterly.stderr)
        let records = Self.records(quarterly.stdout)
        let header = try XCTUnwrap(records.first)
        XCTAssertEqual(header.first, "\u{FEFF}section")
        let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
        // The rows of the table (the section's notes share its name, in the `note` column).
        let periods = records.filter { $0.first == "periods" && !$0[column("period")].isEmpty }
        XCTAssertEqual(periods.count, 2, quarterly.stdout)
        func fields(_ record: [String], _ names: [String]) -> [String] { names.map { record[column($0)] } }
        XCTAssertEqual(fields(periods[0], ["period", "end", "judged_on", "commit_date"]), ["Q3\u{00A0}2025", "2025-09-30", "2025-09-30", "2025-09-12"])
        XCTAssertEqual(fields(periods[0], ["files", "valid", "invalid", "audit_errors", "not_submitted", "ready", "stale", "mean_passed", "total_cost", "reason"]),
                       ["2", "2", "0", "0", "1", "1", "0", "15.00", "18000000", ""])
        XCTAssertEqual(fields(periods[1], ["period", "end", "files", "ready", "reason"]), ["Q4\u{00A0}2025", "2025-12-31", "", "", "no folder"])
        // Each criterion by period: a column a quarter, named as JSON names it.
        let tc10 = try XCTUnwrap(records.first { $0.first == "criteria_by_period" && $0[column("criterion")] == "TC10" })
        XCTAssertEqual(fields(tc10, ["2025-Q3", "2025-Q4"]), ["1", ""])

        let html = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-07-01", "--until", "2025-10-31",
                                             "--format", "html"], in: repo)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("<svg") && html.stdout.contains("<polyline"))
        XCTAssertFalse(html.stdout.lowercased().contains("<script"))
        XCTAssertTrue(html.stdout.contains("18.000.000&#160;₫"))

        let text = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--until", "2025-10-31"], in: repo)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("TỪ 07/2025 ĐẾN 10/2025"), text.stdout)
        // July to October: ready 1 → 0, mean 15.50 → 14.00, cost 12 000 000 → 18 000 000.
        XCTAssertTrue(text.stdout.contains("số đơn vị đạt 16/16 1 → 0 (\u{2212}1); bình quân tiêu chí đạt 15,50 → 14,00; chi phí kế hoạch còn lại 12.000.000 ₫ → 18.000.000 ₫."), text.stdout)
        for row in [#"Đạt 16/16 +1 +0 +−1\n"#, #"Bình quân tiêu chí đạt +15,50 +14,00 +−1,50\n"#, #"Chi phí kế hoạch còn lại +12\.000\.000 ₫ +18\.000\.000 ₫ +\+6\.000\.000 ₫\n"#] {
            XCTAssertNotNil(text.stdout.range(of: row, options: .regularExpression), row + "\n" + text.stdout)
        }
        XCTAssertFalse(text.stdout.contains("đang diễn ra"), "October ended long before today")

        // Vietnamese CSV by default: `;` and the decimal comma, for Vietnamese Excel.
        let vi = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--until", "2025-10-31", "--format", "csv"], in: repo)
        XCTAssertEqual(vi.status, 0, vi.stderr)
        XCTAssertTrue(vi.stdout.contains(";2;2;0;0;1;0;0;\"14,00\";18000000;"), vi.stdout)

        let xlsx = repo.appendingPathComponent("history.xlsx")
        let book = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--until", "2025-10-31", "--format", "xlsx",
                                             "-o", xlsx.path, "--lang", "en"], in: repo)
        XCTAssertEqual(book.status, 0, book.stderr)
        let sheets = try Python.workbook(xlsx.path, test: self)
        let sheet = try XCTUnwrap(sheets["Each period"], "\(sheets.keys)")
        // The notes above the table, then its header, then a row a period.
        let start = try XCTUnwrap(sheet.firstIndex { $0.first as? String == "Period" }) + 1
        let rows = Array(sheet[start...])
        XCTAssertEqual(rows.map { $0[0] as? String }, ["Jul\u{00A0}2025", "Aug\u{00A0}2025", "Sep\u{00A0}2025", "Oct\u{00A0}2025"])
        XCTAssertEqual(rows.map { ($0[10] as? NSNumber)?.intValue }, [1, 1, 1, 0])
        XCTAssertEqual(rows.map { ($0[12] as? NSNumber)?.doubleValue }, [15.5, 15.5, 15.0, 14.0])
        XCTAssertEqual(rows.map { $0[2] as? String }, ["2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31"], "dates are dates")
        let byPeriod = try XCTUnwrap(sheets["Units meeting each criterion"])
        let tc05 = try XCTUnwrap(byPeriod.first { $0.first as? String == "TC05" })
        XCTAssertEqual(tc05.dropFirst(2).map { ($0 as? NSNumber)?.intValue }, [2, 2, 2, 0])

        let md = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--until", "2025-10-31", "--format", "markdown", "--lang", "en"], in: repo)
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("| Sep\u{00A0}2025 | 30\u{00A0}Sep\u{00A0}2025 | 30\u{00A0}Sep\u{00A0}2025 | "), md.stdout)
    }

    /// Read on 20 October (WARDCHECK_TODAY), October is under way: its reading takes the commits so
    /// far, judged that day, and every format says so; read on 15 December, October is a whole month.
    func testThePeriodUnderWayIsMarked() throws {
        let repo = try repository()
        let json = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-09-01", "--format", "json"], in: repo,
                                            environment: ["WARDCHECK_TODAY": "2025-10-20"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let points = try XCTUnwrap(try self.json(json.stdout)["points"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["judged_on"] as? String }, ["2025-09-30", "2025-10-20"], "the JSON keeps its schema")
        // The 12/09 video tests are 38 days old on 20/10, past TC05's 30: 99002 15/16, 99003 13/16, none ready.
        XCTAssertEqual(points.map { $0["ready"] as? Int }, [1, 0])

        for (format, marked) in [("text", "10/2025 (đang diễn ra)"), ("markdown", "10/2025 (đang diễn ra)"), ("html", "10/2025 (đang diễn ra)"),
                                 ("csv", "10/2025 (đang diễn ra)")] {
            let out = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-09-01", "--format", format], in: repo,
                                               environment: ["WARDCHECK_TODAY": "2025-10-20"])
            XCTAssertEqual(out.status, 0, out.stderr)
            // The page keeps a number and its next word together (&#160;).
            let shown = out.stdout.replacingOccurrences(of: "&#160;", with: " ")
            XCTAssertTrue(shown.contains(marked), format + ": " + out.stdout)
            XCTAssertTrue(shown.contains("Kỳ 10/2025 đang diễn ra: số liệu tính đến ngày 20/10/2025"), format)
            XCTAssertFalse(shown.contains("09/2025 (đang diễn ra)"), "only the last period")
        }
        let english = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-09-01", "--lang", "en"], in: repo,
                                               environment: ["WARDCHECK_TODAY": "2025-10-20"])
        XCTAssertTrue(english.stdout.contains("Oct\u{00A0}2025 (in progress)"), english.stdout)

        let document = repo.appendingPathComponent("lich-su.docx")
        let docx = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-09-01", "--format", "docx", "-o", document.path,
                                             "--place", "Đà Nẵng", "--signer", "Trần Thị Bình"], in: repo, environment: ["WARDCHECK_TODAY": "2025-10-20"])
        XCTAssertEqual(docx.status, 0, docx.stderr)
        let xml = try Python.run(["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", document.path], test: self)
        for expected in ["BÁO CÁO", "10/2025 (đang diễn ra)", "Đà Nẵng, ngày 20 tháng 10 năm 2025", "Trần Thị Bình", "Nơi nhận:"] {
            XCTAssertTrue(xml.contains(expected), "the document lacks «\(expected)»")
        }

        let later = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--since", "2025-09-01", "--until", "2025-10-31"], in: repo,
                                             environment: ["WARDCHECK_TODAY": "2025-12-15"])
        XCTAssertEqual(later.status, 0, later.stderr)
        XCTAssertTrue(later.stdout.contains("10/2025"), later.stdout)
        XCTAssertFalse(later.stdout.contains("đang diễn ra"), later.stdout)
    }

    /// A CSV's records (RFC 4180: quoted fields may hold the separator, quotes doubled).
    private static func records(_ text: String, separator: Character = ",") -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" { if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                record.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                record.append(field); records.append(record); record = []; field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// The same repository compared at two tags, as `diff --git` reads them.
    func testDiffBetweenTwoRevisions() throws {
        let repo = try repository()
        let out = try WardcheckProcess.run(["diff", "--git", "july", "september", "--path", "wards", "--criteria", Self.criteria,
                                            "--format", "json"], in: repo)
        XCTAssertEqual(out.status, 0, out.stderr)
        let diff = try json(out.stdout)
        let before = try XCTUnwrap(diff["before"] as? [String: Any])
        let after = try XCTUnwrap(diff["after"] as? [String: Any])
        XCTAssertTrue((before["source"] as? String ?? "").hasPrefix("july:wards ("))
        XCTAssertEqual(before["ready"] as? Int, 1)
        XCTAssertEqual(after["ready"] as? Int, 1)
        XCTAssertEqual(before["mean_passed"] as? Double, 15.5)
        XCTAssertEqual(after["mean_passed"] as? Double, 15.0)
        // 99002 reached 9 printers (+TC10); 99001's file was removed while it was ready.
        let became = try XCTUnwrap(diff["became_ready"] as? [[String: Any]])
        XCTAssertEqual(became.map { $0["code"] as? String }, ["99002"])
        XCTAssertEqual(became.first?["criteria"] as? [String], ["TC10"])
        let stopped = try XCTUnwrap(diff["stopped_ready"] as? [[String: Any]])
        XCTAssertEqual(stopped.map { $0["code"] as? String }, ["99001"])
        XCTAssertEqual(stopped.first?["after"] as? String, "not_submitted")
        // 99003 was not submitted in July and is evaluated in September (14/16).
        let submissions = try XCTUnwrap(diff["submissions"] as? [[String: Any]])
        XCTAssertEqual(submissions.map { $0["code"] as? String }, ["99001", "99003"])
        XCTAssertEqual(submissions.last?["passed_after"] as? Int, 14)
        // TC11: 2 units met it in July (99001, 99002), 1 in September (99002); nobody evaluated both times lost it.
        let criteria = try XCTUnwrap(diff["criteria"] as? [[String: Any]])
        let tc11 = try XCTUnwrap(criteria.first { $0["id"] as? String == "TC11" })
        XCTAssertEqual([tc11["passed_before"] as? Int, tc11["passed_after"] as? Int], [2, 1])
        XCTAssertEqual(tc11["lost"] as? [String], [])
        // Printers: 2 in July (12 000 000), 3 in September (18 000 000).
        let plan = try XCTUnwrap(diff["plan"] as? [String: Any])
        XCTAssertEqual([plan["total_before"] as? Int, plan["total_after"] as? Int, plan["change"] as? Int], [12_000_000, 18_000_000, 6_000_000])
        let units = try XCTUnwrap(diff["units"] as? [[String: Any]])
        XCTAssertEqual(units.first?["code"] as? String, "99002")

        // For people, a revision is named with its commit's day as they write it.
        let text = try WardcheckProcess.run(["diff", "--git", "july", "september", "--path", "wards", "--criteria", Self.criteria], in: repo)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertNotNil(text.stdout.range(of: #"july:wards \([0-9a-f]{7}, 10/07/2025\)"#, options: .regularExpression), text.stdout)
        XCTAssertNotNil(text.stdout.range(of: #"september:wards \([0-9a-f]{7}, 12/09/2025\) +12/09/2025"#, options: .regularExpression), text.stdout)
        XCTAssertFalse(text.stdout.contains("2025-07-10") || text.stdout.contains("2025-09-12"), "no ISO date for people")

        // A ready unit dropped out: a regression when asked.
        let gate = try WardcheckProcess.run(["diff", "--git", "july", "september", "--criteria", Self.criteria, "--fail-on-regression"], in: repo)
        XCTAssertEqual(gate.status, 1, gate.stderr)
        let forward = try WardcheckProcess.run(["diff", "--git", "july", "HEAD~4", "--criteria", Self.criteria, "--fail-on-regression"], in: repo)
        XCTAssertEqual(forward.status, 0, "july to the 08-05 commit: 99002 unchanged, 99003 invalid (not a regression): " + forward.stderr)
    }

    func testGitErrorsAreClearAndExitTwo() throws {
        let repo = try repository()
        let unknown = try WardcheckProcess.run(["diff", "--git", "no-such-tag", "september", "--criteria", Self.criteria], in: repo)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no-such-tag"), unknown.stderr)
        let option = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--rev=--output=x"], in: repo)
        XCTAssertEqual(option.status, 2, "a revision that looks like an option is refused: " + option.stderr)
        let gone = try WardcheckProcess.run(["diff", "--git", "july", "HEAD", "--criteria", Self.criteria, "--lang", "en"], in: repo)
        XCTAssertEqual(gone.status, 2)
        XCTAssertTrue(gone.stderr.contains("there is no folder wards at revision HEAD"), gone.stderr)
        let outside = try WardcheckProcess.temporaryFolder(self)
        let notGit = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--lang", "en"], in: outside)
        XCTAssertEqual(notGit.status, 2)
        XCTAssertTrue(notGit.stderr.contains("not inside a git repository"), notGit.stderr)
        let untouched = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--path", "nothing-here"], in: repo)
        XCTAssertEqual(untouched.status, 2, untouched.stderr)
        // A file where the folder should be: each reading says so, and the series is still written.
        let file = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--path", "wards/roster.yaml", "--until", "2025-08-31",
                                             "--format", "json", "--lang", "en"], in: repo)
        XCTAssertEqual(file.status, 0, file.stderr)
        let points = try XCTUnwrap(try json(file.stdout)["points"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["status"] as? String }, ["failed", "failed"])
        XCTAssertTrue((points.first?["reason"] as? String ?? "").contains("is not a folder"), file.stdout)
    }

    /// From a subfolder, the path is read relative to where wardcheck runs, as every other path.
    func testPathRelativeToTheCurrentFolder() throws {
        let repo = try repository()
        let sub = repo.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let out = try WardcheckProcess.run(["history", "--criteria", Self.criteria, "--path", "../wards", "--until", "2025-07-31",
                                            "--format", "json"], in: sub)
        XCTAssertEqual(out.status, 0, out.stderr)
        let points = try XCTUnwrap(try json(out.stdout)["points"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["ready"] as? Int }, [1])
        XCTAssertEqual(points.map { $0["total_cost"] as? Int }, [12_000_000])
    }
}
