import WardcheckCore

/// Any report document in a terminal: the title, the headline, the figures aligned, then each
/// section's heading in capitals over its tables and paragraphs. Ward text is shown on one line
/// with hidden and control characters made visible, so a name cannot repaint the terminal.
public struct DocumentText {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ document: ReportDocument) -> String {
        MemoryOutput.text { try write(document, to: &$0) }
    }

    /// The report to `out` a line at a time: a table is measured in a first pass over its rows
    /// and written in a second, so no table and no report is ever whole in memory.
    public func write<Output: ReportOutput>(_ document: ReportDocument, to out: inout Output) throws {
        let paint = Painter(enabled: colour)
        let language = document.language
        var head = paint(.bold, AuditLayout.plain(document.title).uppercased()) + "\n\n"
        head += "  " + AuditLayout.plain(document.headline) + "\n"
        if !document.figures.isEmpty {
            head += "\n"
            let width = document.figures.map(\.label.count).max() ?? 0
            for figure in document.figures {
                let value = AuditLayout.plain(figure.value.text(language))
                head += "  " + AuditLayout.pad(AuditLayout.plain(figure.label) + ":", width + 1) + "  " + Self.painted(value, figure.tone, paint) + "\n"
            }
        }
        try out.write(head)
        for section in document.sections {
            try out.write("\n" + paint(.bold, AuditLayout.plain(section.heading).uppercased()) + "\n\n")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    try out.write("  " + AuditLayout.plain(text) + "\n")
                case .table(let table):
                    var lead = ""
                    if let caption = table.caption { lead += "  " + AuditLayout.plain(caption) + ":\n" }
                    for line in table.groupLines() { lead += "  " + AuditLayout.plain(line) + "\n" }
                    try out.write(lead)
                    try Self.table(table, language, paint, to: &out)
                }
            }
        }
    }

    private static func table<Output: ReportOutput>(_ table: ReportDocument.Table, _ language: Language, _ paint: Painter,
                                                    to out: inout Output) throws {
        let rows = table.rowsAndTotal
        var text = TextTable(headers: table.columns.map { AuditLayout.plain($0.label) }, right: table.columnKinds().figures)
        for row in rows { text.measure(row.map { AuditLayout.plain($0.text(language)) }) }
        try out.write(text.head())
        for (n, row) in rows.enumerated() {
            if table.total != nil, n == rows.count - 1 { try out.write(text.rule()) }
            try out.write(text.line(row.map { TextTable.Cell(AuditLayout.plain($0.text(language)), paint, Self.colour($0)) }))
        }
    }

    /// A matrix's marks in their outcome's colour, when the terminal is coloured.
    private static func colour(_ cell: ReportDocument.Cell) -> Painter.Colour? {
        guard case .mark(let outcome) = cell else { return nil }
        switch outcome {
        case .passed: return .green
        case .failed: return .red
        case .notReported, .notEvaluable: return .yellow
        case .waived: return .cyan
        }
    }

    private static func painted(_ text: String, _ tone: ReportDocument.Tone, _ paint: Painter) -> String {
        switch tone {
        case .good: return paint(.green, text)
        case .warn: return paint(.yellow, text)
        case .bad: return paint(.red, text)
        case .money: return paint(.bold, text)
        case .plain: return text
        }
    }
}
