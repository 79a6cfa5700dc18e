import WardcheckCore

/// Any report document in a terminal: the title, the headline, the figures aligned, then each
/// section's heading in capitals over its tables and paragraphs. Ward text is shown on one line
/// with hidden and control characters made visible, so a name cannot repaint the terminal.
public struct DocumentText {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ document: ReportDocument) -> String {
        let paint = Painter(enabled: colour)
        let language = document.language
        var out = paint(.bold, AuditLayout.plain(document.title).uppercased()) + "\n\n"
        out += "  " + AuditLayout.plain(document.headline) + "\n"
        if !document.figures.isEmpty {
            out += "\n"
            let width = document.figures.map(\.label.count).max() ?? 0
            for figure in document.figures {
                let value = AuditLayout.plain(figure.value.text(language))
                out += "  " + AuditLayout.pad(AuditLayout.plain(figure.label) + ":", width + 1) + "  " + Self.painted(value, figure.tone, paint) + "\n"
            }
        }
        for section in document.sections {
            out += "\n" + paint(.bold, AuditLayout.plain(section.heading).uppercased()) + "\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += "  " + AuditLayout.plain(text) + "\n"
                case .table(let table):
                    if let caption = table.caption { out += "  " + AuditLayout.plain(caption) + ":\n" }
                    for line in table.groupLines() { out += "  " + AuditLayout.plain(line) + "\n" }
                    out += Self.table(table, language, paint)
                }
            }
        }
        return out
    }

    private static func table(_ table: ReportDocument.Table, _ language: Language, _ paint: Painter) -> String {
        let rows = table.rows + (table.total.map { [$0] } ?? [])
        let right = Set(table.columns.indices.filter { i in rows.contains { i < $0.count && $0[i].isFigure } })
        var text = TextTable(headers: table.columns.map { AuditLayout.plain($0.label) }, right: right)
        for row in rows { text.add(row.map { TextTable.Cell(AuditLayout.plain($0.text(language)), paint, Self.colour($0)) }) }
        text.ruleBeforeLast = table.total != nil
        return text.render()
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
