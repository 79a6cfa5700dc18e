import Foundation
import XCTest

/// The audit of a small city whose every figure was worked out by hand from the criteria and the
/// catalogue (Tests/Fixtures/city-plan/README.md shows the working). Nothing here is recomputed by
/// wardcheck: the numbers are written out.
final class CityAuditCLITests: XCTestCase {
    private let city = "Tests/Fixtures/city-plan"

    private func audit(_ arguments: [String]) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(["audit", city, "--as-of", "2025-07-10"] + arguments)
    }

    private func json(_ arguments: [String] = []) throws -> [String: Any] {
        let run = try audit(["--format", "json"] + arguments)
        XCTAssertEqual(run.status, 1, run.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func testSummaryCountsEveryKindOfUnit() throws {
        let summary = try XCTUnwrap(try json()["summary"] as? [String: Any])
        let expected: [String: Int] = [
            "roster_units": 5, "files": 4, "valid": 4, "invalid": 0, "not_submitted": 1, "ready": 1, "not_ready": 3,
            "stale": 1, "incomplete": 1, "with_waivers": 1, "criteria": 16, "total_cost": 110_500_000, "not_evaluable": 0,
        ]
        for (key, value) in expected { XCTAssertEqual(summary[key] as? Int, value, key) }
        XCTAssertEqual(summary["mean_passed"] as? Double, 13.5)
    }

    func testUnitsAreRankedWithTheirCostsAndFactsDates() throws {
        let units = try XCTUnwrap(try json()["units"] as? [[String: Any]])
        XCTAssertEqual(units.map { $0["code"] as? String }, ["90001", "90002", "90004", "90003"])
        XCTAssertEqual(units.map { $0["rank"] as? Int }, [1, 2, 2, 4])
        XCTAssertEqual(units.map { $0["passed"] as? Int }, [16, 13, 13, 12])
        XCTAssertEqual(units.map { $0["cost"] as? Int }, [0, 93_000_000, 10_000_000, 7_500_000])
        XCTAssertEqual(units.map { $0["stale"] as? Bool }, [false, false, false, true])
        XCTAssertEqual(units.map { $0["facts_date"] as? String }, ["2025-07-05", "2025-07-05", "2025-07-05", "2025-04-01"])
        let ba = units[3]["outcomes"] as? [String: String]
        XCTAssertEqual(ba?["TC04"], "waived")
        XCTAssertEqual(ba?["TC05"], "failed")
        XCTAssertEqual(ba?["TC06"], "failed")
        XCTAssertEqual(ba?["TC12"], "failed")
        XCTAssertEqual((units[2]["outcomes"] as? [String: String])?["TC14"], "not_reported")
        XCTAssertEqual(units[1]["purchases"] as? [String: Int], ["computer": 5, "printer": 3])
        XCTAssertEqual(units[1]["actions"] as? [String: Int], ["designate_it_officer": 1])
    }

    func testThePlanNamesWhoBuysWhatForWhichUnits() throws {
        let plan = try XCTUnwrap(try json()["plan"] as? [String: Any])
        XCTAssertEqual(plan["total"] as? Int, 110_500_000)
        let items = try XCTUnwrap(plan["items"] as? [[String: Any]])
        let lines = items.map { item -> String in
            let units = (item["by_unit"] as? [[String: Any]] ?? []).map { "\($0["code"]!)×\($0["quantity"]!)=\($0["cost"]!)" }
            return "\(item["item"]!) \(item["role"]!) \(item["quantity"]!) \(item["total"]!) [\(units.joined(separator: " "))]"
        }
        XCTAssertEqual(lines, [
            "computer city_procurement 5 75000000 [90002×5=75000000]",
            "printer city_procurement 3 18000000 [90002×3=18000000]",
            "fibre_upgrade telecom 1 5000000 [90004×1=5000000]",
            "backup_router_4g city_procurement 1 3000000 [90004×1=3000000]",
            "digital_signature signature_provider 5 7500000 [90003×5=7500000]",
            "endpoint_protection city_procurement 5 2000000 [90004×5=2000000]",
        ])
    }

    func testEachPartyHasItsListOfUnitsWithQuantities() throws {
        let parties = try XCTUnwrap(try json()["parties"] as? [[String: Any]])
        let summary = parties.map { party -> String in
            let lines = ((party["items"] as? [[String: Any]] ?? []) + (party["actions"] as? [[String: Any]] ?? [])).map { line -> String in
                let key = (line["item"] ?? line["key"])!
                let units = (line["by_unit"] as? [[String: Any]] ?? []).map { "\($0["code"]!)×\($0["quantity"]!)" }
                return "\(key):\(units.joined(separator: ","))"
            }
            return "\(party["role"]!) \(party["units"]!) \(party["total"]!) \(lines.joined(separator: " "))"
        }
        XCTAssertEqual(summary, [
            "city_procurement 2 98000000 computer:90002×5 printer:90002×3 backup_router_4g:90004×1 endpoint_protection:90004×5",
            "telecom 1 5000000 fibre_upgrade:90004×1",
            "signature_provider 1 7500000 digital_signature:90003×5",
            "unit_chair 1 0 designate_it_officer:90002×1",
            "unit_office 2 0 test_generator:90003×1 test_video_conference:90003×1 report:90004×1",
        ])
        XCTAssertEqual(parties[0]["who"] as? String, "Sở Tài chính và UBND cấp xã (mua sắm)")
        let english = try XCTUnwrap(try json(["--lang", "en"])["parties"] as? [[String: Any]])
        XCTAssertEqual(english[0]["who"] as? String, "City Department of Finance with the unit (procurement)")
    }

    func testVietnameseTextWritesNumbersTheVietnameseWay() throws {
        let run = try audit([])
        XCTAssertEqual(run.status, 1, run.stderr)
        let out = run.stdout
        XCTAssertTrue(out.contains("1/4 đơn vị đã đánh giá đạt 16/16 (25%), 3 chưa đạt; trong 5 đơn vị của danh sách còn 1 chưa nộp; 1 có số liệu quá hạn; cần mua 110.500.000 ₫."), out)
        XCTAssertNotNil(out.range(of: #"Bình quân tiêu chí đạt:\s+13,5/16\n"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"Số liệu quá hạn \(> 90 ngày\):\s+1\n"#, options: .regularExpression), out)
        XCTAssertTrue(out.contains("90005  Xã Năm  xã           hải đảo   3"), "roster values in Vietnamese: \(out)")
        // What falls to each party, unit by unit: the needs in words, the cost as Vietnamese writes it.
        XCTAssertNotNil(out.range(of: #"Sở Tài chính và UBND cấp xã \(mua sắm\) +90002  Phường Hai  Máy tính × 5; Máy in × 3 +93\.000\.000 ₫\n"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"\n  Sở Tài chính và UBND cấp xã \(mua sắm\) +2 +98\.000\.000 ₫\n"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"90004  Xã Bốn +Báo cáo số liệu còn thiếu\n"#, options: .regularExpression), out)
        for english in ["commune", "island", "mountain", " min", " h ", "units"] { XCTAssertFalse(out.contains(english), english) }
    }

    func testEnglishTextWritesNumbersTheEnglishWay() throws {
        let out = try audit(["--lang", "en"]).stdout
        XCTAssertTrue(out.contains("1 of 4 units evaluated are ready (25%), 3 not yet; of the 5 units in the roster, 1 not submitted; 1 with stale facts; to buy: 110,500,000 ₫."), out)
        XCTAssertNotNil(out.range(of: #"Mean criteria met:\s+13.5/16\n"#, options: .regularExpression), out)
        XCTAssertTrue(out.contains("90005  Xã Năm  commune    island   3"), out)
        XCTAssertNotNil(out.range(of: #"\n  City Department of Finance with the unit \(procurement\) +2 +98,000,000 ₫\n"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"\n  Telecom operator \(at the Department of Science and Technology's request\) +1 +5,000,000 ₫\n"#, options: .regularExpression), out)
    }

    func testCSVUsesSemicolonsForVietnameseExcelAndCommasInEnglish() throws {
        let vi = try audit(["--format", "csv"]).stdout
        let records = CSVRecords.parse(vi, separator: ";")
        let header = try XCTUnwrap(records.first)
        XCTAssertEqual(Array(header.prefix(5)), ["section", "figure", "label", "value", "note"])
        func row(_ section: String, _ values: [String: String]) -> [String: String]? {
            records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).filter { !$0.1.isEmpty }) }
                .first { record in record["section"] == section && values.allSatisfy { key, value in record[key] == value } }
        }
        // Figures as plain numbers, a decimal with the comma Vietnamese Excel reads beside ";".
        XCTAssertNotNil(row("summary", ["figure": "mean_passed", "label": "Bình quân tiêu chí đạt", "value": "13,50/16"]), vi)
        XCTAssertNotNil(row("party_units", ["code": "90002", "unit": "Phường Hai", "needs": "Máy tính × 5; Máy in × 3", "cost": "93000000",
                                            "who": "Sở Tài chính và UBND cấp xã (mua sắm)"]), vi)
        XCTAssertNotNil(row("not_submitted", ["code": "90005", "unit": "Xã Năm", "type": "xã", "terrain": "hải đảo", "villages": "3"]), vi)
        XCTAssertNotNil(row("parties", ["who": "Sở Tài chính và UBND cấp xã (mua sắm)", "units": "2", "cost": "98000000"]), vi)
        XCTAssertNotNil(row("plan", ["item": "Tổng cộng", "total": "110500000"]), vi)
        XCTAssertTrue(vi.contains(";\"TC08, TC10, TC11\";"), "a cell holding a comma is quoted only when it must be; one holding the separator always")
        let en = try audit(["--format", "csv", "--lang", "en"]).stdout
        XCTAssertTrue(en.hasPrefix("\u{FEFF}section,figure,label,value,note,"))
        XCTAssertTrue(en.contains("\r\nsummary,mean_passed,Mean criteria met,13.50/16,"), en)
        let tab = try audit(["--format", "csv", "--csv-separator", "tab"]).stdout
        XCTAssertTrue(tab.hasPrefix("\u{FEFF}section\tfigure\tlabel\t"))
        XCTAssertEqual(try audit(["--format", "csv", "--csv-separator", "|"]).status, 64, "an unknown separator is a usage error")
    }

    func testMarkdownAndHTMLShowTheSameFigures() throws {
        let md = try audit(["--format", "markdown"]).stdout
        XCTAssertTrue(md.contains("| Sở Tài chính và UBND cấp xã (mua sắm) | 90002 | Phường Hai | Máy tính × 5; Máy in × 3 | 93.000.000 ₫ |"), md)
        XCTAssertTrue(md.contains("| Bình quân tiêu chí đạt | 13,5/16 |"), md)
        XCTAssertTrue(md.contains("| 90005 | Xã Năm | xã | hải đảo | 3 |"), md)
        let html = try audit(["--format", "html"]).stdout
        // 1 of 4 ready is under half: red, not green.
        XCTAssertTrue(html.contains("<div class=\"figure bad\"><dt>Đạt 16/16</dt><dd>1</dd></div>"), html)
        XCTAssertTrue(html.contains("<div class=\"figure money\"><dt>Tổng chi phí ước tính</dt><dd>110.500.000&#160;₫</dd></div>"), html)
        XCTAssertTrue(html.contains("<tr><td>Sở Tài chính và UBND cấp xã (mua sắm)</td><td>90002</td><td>Phường Hai</td><td>Máy tính × 5; Máy in × 3</td><td class=\"num\">93.000.000&#160;₫</td></tr>"), html)
        // Each unit's name heads its row, and each mark carries its words for a screen reader.
        XCTAssertTrue(html.contains("<th scope=\"row\" class=\"name\">Phường Hai</th><td class=\"mark o-passed\"><span aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">TC01: đạt</span></td>"), html)
    }

    func testCompletenessGates() throws {
        // Failed criteria fail the run by default; completeness is asked for with --fail-on.
        XCTAssertEqual(try audit(["-o", "/dev/null"]).status, 1)
        XCTAssertEqual(try audit(["-o", "/dev/null", "--fail-on", "invalid"]).status, 0)
        XCTAssertEqual(try audit(["-o", "/dev/null", "--fail-on", "not-submitted"]).status, 1, "90005 has not submitted")
        XCTAssertEqual(try audit(["-o", "/dev/null", "--fail-on", "stale"]).status, 1, "90003's facts are 100 days old")
        XCTAssertEqual(try audit(["-o", "/dev/null", "--fail-on", "stale", "--stale-after", "100"]).status, 0, "not older than 100 days")
        XCTAssertEqual(try audit(["-o", "/dev/null", "--fail-on", "invalid,not-evaluable"]).status, 0)
    }

    func testAnAuditThatEvaluatesNoUnitIsAnError() throws {
        let empty = try WardcheckProcess.temporaryFolder(self)
        let none = try WardcheckProcess.run(["audit", empty.path, "--fail-on", "invalid"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("không có tệp dữ kiện .yaml nào"), none.stderr)

        // Files, but none of them a unit of the roster: every one is an audit finding, no unit is judged.
        let strangers = try WardcheckProcess.temporaryFolder(self)
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("\(city)/roster.yaml"),
                                         to: strangers.appendingPathComponent("roster.yaml"))
        try FileManager.default.copyItem(at: WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"),
                                         to: strangers.appendingPathComponent("99001.yaml"))
        let unmatched = try WardcheckProcess.run(["audit", strangers.path, "--fail-on", "failed", "--lang", "en", "--as-of", "2025-07-10"])
        XCTAssertEqual(unmatched.status, 2, "whatever --fail-on says")
        XCTAssertTrue(unmatched.stderr.contains("no unit was evaluated (1 file: 0 invalid, 1 roster error)"), unmatched.stderr)
        XCTAssertTrue(unmatched.stdout.contains("99001"), "the report still names the file that did not match")
    }
}
