import Foundation
import WardcheckCore
import XCTest
import ZIPFoundation
@testable import WardcheckReports

/// `diff` and `history` as documents: every heading, column label, cell, note, headline and figure
/// of the built document found in every format's output (text, Markdown, HTML, CSV, XLSX, DOCX) in
/// both languages; the figures each section adds, worked out by hand; the line charts on the page;
/// the official document; and the last period of a history marked when it is still under way.
///
/// The diff is the two hand-made reports of Tests/Fixtures/progress (see AuditDiffFixtureTests).
/// The history is built here, two criteria, four months:
///
/// | period | commit (day)       | reading                                                                        |
/// |--------|--------------------|--------------------------------------------------------------------------------|
/// | 07/2025 | aaaaaaa (10/07)   | files 2, evaluated 2, invalid 0, roster errors 0, not submitted 1, ready 1, stale 0, mean (2 + 1) / 2 = 1.50, cost 12 000 000; TC01 by 2, TC02 by 1 |
/// | 08/2025 | bbbbbbb (20/08)   | the folder absent                                                              |
/// | 09/2025 | ccccccc (12/09)   | failed: the roster does not load                                              |
/// | 10/2025 | ddddddd (15/10)   | files 3, evaluated 3, invalid 0, roster errors 1, not submitted 0, ready 0, stale 1, mean (1 + 1 + 1) / 3 = 1.00, cost 18 000 000; TC01 by 2, TC02 by 1 |
///
/// Read on 20/10/2025, October is under way: its reading was judged on 20/10 and covers the
/// commits so far. Read on 05/11/2025, it is a whole month.
final class ProgressDocumentTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/progress")

    private func diff() throws -> AuditDiff {
        let before = try AuditReportReader.read(path: Self.fixtures.appendingPathComponent("audit-before.json").path)
        let after = try AuditReportReader.read(path: Self.fixtures.appendingPathComponent("audit-after.json").path)
        return AuditDiff(old: before, new: after)
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func history(readOn: String?, evaluatedOn: String? = nil, every: Period = .month) -> History {
        func commit(_ letter: Character, _ iso: String) -> WardsRepository.Commit {
            WardsRepository.Commit(id: String(repeating: letter, count: 40), day: day(iso))
        }
        let july = History.Figures(files: 2, valid: 2, invalid: 0, auditErrors: 0, notSubmitted: 1, ready: 1, stale: 0, meanPassed: 1.5,
                                   totalCost: 12_000_000, passed: ["TC01": 2, "TC02": 1])
        let october = History.Figures(files: 3, valid: 3, invalid: 0, auditErrors: 1, notSubmitted: 0, ready: 0, stale: 1, meanPassed: 1.0,
                                      totalCost: 18_000_000, passed: ["TC01": 2, "TC02": 1])
        let judged = evaluatedOn ?? (readOn.map { min($0, "2025-10-31") } ?? "2025-10-31")
        return History(criteria: [("TC01", "ket_noi", Localized(vi: "Internet cáp quang", en: "Fibre internet")),
                                  ("TC02", "dien", Localized(vi: "Máy phát điện", en: "Generator"))],
                       path: "wards", every: every, evaluatedOn: evaluatedOn.map(day), points: [
                        .init(period: "2025-07", end: day("2025-07-31"), judgedOn: day(evaluatedOn ?? "2025-07-31"), commit: commit("a", "2025-07-10"), reading: .audited(july)),
                        .init(period: "2025-08", end: day("2025-08-31"), judgedOn: day(evaluatedOn ?? "2025-08-31"), commit: commit("b", "2025-08-20"), reading: .absent),
                        .init(period: "2025-09", end: day("2025-09-30"), judgedOn: day(evaluatedOn ?? "2025-09-30"), commit: commit("c", "2025-09-12"),
                              reading: .failed(Localized(vi: "tệp danh sách không đọc được", en: "the roster does not load"))),
                        .init(period: "2025-10", end: day("2025-10-31"), judgedOn: day(judged), commit: commit("d", "2025-10-15"), reading: .audited(october)),
                       ], readOn: readOn.map(day))
    }

    // MARK: Every format holds the document

    func testEveryFormatHoldsTheDiff() throws {
        for language in Language.allCases {
            let document = DiffDocument.build(try diff(), language: language)
            XCTAssertEqual(document.kind, "diff")
            XCTAssertEqual(document.sections.map(\.key), ["sources", "summary", "became_ready", "stopped_ready", "criteria", "units", "submissions", "plan"])
            try assertEveryFormatHolds(document)
        }
    }

    func testEveryFormatHoldsTheHistory() throws {
        for readOn in ["2025-10-20", "2025-11-05"] {
            for language in Language.allCases {
                let document = HistoryDocument.build(Self.history(readOn: readOn), language: language)
                XCTAssertEqual(document.kind, "history")
                XCTAssertEqual(document.sections.map(\.key), ["change", "periods", "criteria"])
                try assertEveryFormatHolds(document)
            }
        }
    }

    /// A diff where nothing moved and nothing is bought: each section says so in words, in every format.
    func testEveryFormatHoldsAnEmptyDiff() throws {
        let same = try AuditReportReader.read(path: Self.fixtures.appendingPathComponent("audit-after.json").path)
        var nothing = same
        nothing.plan = []
        nothing.totalCost = 0
        for language in Language.allCases {
            let document = DiffDocument.build(AuditDiff(old: nothing, new: nothing), language: language)
            try assertEveryFormatHolds(document)
            XCTAssertTrue(DocumentText().render(document).contains(language == .vi ? "Không cần mua sắm ở cả hai lần." : "Nothing to buy either time."))
        }
    }

    // MARK: The diff's figures, by hand

    func testDiffHeadlineAndFigures() throws {
        let vi = DiffDocument.build(try diff(), language: .vi)
        XCTAssertEqual(vi.headline, "2 đơn vị mới đạt 3/3, 1 đơn vị không còn đạt (số đơn vị đạt: 1 → 2); chi phí kế hoạch còn lại: 5.000.000 ₫ → 5.000.000 ₫.")
        let en = DiffDocument.build(try diff(), language: .en)
        XCTAssertEqual(en.headline, "2 units newly ready, 1 no longer ready (units ready: 1 → 2); remaining plan cost: 5,000,000 ₫ → 5,000,000 ₫.")
        // Ready after 2 (10002, 10004), 1 before: +1; 10002 and 10004 became ready, 10001 stopped; only
        // 10001 lost a criterion (TC03), once; nobody evaluated before dropped out; 5 000 000 ₫ both times.
        XCTAssertEqual(vi.figures.map(\.key), ["ready", "ready_change", "became_ready", "stopped_ready", "units_losing", "criteria_lost",
                                               "dropped_out", "total_cost", "cost_change"])
        XCTAssertEqual(vi.figures.map { $0.value.text(.vi) }, ["2", "+1", "2", "1", "1", "1", "0", "5.000.000 ₫", "0 ₫"])
        XCTAssertEqual(vi.figures.map(\.tone), [.good, .good, .good, .bad, .bad, .bad, .plain, .money, .plain])
    }

    func testDiffSectionsByHand() throws {
        let document = DiffDocument.build(try diff(), language: .vi)
        func rows(_ key: String) throws -> [[String]] {
            let table = try XCTUnwrap(document.sections.flatMap(\.tables).first { $0.key == key }, key)
            return (table.rows + (table.total.map { [$0] } ?? [])).map { $0.map { $0.text(.vi) } }
        }
        XCTAssertEqual(try rows("sources").map { $0[0] + " " + $0[2] }, ["Trước theo ngày số liệu của từng tệp", "Sau 31/07/2025"])
        // Files 4 → 4; evaluated 3 → 4; invalid 1 → 0; not submitted 1 → 1; ready 1 → 2; stale unknown → 1;
        // mean 2 → 2.5; cost 5 000 000 → 5 000 000.
        XCTAssertEqual(try rows("summary").map { Array($0.dropFirst()) }, [
            ["4", "4", "0"], ["3", "4", "+1"], ["1", "0", "\u{2212}1"], ["1", "1", "0"], ["1", "2", "+1"], ["", "1", ""],
            ["2,00", "2,50", "+0,50"], ["5.000.000 ₫", "5.000.000 ₫", "0 ₫"],
        ])
        XCTAssertEqual(try rows("became_ready"), [["10002", "Xã Hai", "2/3", "3/3", "TC02"], ["10004", "Phường Bốn", "tệp không hợp lệ", "3/3", ""]])
        XCTAssertEqual(try rows("stopped_ready"), [["10001", "Phường Một", "3/3", "2/3", "TC03"]])
        // TC01 3 → 4 (10004 came in); TC02 1 → 3 (10002 gained, 10004 came in); TC03 2 → 3 (10003 gained, 10001 lost, 10004 came in).
        XCTAssertEqual(try rows("criteria").map { Array($0.dropFirst(2)) }, [["3", "4", "+1", "0", "0"], ["1", "3", "+2", "1", "0"], ["2", "3", "+1", "1", "1"]])
        XCTAssertEqual(try rows("criteria_units"), [["TC02", "10002", ""], ["TC03", "10003", "10001"]])
        XCTAssertEqual(try rows("units"), [
            ["10001", "Phường Một", "3", "2", "", "TC03", "0 ₫", "4.000.000 ₫"],
            ["10002", "Xã Hai", "2", "3", "TC02", "", "3.000.000 ₫", "0 ₫"],
            ["10003", "Xã Ba", "1", "2", "TC03", "", "2.000.000 ₫", "1.000.000 ₫"],
        ])
        XCTAssertEqual(try rows("submissions"), [["10004", "Phường Bốn", "tệp không hợp lệ", "được đánh giá", "", "3"]])
        // LAN 0 → 1 (+4 000 000), router 2 → 1 (−1 000 000), printer 1 → 0 (−3 000 000): 0 in all.
        XCTAssertEqual(try rows("plan").map { Array($0.dropFirst()) }, [
            ["0", "1", "0 ₫", "4.000.000 ₫", "+4.000.000 ₫"], ["2", "1", "2.000.000 ₫", "1.000.000 ₫", "\u{2212}1.000.000 ₫"],
            ["1", "0", "3.000.000 ₫", "0 ₫", "\u{2212}3.000.000 ₫"], ["", "", "5.000.000 ₫", "5.000.000 ₫", "0 ₫"],
        ])
    }

    /// A revision's day is written as people write it; JSON keeps the source as it was.
    func testARevisionIsNamedWithItsDayWritten() throws {
        var before = try AuditReportReader.read(path: Self.fixtures.appendingPathComponent("audit-before.json").path)
        before.source = "july:wards (1a2b3c4, 2025-07-10)"
        before.shownAs = Localized(vi: "july:wards (1a2b3c4, 10/07/2025)", en: "july:wards (1a2b3c4, 10\u{00A0}Jul\u{00A0}2025)")
        let after = try AuditReportReader.read(path: Self.fixtures.appendingPathComponent("audit-after.json").path)
        let diff = AuditDiff(old: before, new: after)
        let text = DocumentText().render(DiffDocument.build(diff, language: .vi))
        XCTAssertTrue(text.contains("july:wards (1a2b3c4, 10/07/2025)"), text)
        XCTAssertFalse(text.contains("2025-07-10"), "no ISO date for people")
        XCTAssertTrue(DiffJSON.render(diff, language: .vi).contains("\"july:wards (1a2b3c4, 2025-07-10)\""))
    }

    // MARK: The history's figures, by hand

    func testHistoryFiguresByHand() throws {
        let document = HistoryDocument.build(Self.history(readOn: "2025-11-05"), language: .vi)
        XCTAssertEqual(document.headline, "Từ 07/2025 đến 10/2025: số đơn vị đạt 2/2 1 → 0 (\u{2212}1); bình quân tiêu chí đạt 1,50 → 1,00; chi phí kế hoạch còn lại 12.000.000 ₫ → 18.000.000 ₫.")
        XCTAssertEqual(document.figures.map { $0.label + ": " + $0.value.text(.vi) },
                       ["Số kỳ: 4", "Đạt 2/2, kỳ 10/2025: 0", "Bình quân tiêu chí đạt, kỳ 10/2025: 1,00", "Chi phí kế hoạch còn lại, kỳ 10/2025: 18.000.000 ₫"])
        let change = try XCTUnwrap(document.sections.first { $0.key == "change" })
        XCTAssertEqual(change.heading, "Từ 07/2025 đến 10/2025")
        let table = try XCTUnwrap(change.tables.first)
        XCTAssertEqual(table.columns.map(\.label), ["Chỉ số", "07/2025", "10/2025", "Thay đổi"])
        // Ready 1 → 0; evaluated 2 → 3; mean 1.50 → 1.00; cost 12 000 000 → 18 000 000.
        XCTAssertEqual(table.rows.map { $0.map { $0.text(.vi) } }, [
            ["Đạt 2/2", "1", "0", "\u{2212}1"], ["Đơn vị đã đánh giá", "2", "3", "+1"], ["Bình quân tiêu chí đạt", "1,50", "1,00", "\u{2212}0,50"],
            ["Chi phí kế hoạch còn lại", "12.000.000 ₫", "18.000.000 ₫", "+6.000.000 ₫"],
        ])
        let periods = try XCTUnwrap(document.sections.first { $0.key == "periods" }?.tables.first)
        XCTAssertEqual(periods.rows.map { $0.map { $0.text(.vi) } }, [
            ["07/2025", "31/07/2025", "31/07/2025", "aaaaaaa", "10/07/2025", "2", "2", "0", "0", "1", "1", "0", "1,50", "12.000.000 ₫", ""],
            ["08/2025", "31/08/2025", "31/08/2025", "bbbbbbb", "20/08/2025", "", "", "", "", "", "", "", "", "", "không có thư mục"],
            ["09/2025", "30/09/2025", "30/09/2025", "ccccccc", "12/09/2025", "", "", "", "", "", "", "", "", "",
             "không kiểm tra được: tệp danh sách không đọc được"],
            ["10/2025", "31/10/2025", "31/10/2025", "ddddddd", "15/10/2025", "3", "3", "0", "1", "0", "0", "1", "1,00", "18.000.000 ₫", ""],
        ])
        // Drawn on the page: ready and evaluated, the mean on a scale of the 2 criteria, the cost.
        XCTAssertEqual(periods.charts.map(\.series), [[10, 6], [12], [13]])
        XCTAssertEqual(periods.charts.map(\.top), [nil, 2, nil])
        let criteria = try XCTUnwrap(document.sections.first { $0.key == "criteria" }?.tables.first)
        XCTAssertEqual(criteria.columns.map(\.key), ["criterion", "title", "2025-07", "2025-08", "2025-09", "2025-10"])
        XCTAssertEqual(criteria.rows.map { $0.map { $0.text(.vi) } }, [["TC01", "Internet cáp quang", "2", "", "", "2"], ["TC02", "Máy phát điện", "1", "", "", "1"]])

        let en = HistoryDocument.build(Self.history(readOn: "2025-11-05"), language: .en)
        XCTAssertEqual(en.headline, "From Jul\u{00A0}2025 to Oct\u{00A0}2025: units ready 1 → 0 (\u{2212}1); mean criteria met 1.50 → 1.00; remaining plan cost 12,000,000 ₫ → 18,000,000 ₫.")
    }

    func testPeriodsAreNamedAsPeopleWriteThem() {
        XCTAssertEqual(HistoryDocument.periodName(.month, Self.day("2025-07-31"), .vi), "07/2025")
        XCTAssertEqual(HistoryDocument.periodName(.month, Self.day("2025-11-30"), .en), "Nov\u{00A0}2025")
        XCTAssertEqual(HistoryDocument.periodName(.quarter, Self.day("2025-09-30"), .vi), "Quý 3/2025")
        XCTAssertEqual(HistoryDocument.periodName(.quarter, Self.day("2025-12-31"), .en), "Q4\u{00A0}2025")
        // 6 July 2025 was a Sunday: its week began on Monday 30 June.
        XCTAssertEqual(HistoryDocument.periodName(.week, Self.day("2025-07-06"), .vi), "tuần 30/06–06/07/2025")
        XCTAssertEqual(HistoryDocument.periodName(.week, Self.day("2025-07-06"), .en), "week 30\u{00A0}Jun–6\u{00A0}Jul\u{00A0}2025")
    }

    /// An empty range, and a range where no period could be audited, still make a document.
    func testAHistoryWithoutReadings() throws {
        let empty = History(criteria: [("TC01", "g", Localized("x"))], path: "wards", every: .month, evaluatedOn: nil, points: [])
        for language in Language.allCases {
            let document = HistoryDocument.build(empty, language: language)
            XCTAssertEqual(document.headline, language == .vi ? "Không có kỳ nào trong khoảng đã chọn." : "No period in the chosen range.")
            try assertEveryFormatHolds(document)
        }
        var absent = Self.history(readOn: "2025-11-05")
        absent.points = absent.points.map { var p = $0; p.reading = .absent; return p }
        let document = HistoryDocument.build(absent, language: .en)
        XCTAssertEqual(document.headline, "No period's folder could be audited.")
        XCTAssertEqual(document.sections.map(\.key), ["periods", "criteria"])
        try assertEveryFormatHolds(document)
    }

    // MARK: The period under way

    func testTheLastPeriodUnderWayIsMarkedInEveryFormat() throws {
        let history = Self.history(readOn: "2025-10-20")
        XCTAssertTrue(history.lastIsUnderWay)
        for language in Language.allCases {
            let document = HistoryDocument.build(history, language: language)
            let marked = language == .vi ? "10/2025 (đang diễn ra)" : "Oct\u{00A0}2025 (in progress)"
            let note = language == .vi
                ? "Kỳ 10/2025 đang diễn ra: số liệu tính đến ngày 20/10/2025, chưa trọn kỳ, nên một con số thấp hơn chưa phải là giảm."
                : "Oct\u{00A0}2025 is still in progress: its figures stand as of 20\u{00A0}Oct\u{00A0}2025 and cover part of the period, so a lower figure is not yet a fall."
            XCTAssertTrue(document.headline.hasSuffix(" " + note), document.headline)
            // The period cell, the last column of the change and of the criteria, the figures' labels.
            let periods = try XCTUnwrap(document.sections.first { $0.key == "periods" })
            XCTAssertEqual(periods.tables.first?.rows.last?.first, .text(marked))
            XCTAssertEqual(periods.tables.first?.rows.last?[2], .date(Self.day("2025-10-20")), "judged on the day it was read")
            XCTAssertTrue(periods.blocks.contains { if case .paragraph(note) = $0 { return true } else { return false } }, "a note under the table")
            XCTAssertEqual(document.sections.first { $0.key == "change" }?.tables.first?.columns[2].label, marked)
            XCTAssertEqual(document.sections.first { $0.key == "criteria" }?.tables.first?.columns.last?.label, marked)
            XCTAssertTrue(document.figures[1].label.hasSuffix(marked))
            // Only the last: July is whole.
            XCTAssertEqual(periods.tables.first?.rows.first?.first, .text(language == .vi ? "07/2025" : "Jul\u{00A0}2025"))
            // And every format says it, in the cell and in the note.
            for written in try formats(document) {
                XCTAssertTrue(written.text.contains(written.escape(marked)), "\(written.name) lacks «\(marked)»")
                XCTAssertTrue(written.text.contains(written.escape(note)), "\(written.name) lacks the note")
            }
        }
    }

    func testAWholeLastPeriodIsNotMarked() throws {
        // Read on 5 November: October is over. Read on 31 October, its last day, it is still under way.
        XCTAssertFalse(Self.history(readOn: "2025-11-05").lastIsUnderWay)
        XCTAssertTrue(Self.history(readOn: "2025-10-31").lastIsUnderWay)
        XCTAssertTrue(Self.history(readOn: "2025-10-01").lastIsUnderWay)
        XCTAssertFalse(Self.history(readOn: nil).lastIsUnderWay)
        // Read in September, an October reading (an --until ahead of today) has not begun: not under way.
        XCTAssertFalse(Self.history(readOn: "2025-09-15").lastIsUnderWay)
        for language in Language.allCases {
            let document = HistoryDocument.build(Self.history(readOn: "2025-11-05"), language: language)
            for written in try formats(document) {
                XCTAssertFalse(written.text.contains(language == .vi ? "đang diễn ra" : "in progress"), "\(written.name) marks a whole month")
            }
        }
    }

    /// Judged as of a day inside the last period (`--as-of`), that period was under way on it,
    /// whenever the history is read; as of a day after it, it was not.
    func testTheEvaluationDayMarksItsPeriod() {
        XCTAssertTrue(Self.history(readOn: "2026-01-10", evaluatedOn: "2025-10-20").lastIsUnderWay)
        XCTAssertFalse(Self.history(readOn: "2026-01-10", evaluatedOn: "2025-11-02").lastIsUnderWay)
        // A quarter holds its three months: read on 15 November, the quarter ending 31 December is under way.
        var quarterly = Self.history(readOn: "2025-11-15", every: .quarter)
        quarterly.points = [quarterly.points[0]].map { var p = $0; p.end = Self.day("2025-12-31"); p.period = "2025-Q4"; return p }
        XCTAssertTrue(quarterly.lastIsUnderWay)
        XCTAssertEqual(HistoryDocument.build(quarterly, language: .vi).sections.first { $0.key == "periods" }?.tables.first?.rows.first?.first,
                       .text("Quý 4/2025 (đang diễn ra)"))
    }

    // MARK: Changes

    func testChangesAreWrittenWithTheirSign() throws {
        typealias Cell = ReportDocument.Cell
        XCTAssertEqual(Cell.change(.count(3)).text(.vi), "+3")
        XCTAssertEqual(Cell.change(.count(-1_000)).text(.vi), "\u{2212}1.000")
        XCTAssertEqual(Cell.change(.count(-1_000)).text(.en), "\u{2212}1,000")
        XCTAssertEqual(Cell.change(.count(0)).text(.vi), "0")
        XCTAssertEqual(Cell.change(.money(4_000_000)).text(.vi), "+4.000.000 ₫")
        XCTAssertEqual(Cell.change(.money(Int.min)).text(.en), "\u{2212}9,223,372,036,854,775,807 ₫", "no overflow at the edge")
        XCTAssertEqual(Cell.change(.decimal(-1.5, places: 2)).text(.vi), "\u{2212}1,50")
        // A change that rounds to nothing, as written, has no sign either way.
        XCTAssertEqual(Cell.change(.decimal(-0.001, places: 2)).text(.vi), "0,00")
        XCTAssertEqual(Cell.change(.decimal(0.004, places: 2)).text(.en), "0.00")
        XCTAssertEqual(Cell.change(.decimal(0.006, places: 2)).text(.en), "+0.01")
        XCTAssertTrue(Cell.change(.count(-2)).isFigure && Cell.decimal(1, places: 2).isFigure)
        // For machines, the signed figure: a CSV neutralises the "-", a workbook holds a number.
        XCTAssertEqual(Cell.change(.count(-2)).plainValue(.vi), "-2")
        XCTAssertEqual(Cell.change(.decimal(-1.5, places: 2)).plainValue(.vi, decimals: .en), "-1.50")
        XCTAssertEqual(CSV.cell(Cell.change(.money(-3_000_000)).plainValue(.vi)), "'-3000000")
        let document = ReportDocument(kind: "diff", language: .vi, title: "T", subject: "S", headline: "H", sections: [
            .init(key: "s", heading: "S", blocks: [.table(.init(key: "s", columns: [.init("c", "C"), .init("m", "M")],
                                                              rows: [[.change(.money(-3_000_000)), .decimal(14.004, places: 2)]]))]),
        ])
        let book = try DocumentWorkbook.data(document)
        let sheet = try OfficePart.part("xl/worksheets/sheet2.xml", of: book)
        XCTAssertTrue(sheet.contains("<v>-3000000</v>"), sheet)
        XCTAssertTrue(sheet.contains("<v>14</v>"), "two decimals kept: 14.004 is 14.00")
    }

    // MARK: The charts

    func testTheHistoryPageDrawsItsChartsAndOtherFormatsShowTheTable() throws {
        let document = HistoryDocument.build(Self.history(readOn: "2025-11-05"), language: .vi)
        let page = DocumentHTML.render(document)
        XCTAssertEqual(page.components(separatedBy: "<figure class=\"chart\">").count - 1, 3)
        XCTAssertEqual(page.components(separatedBy: "<svg ").count - 1, 3)
        // Ready and evaluated: two lines with a legend; a gap (August, September) breaks each line,
        // so July and October are lone points: no line at all, four dots over two series.
        XCTAssertTrue(page.contains("■ Đạt 2/2") && page.contains("■ Đã đánh giá"), page)
        XCTAssertFalse(page.contains("<polyline"), "a period with no reading is not drawn as zero")
        XCTAssertTrue(page.contains("<title>" + HTML.escape("Đạt 2/2 · 10/2025: 0") + "</title>"), "each point named, its figure written as vi writes it")
        XCTAssertTrue(page.contains("<title>" + HTML.escape("Chi phí còn lại · 10/2025: 18 triệu ₫") + "</title>"), page)
        XCTAssertTrue(page.contains("<title>Bình quân tiêu chí đạt · 07/2025: 1,5</title>"), page)
        // The figures are in the table below the charts, on the page and in every other format.
        XCTAssertLessThan(try XCTUnwrap(page.range(of: "<figure class=\"chart\">")).lowerBound, try XCTUnwrap(page.range(of: "<table id=\"table-periods\"")).lowerBound)
        XCTAssertTrue(page.contains("<svg viewBox=\"0 0 560 280\" role=\"img\" aria-label=\"Chi phí kế hoạch còn lại\""))
        XCTAssertFalse(DocumentHTML.render(DiffDocument.build(try diff(), language: .vi)).contains("<svg"), "a document without charts draws none")
        for written in try formats(document) where written.name != "HTML" {
            XCTAssertFalse(written.text.contains("<svg"), written.name)
        }
    }

    func testTheAuditPageIsUnchangedByCharts() throws {
        let plain = ReportDocument(kind: "audit", language: .vi, title: "T", subject: "S", headline: "H",
                                   sections: [.init(key: "a", heading: "A", blocks: [.table(.init(key: "a", columns: [.init("n", "N")], rows: [[.count(1)]]))])])
        XCTAssertEqual(DocumentHTML.chartStyle(plain), "")
        XCTAssertFalse(DocumentHTML.render(plain).contains("figure.chart"))
    }

    // MARK: The official document

    func testTheHistoryAndTheDiffAsOfficialDocuments() throws {
        let heading = OfficialHeading(parent: "UBND thành phố Đà Nẵng", issuer: "Sở Khoa học và Công nghệ", number: "12/BC-SKHCN", place: "Đà Nẵng",
                                      date: Self.day("2025-11-05"), authority: "KT. Giám đốc", position: "Phó Giám đốc", signer: "Nguyễn Văn An",
                                      recipients: ["Ban Chỉ đạo thành phố", "Lưu: VT"])
        for document in [HistoryDocument.build(Self.history(readOn: "2025-11-05"), language: .vi), DiffDocument.build(try diff(), language: .vi)] {
            let data = try DocumentDOCX.data(document, heading: heading)
            XCTAssertTrue(try OfficePart.part("docProps/core.xml", of: data).contains("<dc:title>" + XML.escapeText(document.title) + "</dc:title>"))
            let text = OfficePart.runs(try OfficePart.part("word/document.xml", of: data))
            for line in ["BÁO CÁO", document.subject, document.headline, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 12/BC-SKHCN",
                         "Đà Nẵng, ngày 05 tháng 11 năm 2025", "Nơi nhận:", "- Ban Chỉ đạo thành phố;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                         "Nguyễn Văn An"] {
                XCTAssertTrue(text.contains(line), "DOCX lacks «\(line)»")
            }
            for figure in document.figures {
                XCTAssertTrue(text.contains("- " + figure.label + ": " + figure.value.text(.vi)), "DOCX lacks the figure \(figure.key)")
            }
            // The signature block closes the document, after the last section.
            let last = try XCTUnwrap(document.sections.last?.heading.uppercased(with: Locale(identifier: "vi_VN")))
            XCTAssertLessThan(try XCTUnwrap(text.range(of: last)).lowerBound, try XCTUnwrap(text.range(of: "Nguyễn Văn An")).lowerBound)
        }
    }

    // MARK: Helpers

    private struct Written {
        var name: String
        var text: String
        var escape: (String) -> String
    }

    /// The document in every format, as text to search, with how that format writes a piece of text.
    private func formats(_ document: ReportDocument) throws -> [Written] {
        let locale = Locale(identifier: document.language == .vi ? "vi_VN" : "en_GB")
        let separator = CSV.Separator.default(for: document.language)
        let book = try DocumentWorkbook.data(document)
        let sheets = try Archive(data: book, accessMode: .read).filter { $0.path.hasPrefix("xl/worksheets/") }.map { try OfficePart.part($0.path, of: book) }.joined()
        return [
            Written(name: "text", text: DocumentText().render(document), escape: AuditLayout.plain),
            Written(name: "Markdown", text: DocumentMarkdown.render(document), escape: DocumentMarkdown.escape),
            Written(name: "HTML", text: DocumentHTML.render(document), escape: HTML.escape),
            Written(name: "CSV", text: DocumentCSV.render(document), escape: { CSV.cell($0, separator: separator) }),
            Written(name: "XLSX", text: sheets, escape: XML.escapeText),
            Written(name: "DOCX", text: OfficePart.runs(try OfficePart.part("word/document.xml", of: try DocumentDOCX.data(document))) + "\n"
                        + OfficePart.runs(try OfficePart.part("word/document.xml", of: try DocumentDOCX.data(document))).uppercased(with: locale), escape: { $0 }),
        ]
    }

    /// Every piece a reader must find: headings, column labels and captions, cells as each format
    /// writes them, paragraphs, the headline and the figures.
    private func assertEveryFormatHolds(_ document: ReportDocument, file: StaticString = #filePath, line: UInt = #line) throws {
        let language = document.language
        let locale = Locale(identifier: language == .vi ? "vi_VN" : "en_GB")
        var people = [document.headline]
        for figure in document.figures { people += [figure.label, figure.value.text(language)] }
        for section in document.sections {
            people.append(section.heading)
            for block in section.blocks {
                switch block {
                case .paragraph(let text): people.append(text)
                case .table(let table):
                    people += table.columns.map(\.label) + (table.caption.map { [$0] } ?? [])
                    for row in table.rows + (table.total.map { [$0] } ?? []) { people += row.map { $0.text(language) } }
                }
            }
        }
        people = people.filter { !$0.isEmpty }
        let text = DocumentText().render(document)
        let markdown = DocumentMarkdown.render(document)
        let page = DocumentHTML.render(document)
        let docx = OfficePart.runs(try OfficePart.part("word/document.xml", of: try DocumentDOCX.data(document)))
        for piece in people {
            let plain = AuditLayout.plain(piece)
            XCTAssertTrue(text.contains(plain) || text.contains(plain.uppercased()), "text lacks «\(piece)»", file: file, line: line)
            XCTAssertTrue(markdown.contains(DocumentMarkdown.escape(piece)), "Markdown lacks «\(piece)»", file: file, line: line)
            XCTAssertTrue(page.contains(HTML.escape(piece)), "HTML lacks «\(piece)»", file: file, line: line)
            XCTAssertTrue(docx.contains(piece) || docx.contains(piece.uppercased(with: locale)), "DOCX lacks «\(piece)»", file: file, line: line)
        }
        XCTAssertTrue(page.contains("<title>" + HTML.escape(document.title) + "</title>") && page.contains("<html lang=\"\(language.rawValue)\">"),
                      file: file, line: line)
        XCTAssertTrue(text.contains(AuditLayout.plain(document.title).uppercased()), file: file, line: line)
        XCTAssertTrue(docx.contains(document.subject), "DOCX lacks the subject", file: file, line: line)
        // Every table of the page has its header cells scoped, for a screen reader.
        XCTAssertFalse(page.contains("<th>"), file: file, line: line)

        let csv = DocumentCSV.render(document)
        let separator = CSV.Separator.default(for: language)
        let book = try DocumentWorkbook.data(document)
        let sheets = try Archive(data: book, accessMode: .read).filter { $0.path.hasPrefix("xl/worksheets/") }.map { try OfficePart.part($0.path, of: book) }.joined()
        for section in document.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let note):
                    XCTAssertTrue(csv.contains(CSV.cell(note, separator: separator)), "CSV lacks «\(note)»", file: file, line: line)
                    XCTAssertTrue(sheets.contains(XML.escapeText(note)), "workbook lacks «\(note)»", file: file, line: line)
                case .table(let table):
                    for label in table.columns.map(\.label) {
                        XCTAssertTrue(sheets.contains(">" + XML.escapeText(label) + "<"), "workbook lacks «\(label)»", file: file, line: line)
                    }
                    for row in table.rows + (table.total.map { [$0] } ?? []) {
                        XCTAssertTrue(csv.contains("\r\n" + CSV.cell(table.key, separator: separator) + separator.character), "CSV lacks \(table.key)",
                                      file: file, line: line)
                        for cell in row {
                            let value = cell.plainValue(language, decimals: separator.decimalLanguage)
                            if !value.isEmpty { XCTAssertTrue(csv.contains(CSV.cell(value, separator: separator)), "CSV lacks \(cell)", file: file, line: line) }
                            let stored = Self.workbookForm(cell, language)
                            if !stored.isEmpty { XCTAssertTrue(sheets.contains(stored), "workbook lacks \(cell)", file: file, line: line) }
                        }
                    }
                }
            }
        }
        for figure in document.figures {
            XCTAssertTrue(csv.contains(CSV.cell(figure.value.plainValue(language, decimals: separator.decimalLanguage), separator: separator)),
                          "CSV lacks the figure \(figure.key)", file: file, line: line)
            let stored = Self.workbookForm(figure.value, language)
            if !stored.isEmpty { XCTAssertTrue(sheets.contains(stored), "workbook lacks the figure \(figure.key)", file: file, line: line) }
        }
    }

    /// How a cell is stored in a sheet: text inline, figures as numbers, dates as Excel's day count.
    private static func workbookForm(_ cell: ReportDocument.Cell, _ language: Language) -> String {
        func number(_ value: Double) -> String {
            "<v>" + (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)) + "</v>"
        }
        switch cell {
        case .text(let s), .code(let s), .unit(let s, _): return ">" + XML.escapeText(s) + "<"
        case .count(let n), .money(let n): return "<v>\(n)</v>"
        case .outcome(let o), .mark(let o): return ">" + XML.escapeText(o.label.text(language)) + "<"
        case .date(let day): return "<v>\(day.ordinal + 25_569)</v>"
        case .decimal(let value, let places):
            let scale = (0..<places).reduce(1.0) { a, _ in a * 10 }
            return number((value * scale).rounded() / scale)
        case .change(let figure): return workbookForm(figure, language)
        case .percent, .score, .empty: return ""
        }
    }
}
