import Foundation
@testable import WardcheckReports
import WardcheckCore
import XCTest

/// The decision's document on the five-unit fixture city judged on 01/08/2025, with
/// 100.000.000 ₫ (figures by hand in FixtureCityPrioritizationTests): 10002 Xã Bình made ready
/// for 75.000.000 (5 computers) + 18.000.000 (3 printers) = 93.000.000, its office to stock fuel;
/// 10003 Xã Cát blocked (TC16 not reported, TC04 waived); 7.000.000 left.
final class PrioritizeDocumentTests: XCTestCase {
    private func document(_ language: Language) throws -> ReportDocument {
        let audit = try FixtureCityAudit.audit(folder: FixtureCityAudit.root.appendingPathComponent("Tests/Fixtures/city").path,
                                               files: ["10001-an", "10002-binh", "10003-cat", "10004-dao"])
        return PrioritizeDocument.build(Prioritization(audit: audit, budget: 100_000_000), audit, language: language)
    }

    private func table(_ key: String, in document: ReportDocument) throws -> ReportDocument.Table {
        try XCTUnwrap(document.sections.flatMap(\.tables).first { $0.key == key }, "no table \(key)")
    }

    func testTheSectionsAndTheirFigures() throws {
        let document = try document(.vi)
        // No criterion is funded (7.000.000 < 7.500.000) and no unit waits: those sections are left out.
        XCTAssertEqual(document.sections.map(\.key), ["units", "blocked", "parties", "method"])
        XCTAssertEqual(document.figures.dropLast().map(\.value), [.money(100_000_000), .money(93_000_000), .money(7_000_000), .count(1), .count(2), .count(0)])
        // Last, the criteria set the choice was made under, said in words.
        XCTAssertEqual(document.figures.last?.key, "criteria_set")
        XCTAssertTrue(document.figures.last?.value.text(.vi).hasPrefix("phiên bản 2025.1 (mã ") == true)
        let units = try table("units", in: document)
        XCTAssertEqual(units.rows.first?[1], .code("10002"))
        XCTAssertEqual(units.rows.first?[4], .money(93_000_000))
        XCTAssertEqual(units.rows.first?[6].text(.vi), "Máy tính × 5 (75.000.000 ₫); Máy in × 3 (18.000.000 ₫)")
        XCTAssertEqual(units.rows.first?[7].text(.vi), "Dự trữ thêm nhiên liệu — UBND cấp xã (Văn phòng HĐND và UBND)")
        let blocked = try table("blocked", in: document)
        XCTAssertEqual(blocked.rows.first?[3].text(.vi), "chưa báo cáo TC16; đang được miễn trừ TC04")
    }

    /// Per party: the procurement buys 93.000.000 for one unit; the unit's office acts once, at no cost.
    func testEachPartyInASentence() throws {
        let parties = try table("parties", in: document(.en))
        XCTAssertEqual(parties.rows.map { $0.last?.text(.en) }, [
            "Buys 93,000,000 ₫ for 1 unit",
            "Does 1 action at 1 unit, with no money from this budget",
        ])
        XCTAssertEqual(parties.total?[2], .money(93_000_000))
    }
}
