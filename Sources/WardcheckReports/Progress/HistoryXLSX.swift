import Foundation
import WardcheckCore

/// `history --format xlsx`: the series as an Excel workbook, ready for Excel's own charts: one row
/// a period with its figures, then one row a criterion with one column a period. Dates are dates,
/// counts and amounts numbers.
public enum HistoryXLSX {
    public static func render(_ history: History, language: Language) throws -> Data {
        try workbook(history, language: language).data()
    }

    public static func workbook(_ history: History, language: Language) -> Workbook {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        let total = history.criteriaCount
        var book = Workbook(title: t("Diễn biến qua các kỳ", "Progress over time") + " — " + history.path)
        book.dateFormat = Workbook.dateFormat(language)
        func headers(_ names: [String]) -> [Workbook.Cell] { names.map { .text($0, .header) } }
        // Excel counts days from 1899-12-30; `Day` from 1970-01-01.
        func date(_ day: Day) -> Workbook.Cell { .number(Double(day.ordinal + 25_569), .date) }

        var periods = Workbook.Sheet(name: t("Các kỳ", "Periods"))
        periods.add(headers([t("Kỳ", "Period"), t("Cuối kỳ", "Period end"), t("Ngày đánh giá", "Judged on"), "Commit", t("Ngày commit", "Commit date"),
                             t("Tệp", "Files"), t("Đánh giá", "Evaluated"), t("Không hợp lệ", "Invalid"), t("Lỗi đối chiếu", "Audit errors"),
                             t("Chưa nộp", "Not submitted"), t("Đạt \(total)/\(total)", "Ready"), t("Quá hạn", "Stale"),
                             t("Bình quân tiêu chí đạt", "Mean criteria met"), t("Chi phí còn lại", "Remaining cost"), t("Ghi chú", "Note")]))
        periods.widths = [10, 12, 12, 10, 12, 8, 10, 11, 11, 11, 9, 9, 12, 18, 40]
        periods.frozenRows = 1
        periods.frozenColumns = 1
        periods.filterRow = 1
        for point in history.points {
            var row: [Workbook.Cell] = [.text(point.period), date(point.end), date(point.judgedOn), .text(String(point.commit.id.prefix(7))),
                                        date(point.commit.day)]
            switch point.reading {
            case .audited(let f):
                row += [.int(f.files), .int(f.valid), .int(f.invalid), .int(f.auditErrors), f.notSubmitted.map { .int($0) } ?? .empty,
                        .int(f.ready), .int(f.stale), .number((f.meanPassed * 100).rounded() / 100, .decimal), .money(f.totalCost), .empty]
            case .absent:
                row += Array(repeating: .empty, count: 9) + [.text(t("không có thư mục", "no folder"), .muted)]
            case .failed(let reason):
                row += Array(repeating: .empty, count: 9) + [.text(t("không kiểm tra được", "could not be audited") + ": " + reason.text(language), .failed)]
            }
            periods.add(row)
        }
        book.sheets.append(periods)

        var criteria = Workbook.Sheet(name: t("Tiêu chí theo kỳ", "Criteria by period"))
        criteria.add(headers([t("Mã", "Id"), t("Tiêu chí", "Criterion")] + history.points.map(\.period)))
        criteria.widths = [8, 44] + history.points.map { _ in 10 }
        criteria.frozenRows = 1
        criteria.frozenColumns = 2
        for c in history.criteria {
            criteria.add([.text(c.id), .text(c.title.text(language))] + history.points.map { point in
                point.figures.map { .int($0.passed[c.id] ?? 0) } ?? .empty
            })
        }
        book.sheets.append(criteria)
        return book
    }
}
