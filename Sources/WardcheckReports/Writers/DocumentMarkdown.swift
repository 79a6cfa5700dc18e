import WardcheckCore

/// Any report document as GitHub-flavoured Markdown: a wiki page, a pull request comment, a
/// message. Ward text is escaped so that a name cannot open a link, a table cell or markup.
public enum DocumentMarkdown {
    public static func render(_ document: ReportDocument) -> String {
        let language = document.language
        var out = "# " + escape(document.title) + "\n\n"
        out += "**" + escape(document.headline) + "**\n\n"
        if !document.figures.isEmpty {
            out += "| " + escape(Vocabulary.figure.text(language)) + " | " + escape(Vocabulary.value.text(language)) + " |\n|---|---:|\n"
            for figure in document.figures {
                out += "| " + escape(figure.label) + " | " + escape(figure.value.text(language)) + " |\n"
            }
        }
        for section in document.sections {
            out += "\n## " + escape(section.heading) + "\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += "\n" + escape(text) + "\n"
                case .table(let table):
                    if let caption = table.caption { out += "\n**" + escape(caption) + "**\n" }
                    if !table.groups.isEmpty { out += "\n" + table.groupLines().map { "- " + escape($0) + "\n" }.joined() }
                    out += "\n" + Self.table(table, language)
                }
            }
        }
        return out
    }

    private static func table(_ table: ReportDocument.Table, _ language: Language) -> String {
        let rows = table.rows + (table.total.map { [$0] } ?? [])
        var out = "| " + table.columns.map { escape($0.label) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.indices.map { i in
            rows.contains { i < $0.count && $0[i].isFigure } ? "---:" : rows.contains { i < $0.count && $0[i].isMark } ? ":---:" : "---"
        }.joined(separator: "|") + "|\n"
        for (n, row) in rows.enumerated() {
            let strong = table.total != nil && n == rows.count - 1
            out += "| " + row.map { cell in
                let text = escape(cell.text(language))
                return strong && !text.isEmpty ? "**" + text + "**" : text
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Markdown's own characters taken literally; HTML's three made entities; hidden characters shown.
    static func escape(_ text: String) -> String {
        Markdown.escape(text)
    }
}
