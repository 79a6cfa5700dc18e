import WardcheckCore

/// Any report document as one CSV file Excel opens as it is (UTF-8 with a byte-order mark, CRLF,
/// RFC 4180 quoting, formula-like cells neutralised by `CSV.cell`). Every table of the document
/// shares one header — `section` then the union of the tables' column keys — so a filter on
/// `section` gives each table back. The figures come first, as `summary` rows
/// (`figure`, `label`, `value`); a section's paragraphs are `note` rows. Figures are plain numbers and dates ISO, so Excel reads them as such.
public enum DocumentCSV {
    public static func render(_ document: ReportDocument, separator: CSV.Separator? = nil) -> String {
        MemoryOutput.text { try write(document, separator: separator, to: &$0) }
    }

    /// The file to `out` a record at a time.
    public static func write<Output: ReportOutput>(_ document: ReportDocument, separator: CSV.Separator? = nil, to out: inout Output) throws {
        let separator = separator ?? .default(for: document.language)
        let language = document.language
        let decimals = separator.decimalLanguage
        var keys = ["section", "figure", "label", "value", "note"]
        for section in document.sections {
            for table in section.tables {
                for column in table.columns where !keys.contains(column.key) { keys.append(column.key) }
            }
        }
        try out.write(CSV.byteOrderMark + CSV.row(keys, separator: separator))
        func add(_ values: [String: String]) throws {
            try out.write(CSV.row(keys.map { values[$0] ?? "" }, separator: separator))
        }
        try add(["section": "headline", "value": document.headline])
        for figure in document.figures {
            try add(["section": "summary", "figure": figure.key, "label": figure.label, "value": figure.value.plainValue(language, decimals: decimals)])
        }
        for section in document.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    try add(["section": section.key, "note": text])
                case .table(let table):
                    for line in table.groupLines() { try add(["section": table.key, "note": line]) }
                    for row in table.rowsAndTotal {
                        var values = ["section": table.key]
                        for (column, cell) in zip(table.columns, row) { values[column.key] = cell.plainValue(language, decimals: decimals) }
                        try add(values)
                    }
                }
            }
        }
    }
}
