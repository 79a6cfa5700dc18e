import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Two hand-made audit reports (Tests/Fixtures/progress/audit-before.json and audit-after.json),
/// read back and compared. Every expected figure below is worked out by hand from the fixtures:
///
/// | unit  | before (TC01 TC02 TC03)            | after (TC01 TC02 TC03)              |
/// |-------|------------------------------------|-------------------------------------|
/// | 10001 | passed passed passed → 3/3, 0 ₫    | passed passed failed → 2/3, 4 000 000 |
/// | 10002 | passed failed passed → 2/3, 3 000 000 | passed passed passed → 3/3, 0       |
/// | 10003 | passed not_reported failed → 1/3, 2 000 000 | passed not_evaluable passed → 2/3, 1 000 000 |
/// | 10004 | invalid file                       | passed passed passed → 3/3, 0 (file renamed) |
/// | 10005 | not submitted                      | not submitted                       |
///
/// The after report also carries keys this version does not know (`a_field_from_a_later_version`,
/// `stale`, `plan.by_buyer`) and an outcome word it does not know (`not_evaluable`).
final class AuditDiffFixtureTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/progress")

    private func diff() throws -> AuditDiff {
        let before = try AuditReportReader.read(path: Self.folder.appendingPathComponent("audit-before.json").path)
        let after = try AuditReportReader.read(path: Self.folder.appendingPathComponent("audit-after.json").path)
        return AuditDiff(old: before, new: after)
    }

    func testHeadlineFigures() throws {
        let d = try diff()
        // Before: 3 evaluated (10001–10003), 1 invalid (10004), 1 not submitted (10005).
        XCTAssertEqual([d.old.files, d.old.valid, d.old.invalid, d.old.notSubmitted], [4, 3, 1, 1])
        // Ready before: 10001 only. Mean (3 + 2 + 1) / 3 = 2.
        XCTAssertEqual(d.old.ready, 1)
        XCTAssertEqual(d.old.meanPassed, 2.0, accuracy: 1e-9)
        // After: 4 evaluated, none invalid; ready 10002 and 10004; mean (2 + 3 + 2 + 3) / 4 = 2.5.
        XCTAssertEqual([d.new.files, d.new.valid, d.new.invalid, d.new.notSubmitted], [4, 4, 0, 1])
        XCTAssertEqual(d.new.ready, 2)
        XCTAssertEqual(d.new.meanPassed, 2.5, accuracy: 1e-9)
        XCTAssertEqual(d.new.evaluatedOn?.description, "2025-07-31")
        XCTAssertNil(d.old.evaluatedOn)
        // The plan: 3 000 000 + 2 000 000 before, 4 000 000 + 1 000 000 after.
        XCTAssertEqual([d.old.totalCost, d.new.totalCost, d.costChange], [5_000_000, 5_000_000, 0])
    }

    func testWhoBecameReadyAndWhoStopped() throws {
        let d = try diff()
        // 10002 gained TC02; 10004 came in from an invalid file already at 3/3.
        XCTAssertEqual(d.becameReady.map(\.code), ["10002", "10004"])
        XCTAssertEqual(d.becameReady.map(\.criteria), [["TC02"], []])
        XCTAssertEqual(d.becameReady.map(\.before), [.evaluated, .invalid])
        // 10001 lost TC03.
        XCTAssertEqual(d.stoppedReady.map(\.code), ["10001"])
        XCTAssertEqual(d.stoppedReady.first?.criteria, ["TC03"])
        // Ready after − ready before = 2 − 1 = became (2) − stopped (1).
        XCTAssertEqual(d.new.ready - d.old.ready, d.becameReady.count - d.stoppedReady.count)
        XCTAssertEqual(d.losses, 1)
    }

    func testUnitsThatChanged() throws {
        let d = try diff()
        XCTAssertEqual(d.units.map(\.code), ["10001", "10002", "10003"])
        let u3 = try XCTUnwrap(d.units.first { $0.code == "10003" })
        // not_reported → not_evaluable is a change but neither a gain nor a loss; failed → passed is a gain.
        XCTAssertEqual(u3.transitions, [AuditDiff.Transition(criterion: "TC02", before: "not_reported", after: "not_evaluable"),
                                        AuditDiff.Transition(criterion: "TC03", before: "failed", after: "passed")])
        XCTAssertEqual(u3.gained, ["TC03"])
        XCTAssertEqual(u3.lost, [])
        XCTAssertEqual([u3.passedBefore, u3.passedAfter, u3.costBefore, u3.costAfter], [1, 2, 2_000_000, 1_000_000])
        let u1 = try XCTUnwrap(d.units.first { $0.code == "10001" })
        XCTAssertEqual([u1.costBefore, u1.costAfter], [0, 4_000_000])
    }

    func testCriteriaGainsAndLosses() throws {
        let d = try diff()
        XCTAssertEqual(d.criteria.map(\.id), ["TC01", "TC02", "TC03"])
        // TC01: 10001–10003 before (3); 10001–10004 after (4); nobody evaluated both times changed.
        // TC02: 10001 before (1); 10001, 10002, 10004 after (3); 10002 gained.
        // TC03: 10001, 10002 before (2); 10002, 10003, 10004 after (3); 10003 gained, 10001 lost.
        XCTAssertEqual(d.criteria.map(\.passedBefore), [3, 1, 2])
        XCTAssertEqual(d.criteria.map(\.passedAfter), [4, 3, 3])
        XCTAssertEqual(d.criteria.map(\.change), [1, 2, 1])
        XCTAssertEqual(d.criteria.map(\.gained), [[], ["10002"], ["10003"]])
        XCTAssertEqual(d.criteria.map(\.lost), [[], [], ["10001"]])
        // Titles come from the report when no criteria are at hand.
        XCTAssertEqual(d.criteria[1].title.vi, "Generator")
    }

    func testSubmissionsAndPlan() throws {
        let d = try diff()
        // 10004: invalid → evaluated. 10005 did not submit either time, so it did not move.
        XCTAssertEqual(d.movements.map(\.code), ["10004"])
        XCTAssertEqual(d.movements.first?.name, "Phường Bốn")
        XCTAssertEqual(d.arrived.map(\.code), ["10004"])
        XCTAssertTrue(d.departed.isEmpty)
        // Items in the after plan first (lan, router), then those only before (printer).
        XCTAssertEqual(d.plan.map(\.item), ["lan", "router", "printer"])
        XCTAssertEqual(d.plan.map(\.quantityBefore), [0, 2, 1])
        XCTAssertEqual(d.plan.map(\.quantityAfter), [1, 1, 0])
        XCTAssertEqual(d.plan.map(\.change), [4_000_000, -1_000_000, -3_000_000])
        XCTAssertEqual(d.plan.reduce(0) { $0 + $1.change }, d.costChange)
    }

    func testJSONReport() throws {
        let json = DiffJSON.render(try diff(), language: .en)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "wardcheck.diff/1")
        let change = try XCTUnwrap(object["change"] as? [String: Any])
        XCTAssertEqual(change["ready"] as? Int, 1)
        XCTAssertEqual(change["valid"] as? Int, 1)
        XCTAssertEqual(change["invalid"] as? Int, -1)
        XCTAssertEqual(change["mean_passed"] as? Double, 0.5)
        XCTAssertEqual(change["total_cost"] as? Int, 0)
        let before = try XCTUnwrap(object["before"] as? [String: Any])
        XCTAssertEqual(before["mean_passed"] as? Double, 2.0)
        let criteria = try XCTUnwrap(object["criteria"] as? [[String: Any]])
        XCTAssertEqual(criteria.map { $0["lost"] as? [String] }, [[], [], ["10001"]])
        let units = try XCTUnwrap(object["units"] as? [[String: Any]])
        let transitions = try XCTUnwrap(units.first { $0["code"] as? String == "10003" }?["transitions"] as? [[String: Any]])
        XCTAssertEqual(transitions.first?["after"] as? String, "not_evaluable", "an unknown outcome word is kept as written")
        XCTAssertEqual((object["became_ready"] as? [[String: Any]])?.map { $0["before"] as? String }, ["evaluated", "invalid"])
    }

    private func document(_ language: Language) throws -> ReportDocument {
        DiffDocument.build(try diff(), language: language)
    }

    func testTextShowsAnUnknownOutcomeAsWrittenAndCountsItNotMet() throws {
        let text = DocumentText().render(try document(.en))
        XCTAssertTrue(text.contains("NEWLY READY (2)"), text)
        XCTAssertTrue(text.contains("NO LONGER READY (1)"), text)
        XCTAssertTrue(text.contains("10001  Phường Một  3/3     2/3    TC03"), text)
        XCTAssertTrue(text.contains("10004  Phường Bốn  invalid file  3/3"), text)
        // The criteria table's second part: who gained and who lost each criterion.
        XCTAssertTrue(text.contains("TC03  10003                 10001"), text)
        // 10003: not_reported → not_evaluable is no gain, failed → passed is one: 1 → 2 criteria met.
        XCTAssertNotNil(text.range(of: #"10003  Xã Ba +1 +2  TC03"#, options: .regularExpression), text)
        let vi = DocumentText().render(try document(.vi))
        XCTAssertTrue(vi.contains("Bình quân tiêu chí đạt") && vi.contains("2,00") && vi.contains("2,50") && vi.contains("+0,50"), vi)
    }

    func testCSVHasOneTablePerSectionAndNoNegativeFigures() throws {
        let csv = DocumentCSV.render(try document(.vi), separator: .comma)
        let records = CSVReader.records(csv)
        let header = try XCTUnwrap(records.first)
        XCTAssertTrue(records.allSatisfy { $0.count == header.count })
        let column = { (name: String) in header.firstIndex(of: name)! }
        let ready = try XCTUnwrap(records.first { $0[0] == "summary" && $0[column("indicator")] == "Đạt 3/3" })
        XCTAssertEqual([ready[column("before")], ready[column("after")], ready[column("change")]], ["1", "2", "1"])
        let printer = try XCTUnwrap(records.first { $0[0] == "plan" && $0[column("item")] == "Máy in" })
        XCTAssertEqual([printer[column("total_before")], printer[column("total_after")]], ["3000000", "0"])
        // A fall is a negative number, which the formula rule writes as text ('-3000000); the
        // figures it is the difference of stay numbers, for a spreadsheet to compute from.
        XCTAssertEqual(printer[column("change")], "'-3000000")
        XCTAssertEqual(records.filter { $0[0] == "criteria_units" }.map { $0[column("units_lost")] }, ["", "10001"])
        XCTAssertEqual(records.filter { $0[0] == "became_ready" }.map { $0[column("code")] }, ["10002", "10004"])
        let figures = ["before", "after", "quantity_before", "quantity_after", "total_before", "total_after", "met_before", "met_after"].map(column)
        XCTAssertFalse(records.dropFirst().contains { record in figures.contains { record[$0].hasPrefix("'") } }, "the figures stay numbers")
        let mean = try XCTUnwrap(records.first { $0[0] == "summary" && $0[column("indicator")] == "Bình quân tiêu chí đạt" })
        XCTAssertEqual([mean[column("before")], mean[column("after")], mean[column("change")]], ["2.00", "2.50", "0.50"])

        // A Vietnamese report, by default, for Vietnamese Excel: `;` between fields, the decimal comma.
        let vi = DocumentCSV.render(try document(.vi))
        let lines = vi.components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("\u{FEFF}section;figure;label;value;note;"), lines[0])
        // A cell holding a comma is quoted whatever the separator, so a reader that guesses wrong still splits right.
        XCTAssertTrue(lines.contains { $0.hasPrefix("summary;;;;;;;;;Bình quân tiêu chí đạt;\"2,00\";\"2,50\";\"0,50\"") }, vi)
        // The before report predates stale facts: no figure rather than a false zero.
        XCTAssertTrue(lines.contains { $0.hasPrefix("summary;;;;;;;;;Số liệu quá hạn;;1;") }, vi)
    }

    func testWorkbookSheets() throws {
        let book = DocumentWorkbook.workbook(try document(.en))
        // Names longer than Excel's 31 characters end before their dash, or at a whole word.
        XCTAssertEqual(book.sheets.map(\.name), ["Summary", "The two audits", "Headline figures", "Newly ready (2)", "No longer ready (1)",
                                                 "Criteria", "Units that gained or lost each", "Units that changed (3)",
                                                 "Submissions", "Procurement plan"])
        let criteria = try XCTUnwrap(book.sheets.first { $0.name.hasPrefix("Criteria") })
        // The note above the table, its header, the three criteria.
        XCTAssertEqual(criteria.rows.filter { !$0.isEmpty }.count, 1 + 1 + 3)
        XCTAssertNotNil(try DocumentWorkbook.data(try document(.vi)).count)
    }

    func testAReportOfAnotherSchemaIsRefused() throws {
        let other = #"{"schema": "wardcheck.audit/2", "units": []}"#
        XCTAssertThrowsError(try AuditReportReader.read(data: Data(other.utf8), source: "x.json")) { error in
            let message = (error as? AuditReportReader.Failure)?.message.en ?? ""
            XCTAssertTrue(message.contains("wardcheck.audit/2") && message.contains("wardcheck.audit/1"), message)
        }
        let check = #"{"schema": "wardcheck.check/1", "units": []}"#
        XCTAssertThrowsError(try AuditReportReader.read(data: Data(check.utf8), source: "c.json"))
        XCTAssertThrowsError(try AuditReportReader.read(data: Data(#"{"units": []}"#.utf8), source: "n.json")) { error in
            XCTAssertTrue(((error as? AuditReportReader.Failure)?.message.en ?? "").contains("no `schema` field"))
        }
        XCTAssertThrowsError(try AuditReportReader.read(data: Data("not json".utf8), source: "b.json")) { error in
            XCTAssertTrue(((error as? AuditReportReader.Failure)?.message.en ?? "").contains("b.json"))
        }
        let wrongType = #"{"schema": "wardcheck.audit/1", "units": [{"code": 12}]}"#
        XCTAssertThrowsError(try AuditReportReader.read(data: Data(wrongType.utf8), source: "t.json")) { error in
            let message = (error as? AuditReportReader.Failure)?.message.en ?? ""
            XCTAssertTrue(message.contains("units[0].code"), message)
        }
    }

    func testTitlesFollowTheCriteriaInUseWhenGiven() throws {
        let root = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (set, _) = CriteriaSet.load(folder: root.appendingPathComponent("criteria").path)
        let criteria = try XCTUnwrap(set)
        let snapshot = try AuditReportReader.read(path: Self.folder.appendingPathComponent("audit-before.json").path, titles: criteria)
        // The report says "Internet"; the criteria in use carry both languages.
        XCTAssertEqual(snapshot.criteria.first?.title, criteria.criterion("TC01")?.title)
    }
}
