import Foundation
import XCTest
@testable import WardcheckCore

/// What a person types into the form, read as they meant it in their language. Every expected
/// value below is written out by hand: 1,5 in Vietnamese is one and a half, 1.000 a thousand.
final class AnswerReadingTests: XCTestCase {
    private func reader(_ language: Language) throws -> AnswerReader {
        AnswerReader(schema: try FactsFixtures.schema(), language: language)
    }

    private func number(_ text: String) -> AnswerReader.Reading { .value(.number(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!)) }

    private func question(_ reading: AnswerReader.Reading, file: StaticString = #filePath, line: UInt = #line) -> Localized? {
        if case .question(let q) = reading { return q }
        XCTFail("expected a question, got \(reading)", file: file, line: line)
        return nil
    }

    // Paths of the shipped schema: a number with a unit, a count, a number in minutes.
    let speed = "network.internet.download_mbps"
    let computers = "equipment.computers.working"
    let runtime = "power.ups.runtime_minutes"
    let fuel = "power.generator.fuel_hours"

    func testVietnameseNumbers() throws {
        let vi = try reader(.vi)
        XCTAssertEqual(vi.read("1,5", path: fuel), number("1.5"), "a decimal comma")
        XCTAssertEqual(vi.read("1.000", path: speed), number("1000"), "a thousands dot")
        XCTAssertEqual(vi.read("1.000", path: computers), number("1000"))
        XCTAssertEqual(vi.read("1.000.000", path: computers), number("1000000"), "the largest value a file may hold")
        XCTAssertEqual(vi.read("1.234,5", path: speed), number("1234.5"), "both separators, Vietnamese")
        XCTAssertEqual(vi.read("1,234.5", path: speed), number("1234.5"), "both separators, the last is the decimal point")
        XCTAssertEqual(vi.read("1.5", path: fuel), number("1.5"), "a dot before one digit cannot group thousands")
        XCTAssertEqual(vi.read("0.500", path: fuel), number("0.5"), "a group of thousands never starts with 0")
        XCTAssertEqual(vi.read("1,500", path: fuel), number("1.5"), "a decimal comma, in a number")
        XCTAssertEqual(vi.read("12,0", path: computers), number("12"), "zero decimals in a count")
        XCTAssertEqual(vi.read("1 000", path: computers), number("1000"), "spaces between thousands")
        XCTAssertEqual(vi.read("05", path: computers), number("5"), "a leading zero a person types")
        XCTAssertEqual(vi.read("  25  ", path: computers), number("25"), "spaces around")
        XCTAssertEqual(vi.read("", path: computers), .empty)
        XCTAssertEqual(vi.read("   ", path: computers), .empty)
    }

    func testEnglishNumbers() throws {
        let en = try reader(.en)
        XCTAssertEqual(en.read("1.5", path: fuel), number("1.5"))
        XCTAssertEqual(en.read("1,000", path: computers), number("1000"))
        XCTAssertEqual(en.read("1,5", path: fuel), number("1.5"), "a comma before one digit cannot group thousands")
        XCTAssertEqual(en.read("1,234.5", path: speed), number("1234.5"))
        XCTAssertEqual(en.read("1.500", path: fuel), number("1.5"))
    }

    func testUnitsTypedAfterTheNumber() throws {
        let vi = try reader(.vi), en = try reader(.en)
        XCTAssertEqual(vi.read("10 phút", path: runtime), number("10"))
        XCTAssertEqual(vi.read("10 phut", path: runtime), number("10"), "without accents")
        XCTAssertEqual(vi.read("10 min", path: runtime), number("10"), "the English unit on a Vietnamese page")
        XCTAssertEqual(en.read("10 minutes", path: runtime), number("10"), "the unit written out")
        XCTAssertEqual(vi.read("300Mbps", path: speed), number("300"))
        XCTAssertEqual(vi.read("300 mbps", path: speed), number("300"))
        XCTAssertEqual(vi.read("1,5 giờ", path: fuel), number("1.5"))
        let wrong = try XCTUnwrap(question(vi.read("10 giờ", path: runtime)))
        XCTAssertEqual(wrong.vi, "«10 giờ»: Ô này tính bằng phút. Hãy ghi một số, ví dụ 1,5.")
        let counted = try XCTUnwrap(question(vi.read("25 máy", path: computers)))
        XCTAssertEqual(counted.vi, "«25 máy»: Ô này chỉ cần một số. Hãy ghi một số, ví dụ 12.")
    }

    func testNumbersThatAreQuestions() throws {
        let vi = try reader(.vi), en = try reader(.en)
        let ambiguous = try XCTUnwrap(question(vi.read("1,500", path: computers)))
        XCTAssertEqual(ambiguous.vi, "«1,500» là 1,5 hay 1.500? Số đếm là số nguyên: nếu là 1.500, hãy ghi 1.500.")
        let ambiguousEn = try XCTUnwrap(question(en.read("1.500", path: computers)))
        XCTAssertEqual(ambiguousEn.en, "«1.500»: 1.5 or 1,500? A count is a whole number: if you mean 1,500, write 1,500.")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("1,5", path: computers))).vi,
                       "«1,5»: ô này đếm số lượng, cần một số nguyên, ví dụ 12.", "a half in a count")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("-3", path: computers))).vi, "«-3»: số này không thể âm. Hãy ghi 0 hoặc một số dương.")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("abc", path: computers))).vi, "«abc» không phải là số. Hãy ghi một số, ví dụ 12.")
        XCTAssertNotNil(question(vi.read("1,2,3", path: fuel)), "commas that are neither thousands nor a decimal")
        XCTAssertNotNil(question(vi.read("1.0000", path: computers)), "four digits after a thousands dot")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("1.000.001", path: computers))).vi, "«1.000.001» quá lớn (tối đa 1.000.000). Có thể gõ thừa chữ số?")
    }

    func testVietnameseDates() throws {
        let vi = try reader(.vi)
        let december4 = AnswerReader.Reading.value(.date(Day(year: 2026, month: 12, day: 4)!))
        XCTAssertEqual(vi.read("04/12/2026", path: "as_of"), december4, "day first")
        XCTAssertEqual(vi.read("4/12/2026", path: "as_of"), december4)
        XCTAssertEqual(vi.read("04-12-2026", path: "as_of"), december4)
        XCTAssertEqual(vi.read("04.12.2026", path: "as_of"), december4)
        XCTAssertEqual(vi.read("2026-12-04", path: "as_of"), december4, "the file's own form")
        XCTAssertEqual(vi.read("ngày 4 tháng 12 năm 2026", path: "as_of"), december4, "in words")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("12/25/2026", path: "as_of"))).vi,
                       "«12/25/2026»: không có tháng 25. Ngày viết trước tháng: có phải 25/12/2026?")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("31/02/2026", path: "as_of"))).vi, "«31/02/2026»: tháng 2 năm 2026 chỉ có 28 ngày.")
        XCTAssertEqual(vi.read("29/02/2028", path: "as_of"), .value(.date(Day(year: 2028, month: 2, day: 29)!)), "a leap year")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("04/12/26", path: "as_of"))).vi, "«04/12/26»: hãy ghi năm đủ bốn chữ số, ví dụ 15/10/2026.")
        XCTAssertNotNil(question(vi.read("hôm qua", path: "as_of")))
    }

    func testEnglishDates() throws {
        let en = try reader(.en)
        let december4 = AnswerReader.Reading.value(.date(Day(year: 2026, month: 12, day: 4)!))
        XCTAssertEqual(en.read("4 Dec 2026", path: "as_of"), december4)
        XCTAssertEqual(en.read("4 December 2026", path: "as_of"), december4)
        XCTAssertEqual(en.read("Dec 4, 2026", path: "as_of"), december4)
        XCTAssertEqual(en.read("2026-12-04", path: "as_of"), december4)
        XCTAssertEqual(en.read("25/12/2026", path: "as_of"), .value(.date(Day(year: 2026, month: 12, day: 25)!)), "the day is above 12")
        XCTAssertEqual(en.read("12/25/2026", path: "as_of"), .value(.date(Day(year: 2026, month: 12, day: 25)!)), "month first, the day above 12")
        XCTAssertEqual(en.read("05/05/2026", path: "as_of"), .value(.date(Day(year: 2026, month: 5, day: 5)!)), "either way the same day")
        XCTAssertEqual(try XCTUnwrap(question(en.read("04/12/2026", path: "as_of"))).en,
                       "«04/12/2026»: 4\u{00A0}Dec\u{00A0}2026 or 12\u{00A0}Apr\u{00A0}2026? Write the month in letters, e.g. 4\u{00A0}Dec\u{00A0}2026.")
    }

    func testYesNoAndChoices() throws {
        let vi = try reader(.vi), en = try reader(.en)
        let present = "power.generator.present"
        XCTAssertEqual(vi.read("có", path: present), .value(.boolean(true)))
        XCTAssertEqual(vi.read("Không", path: present), .value(.boolean(false)))
        XCTAssertEqual(vi.read("chưa", path: present), .value(.boolean(false)))
        XCTAssertEqual(vi.read("Đã có máy phát điện", path: present), .value(.boolean(true)), "the field's own answer")
        XCTAssertEqual(en.read("yes", path: present), .value(.boolean(true)))
        XCTAssertEqual(en.read("true", path: present), .value(.boolean(true)))
        XCTAssertEqual(try XCTUnwrap(question(vi.read("có lẽ", path: present))).vi, "«có lẽ»: chọn «Đã có máy phát điện» hoặc «Chưa có máy phát điện».")

        XCTAssertEqual(vi.read("xa", path: "unit.type"), .value(.text("commune")), "a hint of the schema")
        XCTAssertEqual(vi.read("Xã", path: "unit.type"), .value(.text("commune")), "the value's label")
        XCTAssertEqual(vi.read("special zone", path: "unit.type"), .value(.text("special_zone")))
        XCTAssertEqual(vi.read("Miền núi", path: "unit.terrain"), .value(.text("mountain")))
        XCTAssertEqual(vi.read("4G", path: "network.backup_link"), .value(.text("4g")))
        XCTAssertEqual(vi.read("Chưa có đường truyền dự phòng", path: "network.backup_link"), .value(.text("none")), "the value's answer")
        XCTAssertEqual(try XCTUnwrap(question(vi.read("thành phố", path: "unit.type"))).vi, "«thành phố»: chọn «phường», «xã» hoặc «đặc khu».")
    }

    func testCodesWithOrWithoutQuotes() throws {
        let vi = try reader(.vi)
        for typed in ["20574", "\"20574\"", "'20574'", "“20574”", "«20574»", " 20574 ", "20 574"] {
            XCTAssertEqual(vi.read(typed, path: "unit.code"), .value(.text("20574")), typed)
        }
        XCTAssertEqual(try XCTUnwrap(question(vi.read("2057", path: "unit.code"))).vi, "«2057» không phải là mã đơn vị. 5 chữ số, ví dụ 20194.")
    }

    /// A value shown back in the form reads back as the same value, in each language.
    func testShownValuesReadBack() throws {
        for language in Language.allCases {
            let r = try reader(language)
            for (value, path) in [(FactValue.number(1000), speed), (.number(Decimal(string: "1.5")!), fuel), (.number(1_000_000), computers),
                                  (.date(Day(year: 2026, month: 12, day: 4)!), "as_of"), (.date(Day(year: 2026, month: 1, day: 12)!), "as_of")] {
                XCTAssertEqual(r.read(r.shown(value), path: path), .value(value), "\(language): \(r.shown(value))")
            }
        }
        XCTAssertEqual(try reader(.vi).shown(.number(Decimal(string: "1.5")!)), "1,5")
        XCTAssertEqual(try reader(.vi).shown(.number(1000)), "1.000")
        XCTAssertEqual(try reader(.vi).shown(.date(Day(year: 2026, month: 12, day: 4)!)), "04/12/2026")
        XCTAssertEqual(try reader(.en).shown(.date(Day(year: 2026, month: 12, day: 4)!)), "4 Dec 2026")
    }
}
