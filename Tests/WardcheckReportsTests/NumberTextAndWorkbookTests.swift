import Foundation
import WardcheckCore
@testable import WardcheckReports
import XCTest
import ZIPFoundation

/// One number convention per language, and the workbook's XML safe for any ward text.
final class NumberTextAndWorkbookTests: XCTestCase {
    func testNumbersAreWrittenOneWayPerLanguage() {
        XCTAssertEqual(NumberText.money(2_801_600_000, .vi), "2.801.600.000 ₫")
        XCTAssertEqual(NumberText.money(2_801_600_000, .en), "2,801,600,000 ₫")
        XCTAssertEqual(NumberText.money(-1_500, .vi), "-1.500 ₫")
        XCTAssertEqual(NumberText.grouped(999, .vi), "999")
        XCTAssertEqual(NumberText.grouped(Int.min, .en), "-9,223,372,036,854,775,808")
        XCTAssertEqual(NumberText.decimal(13.4, .vi), "13,4")
        XCTAssertEqual(NumberText.decimal(13.4, .en), "13.4")
        XCTAssertEqual(NumberText.decimal(1234.56, .vi, places: 2), "1.234,56")
        XCTAssertEqual(NumberText.number(Decimal(string: "1.5")!, .vi), "1,5")
        XCTAssertEqual(NumberText.number(Decimal(string: "1000")!, .en), "1,000")
    }

    func testNumbersInsideComposedTextChangeButPathsIdsAndDatesDoNot() {
        XCTAssertEqual(NumberText.localizingNumbers(in: "⌈0.9 × staffing.officials⌉ = ⌈0.9 × 45⌉ = 41", .vi), "⌈0,9 × staffing.officials⌉ = ⌈0,9 × 45⌉ = 41")
        XCTAssertEqual(NumberText.localizingNumbers(in: "1500 [unit.terrain = mountain] TC01 2025-07-05 4g", .vi), "1.500 [unit.terrain = mountain] TC01 2025-07-05 4g")
        XCTAssertEqual(NumberText.localizingNumbers(in: "1.5", .en), "1.5")
    }

    func testEnglishCountsAgreeWithTheirNoun() {
        XCTAssertEqual(NumberText.counted(1, vi: "tệp", en: "file", .en), "1 file")
        XCTAssertEqual(NumberText.counted(2, vi: "tệp", en: "file", .en), "2 files")
        XCTAssertEqual(NumberText.counted(0, vi: "tệp", en: "file", .en), "0 files")
        XCTAssertEqual(NumberText.counted(1, vi: "tiêu chí", en: "criterion", enPlural: "criteria", .en), "1 criterion")
        XCTAssertEqual(NumberText.counted(1_200, vi: "tệp", en: "file", .vi), "1.200 tệp")
    }

    func testCellReferencesAndSheetNamesFollowExcelsRules() {
        XCTAssertEqual(Workbook.reference(row: 1, column: 1), "A1")
        XCTAssertEqual(Workbook.reference(row: 12, column: 26), "Z12")
        XCTAssertEqual(Workbook.reference(row: 3, column: 27), "AA3")
        XCTAssertEqual(Workbook.reference(row: 3, column: 703), "AAA3")
        XCTAssertEqual(Workbook.sheetName("Kế hoạch: mua/sắm [2025]?*"), "Kế hoạch muasắm 2025")
        XCTAssertEqual(Workbook.sheetName(String(repeating: "x", count: 40)).count, 31)
        XCTAssertEqual(Workbook.sheetName("[]"), "Sheet")
    }

    func testTextCellsDropWhatXMLCannotCarryAndNeverBecomeFormulas() throws {
        var book = Workbook(title: "t")
        var sheet = Workbook.Sheet(name: "S")
        sheet.add([.text("a\u{1}b\u{FFFE}c<&>\"'"), .text("=1+2"), .text("+84 236"), .text("plain"), .int(1_234), .money(5)])
        book.sheets = [sheet]
        let archive = try Archive(data: try book.data(), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try XCTUnwrap(archive["xl/worksheets/sheet1.xml"])) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        // A control character is shown escaped (as every format shows hidden characters); U+FFFE, not a character, is dropped.
        XCTAssertTrue(text.contains("<t xml:space=\"preserve\">a\\u{1}bc&lt;&amp;&gt;\"'</t>") || text.contains("<t xml:space=\"preserve\">a\\u{1}bc&lt;&amp;&gt;&quot;&apos;</t>"), text)
        XCTAssertFalse(text.contains("\u{1}"))
        XCTAssertTrue(text.contains("<dimension ref=\"A1:F1\"/>"), "the used range, for streaming readers")
        XCTAssertFalse(text.contains("<f>"), "no formula element, whatever the text")
        let quoted = Workbook.Style.quoted.rawValue
        XCTAssertTrue(text.contains("<c r=\"B1\" s=\"\(quoted)\" t=\"inlineStr\">"), "=1+2 carries the quote prefix")
        XCTAssertTrue(text.contains("<c r=\"C1\" s=\"\(quoted)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">+84 236</t>"), "kept exact")
        XCTAssertTrue(text.contains("<c r=\"D1\" s=\"0\" t=\"inlineStr\">"))
        XCTAssertTrue(text.contains("<c r=\"E1\" s=\"\(Workbook.Style.integer.rawValue)\"><v>1234</v></c>"), "numbers are numbers")
        XCTAssertTrue(text.contains("<c r=\"F1\" s=\"\(Workbook.Style.money.rawValue)\"><v>5</v></c>"))
    }

    func testTheSameAuditGivesTheSameBytes() throws {
        var book = Workbook(title: "t")
        var sheet = Workbook.Sheet(name: "S")
        sheet.add([.text("x")])
        book.sheets = [sheet]
        XCTAssertEqual(try book.data(), try book.data())
    }
}
