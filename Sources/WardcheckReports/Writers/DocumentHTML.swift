import WardcheckCore

/// Any report document as one self-contained page (no script, font or image from elsewhere), to
/// read on a desk or a phone and to print: on paper it is A4 with the report's title at the top
/// of every page and "page n / N" at the bottom (CSS `@page` margin boxes), tables whose header
/// repeats on each page and rows that do not split. Ward text is escaped wherever it goes.
public enum DocumentHTML {
    public static func render(_ document: ReportDocument, generator: String = "wardcheck") -> String {
        let language = document.language
        let vi = language == .vi
        var body = "<p class=\"headline\">" + HTML.escape(document.headline) + "</p>\n"
        if !document.figures.isEmpty {
            body += "<dl class=\"figures\">\n"
            for figure in document.figures {
                body += "<div class=\"figure \(figure.tone.rawValue)\"><dt>" + HTML.escape(figure.label) + "</dt><dd>"
                    + HTML.escape(figure.value.text(language)) + "</dd></div>\n"
            }
            body += "</dl>\n"
        }
        var contents = ""
        for section in document.sections {
            contents += "<li><a href=\"#\(section.key)\">" + HTML.escape(section.heading) + "</a></li>"
            body += "<section id=\"\(section.key)\" aria-labelledby=\"h-\(section.key)\">\n<h2 id=\"h-\(section.key)\">"
                + HTML.escape(section.heading) + "</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): body += "<p>" + HTML.escape(text) + "</p>\n"
                case .table(let table): body += Self.table(table, language)
                }
            }
            body += "</section>\n"
        }
        let nav = contents.isEmpty ? "" : "<nav aria-label=\"\(vi ? "Mục lục" : "Contents")\"><ol>" + contents + "</ol></nav>\n"
        let footer = vi
            ? "Tạo bởi wardcheck. Số liệu do các đơn vị tự báo cáo; đơn giá là ước tính trong danh mục của bộ tiêu chí."
            : "Made by wardcheck. Figures are self-reported by the units; unit costs are the estimates in the criteria's catalogue."
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(HTML.escape(generator))">
        <title>\(HTML.escape(document.title))</title>
        <style>\(style)\(PrintedPages.css(title: document.title, language: language))</style>
        </head>
        <body>
        <header>
        <h1>\(HTML.escape(document.title))</h1>
        </header>
        <main>
        \(nav)\(body)</main>
        <footer><p>\(HTML.escape(footer))</p></footer>
        </body>
        </html>

        """
    }

    private static func table(_ table: ReportDocument.Table, _ language: Language) -> String {
        let rows = table.rows + (table.total.map { [$0] } ?? [])
        let figures = Set(table.columns.indices.filter { i in rows.contains { i < $0.count && $0[i].isFigure } })
        func cells(_ row: [ReportDocument.Cell], tag: String) -> String {
            row.enumerated().map { i, cell in
                let scope = tag == "th" ? " scope=\"col\"" : ""
                let kind = figures.contains(i) ? " class=\"num\"" : ""
                return "<\(tag)\(scope)\(kind)>" + HTML.escape(cell.text(language)) + "</\(tag)>"
            }.joined()
        }
        var out = "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTML.escape(table.caption ?? table.columns.map(\.label).joined(separator: ", ")))\">\n"
        out += "<table>\n"
        if let caption = table.caption { out += "<caption>" + HTML.escape(caption) + "</caption>\n" }
        out += "<thead><tr>" + table.columns.enumerated().map { i, column in
            "<th scope=\"col\"\(figures.contains(i) ? " class=\"num\"" : "")>" + HTML.escape(column.label) + "</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
        out += "</tbody>\n"
        if let total = table.total { out += "<tfoot><tr>" + cells(total, tag: "td") + "</tr></tfoot>\n" }
        return out + "</table>\n</div>\n"
    }

    static let style = """

    :root { --good: #1a7f37; --good-bg: #dafbe1; --warn: #8a5a00; --warn-bg: #fff3c4; --bad: #b42318; --bad-bg: #ffe4e0; --line: #d0d7de; --muted: #57606a; --accent: #0b5cad; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1200px; padding: 1.5rem; line-height: 1.45; }
    h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
    .headline { font-size: 1.1rem; font-weight: 600; }
    nav ol { columns: 2 16rem; padding-left: 1.25rem; } nav a { display: inline-block; min-height: 24px; color: var(--accent); }
    dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem; margin: 1rem 0; }
    .figure { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .4rem .6rem; }
    .figure dt { font-size: .9rem; color: var(--muted); } .figure dd { margin: 0; font-size: 1.2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .figure.good { border-left-color: var(--good); } .figure.warn { border-left-color: var(--warn); } .figure.bad { border-left-color: var(--bad); } .figure.money { border-left-color: var(--accent); }
    .table { overflow-x: auto; margin: .5rem 0 1rem; } .table:focus { outline: 2px solid var(--accent); }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; } th.num, td.num { text-align: right; white-space: nowrap; }
    tfoot td { border-top: 2px solid #1f2328; font-weight: 700; }
    footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
    @media (max-width: 40rem) { body { padding: .75rem; } h1 { font-size: 1.3rem; } th, td { white-space: nowrap; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; }
      .table { overflow: visible; } thead { display: table-header-group; } tr { break-inside: avoid; } h2 { break-after: avoid; }
      .figure { break-inside: avoid; } a { color: inherit; text-decoration: none; }
    }
    """
}
