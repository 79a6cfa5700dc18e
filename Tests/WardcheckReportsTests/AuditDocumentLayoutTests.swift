import Foundation
@testable import WardcheckReports
import WardcheckCore
import XCTest

/// What the audit's document lays out beyond its figures, in the five-unit fixture city
/// (Tests/Fixtures/city) judged on 01/08/2025. Worked out by hand from the files
/// (Tests/Fixtures/city/README.md): 10001 meets all 16; 10002 fails TC06, TC08 and TC10; 10003
/// fails TC05, TC06 and TC12, has TC04 waived and TC16 not reported; 10004's file is invalid and
/// 10005 sent nothing. So 1 of 3 judged is ready, and TC06 is passed by 1 and failed by 2.
final class AuditDocumentLayoutTests: XCTestCase {
    private func audit() throws -> Audit {
        try FixtureCityAudit.audit(folder: FixtureCityAudit.root.appendingPathComponent("Tests/Fixtures/city").path,
                                   files: ["10001-an", "10002-binh", "10003-cat", "10004-dao"])
    }

    private func table(_ key: String, in document: ReportDocument) throws -> ReportDocument.Table {
        try XCTUnwrap(document.sections.flatMap(\.tables).first { $0.key == key }, "no table \(key)")
    }

    func testTheMatrixMarksEachUnitsOutcomeUnderItsCriterion() throws {
        let document = AuditDocument.build(try audit(), language: .vi)
        let matrix = try table("matrix", in: document)
        let ids = matrix.columns.map(\.key)
        func marks(_ code: String) throws -> [String: String] {
            let row = try XCTUnwrap(matrix.rows.first { $0[1] == .code(code) })
            return Dictionary(uniqueKeysWithValues: zip(ids, row.map { $0.text(.vi) }).filter { $0.0.hasPrefix("TC") })
        }
        var expected = Dictionary(uniqueKeysWithValues: (1...16).map { (String(format: "TC%02d", $0), "✓") })
        XCTAssertEqual(try marks("10001"), expected)
        for id in ["TC06", "TC08", "TC10"] { expected[id] = "✗" }
        XCTAssertEqual(try marks("10002"), expected)
        expected = Dictionary(uniqueKeysWithValues: (1...16).map { (String(format: "TC%02d", $0), "✓") })
        for id in ["TC05", "TC06", "TC12"] { expected[id] = "✗" }
        expected["TC04"] = "~"
        expected["TC16"] = "?"
        XCTAssertEqual(try marks("10003"), expected)
        // The criteria under their groups, as the catalogue lists them.
        XCTAssertEqual(matrix.groups.map(\.span), [3, 5, 2, 3, 4, 1, 1, 1])
        XCTAssertEqual(matrix.groupLines()[1], "Nguồn điện: TC06, TC07")
    }

    func testThePageGivesEachMarkItsWordsAndLinksNamesOnlyWhenServed() throws {
        let document = AuditDocument.build(try audit(), language: .vi)
        let written = DocumentHTML.render(document)
        XCTAssertTrue(written.contains("<td class=\"mark o-failed\"><span aria-hidden=\"true\">✗</span><span class=\"visually-hidden\">TC06: không đạt</span></td>"))
        XCTAssertFalse(written.contains("<a href=\"/u/"), "a written report links nowhere")
        let served = DocumentHTML.render(document, options: .init(unitLink: { "/u/" + $0 }))
        XCTAssertTrue(served.contains("<th scope=\"row\" class=\"name\"><a href=\"/u/10002\">Xã Bình</a></th>"))
        // The ranking's own rows are headed by the unit's name.
        let ranking = try XCTUnwrap(written.components(separatedBy: "<table id=\"table-ranking\">").dropFirst().first?.components(separatedBy: "</table>").first)
        XCTAssertTrue(ranking.contains("<th scope=\"row\" class=\"name\">Xã Bình</th>"))
    }

    func testThePassRateBarsAreSharesOfTheUnitsJudged() throws {
        let page = DocumentHTML.render(AuditDocument.build(try audit(), language: .vi))
        // TC06: passed by 1 of 3, failed by 2; TC04: passed by 2, waived for 1.
        let tc06 = try XCTUnwrap(page.components(separatedBy: "<div class=\"bar-row\">").first { $0.hasPrefix("<div class=\"bar-label\">TC06&#160;") })
        XCTAssertTrue(tc06.contains("<span class=\"seg o-passed\" style=\"width:33.33%\"></span><span class=\"seg o-failed\" style=\"width:66.67%\"></span>"), tc06)
        XCTAssertTrue(tc06.contains("<div class=\"bar-value\">33%</div>"), tc06)
        let tc04 = try XCTUnwrap(page.components(separatedBy: "<div class=\"bar-row\">").first { $0.hasPrefix("<div class=\"bar-label\">TC04&#160;") })
        XCTAssertTrue(tc04.contains("<span class=\"seg o-passed\" style=\"width:66.67%\"></span><span class=\"seg o-waived\" style=\"width:33.33%\"></span></div>"), tc04)
    }

    func testReadinessIsRedBelowHalf() throws {
        let document = AuditDocument.build(try audit(), language: .vi)
        let ready = try XCTUnwrap(document.figures.first { $0.key == "ready" })
        XCTAssertEqual(ready.value, .count(1))
        XCTAssertEqual(ready.tone, .bad, "1 of 3 is under half")
    }

    func testTextAndCSVNameTheGroupsAndTheOutcomesInTheReportsLanguage() throws {
        let audit = try audit()
        let text = AuditWritten.text(audit, .vi)
        XCTAssertTrue(text.contains("  Nguồn điện: TC06, TC07\n"), text)
        // A Vietnamese report for an English Excel (comma separator) still says "không đạt".
        let csv = AuditWritten.csv(audit, .vi, separator: .comma)
        let matrix = CSVReader.records(csv).filter { $0.first == "matrix" && $0.contains("10002") }
        XCTAssertEqual(matrix.count, 1)
        XCTAssertEqual(matrix[0].filter { $0 == "không đạt" }.count, 3, matrix[0].joined(separator: "|"))
        XCTAssertFalse(matrix[0].contains("failed"))
    }

    func testTheWorkbookKeepsTheNameInViewAndNamesSheetsByWholeWords() throws {
        let book = DocumentWorkbook.workbook(AuditDocument.build(try audit(), language: .vi))
        let ranking = try XCTUnwrap(book.sheets.first { $0.name == "Xếp hạng các đơn vị" })
        XCTAssertEqual(ranking.frozenColumns, 3, "rank, code and name stay as the criteria scroll by")
        XCTAssertTrue(book.sheets.contains { $0.name == "Tệp không hợp lệ" }, "cut before its dash: \(book.sheets.map(\.name))")
        // 36 characters, no dash: the last whole word within 31.
        XCTAssertEqual(Workbook.sheetName("Các đơn vị chưa nộp số liệu tháng này"), "Các đơn vị chưa nộp số liệu")
        XCTAssertEqual(Workbook.sheetName("Kế hoạch mua sắm"), "Kế hoạch mua sắm")
    }
}
