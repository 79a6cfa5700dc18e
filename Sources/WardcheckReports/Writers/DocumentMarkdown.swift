import WardcheckCore

/// Any report document as GitHub-flavoured Markdown: a wiki page, a pull request comment, a
/// message. Ward text is escaped so that a name cannot open a link, a table cell or markup.
public enum DocumentMarkdown {
    public static func render(_ document: ReportDocument) -> String {
        MemoryOutput.text { try write(document, to: &$0) }
    }

    /// The page to `out` a line at a time.
    public static func write<Output: ReportOutput>(_ document: ReportDocument, to out: inout Output) throws {
        let language = document.language
        var head = "# " + escape(document.title) + "\n\n"
        head += "**" + escape(document.headline) + "**\n\n"
        if !document.figures.isEmpty {
            head += "| " + escape(Vocabulary.figure.text(language)) + " | " + escape(Vocabulary.value.text(language)) + " |\n|---|---:|\n"
            for figure in document.figures {
                head += "| " + escape(figure.label) + " | " + escape(figure.value.text(language)) + " |\n"
            }
        }
        try out.write(head)
        for section in document.sections {
            try out.write("\n## " + escape(section.heading) + "\n")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    try out.write("\n" + escape(text) + "\n")
                case .table(let table):
                    var lead = ""
                    if let caption = table.caption { lead += "\n**" + escape(caption) + "**\n" }
                    if !table.groups.isEmpty { lead += "\n" + table.groupLines().map { "- " + escape($0) + "\n" }.joined() }
                    try out.write(lead + "\n")
                    try Self.table(table, language, to: &out)
                }
            }
        }
    }

    private static func table<Output: ReportOutput>(_ table: ReportDocument.Table, _ language: Language, to out: inout Output) throws {
        let rows = table.rowsAndTotal
        let (figures, marks) = table.columnKinds()
        var head = "| " + table.columns.map { escape($0.label) }.joined(separator: " | ") + " |\n"
        head += "|" + table.columns.indices.map { i in
            figures.contains(i) ? "---:" : marks.contains(i) ? ":---:" : "---"
        }.joined(separator: "|") + "|\n"
        try out.write(head)
        for (n, row) in rows.enumerated() {
            let strong = table.total != nil && n == rows.count - 1
            try out.write("| " + row.map { cell in
                let text = escape(cell.text(language))
                return strong && !text.isEmpty ? "**" + text + "**" : text
            }.joined(separator: " | ") + " |\n")
        }
    }

    /// Markdown's own characters taken literally; HTML's three made entities; hidden characters shown.
    static func escape(_ text: String) -> String {
        Markdown.escape(text)
    }
}
