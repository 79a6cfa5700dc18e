import Foundation
import WardcheckCore

/// Any report document as an Excel workbook: a first sheet with the title, the headline and the
/// figures, then one sheet per table, its header frozen and filtered, its cells typed (counts and
/// amounts as numbers with their format, dates as dates shown dd/mm/yyyy, outcomes coloured), and
/// a section's paragraphs above its table. The workbook's bytes come from `Workbook`.
public enum DocumentWorkbook {
    public static func workbook(_ document: ReportDocument) -> Workbook {
        let language = document.language
        var book = Workbook(title: document.title)
        book.dateFormat = Workbook.dateFormat(language)
        var summary = Workbook.Sheet(name: Localized(vi: "Tổng hợp", en: "Summary").text(language))
        summary.add([.text(document.title, .title)])
        summary.add([.text(document.headline, .wrapped)])
        summary.add([])
        summary.add([.text(Vocabulary.figure.text(language), .header), .text(Vocabulary.value.text(language), .header)])
        for figure in document.figures { summary.add([.text(figure.label), cell(figure.value, language)]) }
        summary.widths = [44, 22]
        summary.filterRow = 4
        book.sheets.append(summary)
        var names: Set<String> = [summary.name]
        for section in document.sections {
            let notes = section.blocks.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
            let tables = section.tables
            for (n, table) in (tables.isEmpty ? [nil] : tables.map { Optional($0) }).enumerated() {
                var sheet = Workbook.Sheet(name: unique(table?.caption ?? section.heading, &names))
                if n == 0 {
                    for note in notes { sheet.add([.text(note, .muted)]) }
                }
                if let table {
                    for line in table.groupLines() { sheet.add([.text(line, .muted)]) }
                    sheet.add(table.columns.map { .text($0.label, .header) })
                    sheet.filterRow = sheet.rows.count
                    sheet.frozenRows = sheet.rows.count
                    // The unit's name stays in view as the criteria scroll by.
                    sheet.frozenColumns = table.rowHeader.map { $0 + 1 } ?? 0
                    // A country's table is made a row at a time as the sheet is written.
                    let rows = table.rows
                    let total = table.total.map { total in
                        total.map { c -> Workbook.Cell in
                            switch c {
                            case .money(let amount): return .money(amount, .totalMoney)
                            case .text(let s): return .text(s, .totalLabel)
                            default: return cell(c, language)
                            }
                        }
                    }
                    sheet.add(count: rows.count + (total == nil ? 0 : 1)) { n in
                        n < rows.count ? rows[n].map { cell($0, language) } : total ?? []
                    }
                    // Each column as wide as its longest text (the total aside), in one pass over the rows.
                    var longest = table.columns.map(\.label.count)
                    for row in rows {
                        for i in longest.indices { longest[i] = max(longest[i], i < row.count ? row[i].text(language).count : 0) }
                    }
                    sheet.widths = longest.map { Double(min(60, max(8, $0 + 2))) }
                }
                book.sheets.append(sheet)
            }
        }
        return book
    }

    public static func data(_ document: ReportDocument) throws -> Data {
        try workbook(document).data()
    }

    /// The workbook to `out`, its sheets made a row at a time (`Workbook.write`); `scratch`: the
    /// folders its temporary files may go in, best first.
    public static func write<Output: ReportOutput>(_ document: ReportDocument, scratch: [String], to out: inout Output) throws {
        try workbook(document).write(scratch: scratch, to: &out)
    }

    /// A sheet name Excel accepts and no other sheet has: "Kế hoạch mua sắm", "Kế hoạch mua sắm (2)".
    private static func unique(_ name: String, _ taken: inout Set<String>) -> String {
        var candidate = Workbook.sheetName(name)
        var n = 2
        while taken.contains(candidate) {
            let suffix = " (\(n))"
            candidate = Workbook.sheetName(String(Workbook.sheetName(name).prefix(31 - suffix.count)) + suffix)
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Excel counts days from 30 December 1899; `Day` counts them from 1 January 1970.
    private static let excelEpochOffset = 25_569

    static func cell(_ cell: ReportDocument.Cell, _ language: Language) -> Workbook.Cell {
        switch cell {
        case .text(let s), .unit(let s, _): return .text(s)
        case .code(let s): return .text(s)
        case .count(let n): return .int(n)
        case .money(let amount): return .money(amount)
        case .percent(let n): return .number(Double(n) / 100, .percent)
        case .score(let mean, _): return .number((mean * 100).rounded() / 100, .decimal)
        case .date(let day): return .number(Double(day.ordinal + excelEpochOffset), .date)
        case .outcome(let outcome):
            let style: Workbook.Style
            switch outcome {
            case .passed: style = .passed
            case .failed: style = .failed
            case .notReported, .notEvaluable: style = .notReported
            case .waived: style = .waived
            }
            return .text(outcome.label.text(language), style)
        case .mark(let outcome):
            // The words, coloured: a filter on the column then reads "không đạt", not "✗".
            return Self.cell(.outcome(outcome), language)
        case .empty: return .empty
        case .decimal(let value, let places):
            let scale = (0..<max(0, places)).reduce(1.0) { a, _ in a * 10 }
            return .number((value * scale).rounded() / scale, .decimal)
        // A change is the signed figure, a number Excel adds up (a fall is negative).
        case .change(let figure): return Self.cell(figure, language)
        }
    }
}
