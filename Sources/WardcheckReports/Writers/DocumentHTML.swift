import Foundation
import WardcheckCore

/// Any report document as one self-contained page (no script, font or image from elsewhere), to
/// read on a desk or a phone and to print: on paper it is A4 with the report's title at the top
/// of every page and "page n / N" at the bottom (CSS `@page` margin boxes), tables whose header
/// repeats on each page and rows that do not split. Ward text is escaped wherever it goes.
///
/// The page is the document and nothing else; what a served page adds (the bar to move between
/// pages, links to each unit's own page) comes in `Options`, never as sections of its own.
public enum DocumentHTML {
    public struct Options {
        /// The served page's bar (the way back to the form, the other language), already markup.
        public var navigation: String?
        /// The address of a unit's own page from its code, where the page is served with one.
        public var unitLink: ((String) -> String)?
        public var generator: String
        /// Whether the page prints across the sheet: for reports whose tables are wide.
        public var landscape: Bool

        public init(navigation: String? = nil, unitLink: ((String) -> String)? = nil, generator: String = "wardcheck", landscape: Bool = false) {
            (self.navigation, self.unitLink, self.generator, self.landscape) = (navigation, unitLink, generator, landscape)
        }
    }

    public static func render(_ document: ReportDocument, generator: String = "wardcheck") -> String {
        render(document, options: Options(generator: generator))
    }

    public static func render(_ document: ReportDocument, options: Options) -> String {
        MemoryOutput.text { try write(document, options: options, to: &$0) }
    }

    /// The page to `out` piece by piece: its head, the figures and contents, then each section,
    /// a table a row at a time, so no table and no page is ever whole in memory.
    public static func write<Output: ReportOutput>(_ document: ReportDocument, options: Options, to out: inout Output) throws {
        let language = document.language
        let vi = language == .vi
        let h = HTML.escape
        let style = PageFrame.palette + Self.style + Self.chartStyle(document)
            + PrintedPages.css(title: document.title, language: language, landscape: options.landscape)
        let frame = PageFrame(language: language, title: document.title, generator: options.generator, style: .inline(style))
        var head = frame.opening() + (options.navigation ?? "") + "\n<header>\n<h1>" + h(document.title) + "</h1>\n<p class=\"subject\">"
            + h(document.subject) + "</p>\n</header>\n<main>\n"
        head += "<p class=\"headline\">" + h(document.headline) + "</p>\n"
        if !document.figures.isEmpty {
            head += "<dl class=\"figures\">\n"
            for figure in document.figures {
                // A figure in words (which criteria set) wraps; an amount or a count never breaks.
                let words: Bool
                if case .text = figure.value { words = true } else { words = false }
                head += "<div class=\"figure \(figure.tone.rawValue)\"><dt>" + h(figure.label) + "</dt><dd\(words ? " class=\"words\"" : "")>"
                    + h(figure.value.text(language)) + "</dd></div>\n"
            }
            head += "</dl>\n"
        }
        // The contents after the figures: what the city stands at comes first on a phone.
        let contents = document.sections.map { "<li><a href=\"#\($0.key)\">" + h($0.heading) + "</a></li>" }.joined()
        if !contents.isEmpty { head += "<nav class=\"toc\" aria-label=\"\(vi ? "Mục lục" : "Contents")\"><ol>" + contents + "</ol></nav>\n" }
        try out.write(head)
        for section in document.sections {
            try out.write("<section id=\"\(section.key)\" aria-labelledby=\"h-\(section.key)\">\n<h2 id=\"h-\(section.key)\">"
                + h(section.heading) + "</h2>\n")
            for block in section.blocks {
                switch block {
                case .paragraph(let text): try out.write("<p>" + h(text) + "</p>\n")
                case .table(let table):
                    if let bars = table.bars { try out.write(Self.bars(bars, table, language)) }
                    if !table.charts.isEmpty { try out.write(Self.charts(table, language)) }
                    try Self.table(table, language, options, to: &out)
                }
            }
            try out.write("</section>\n")
        }
        let footer = vi
            ? "Tạo bởi wardcheck. Số liệu do các đơn vị tự báo cáo; đơn giá là ước tính trong danh mục của bộ tiêu chí."
            : "Made by wardcheck. Figures are self-reported by the units; unit costs are the estimates in the criteria's catalogue."
        try out.write("</main>\n<footer><p>" + h(footer) + "</p></footer>" + PageFrame.closing)
    }

    private static func table<Output: ReportOutput>(_ table: ReportDocument.Table, _ language: Language, _ options: Options,
                                                    to output: inout Output) throws {
        let h = HTML.escape
        let (figures, marks) = table.columnKinds()
        func cell(_ cell: ReportDocument.Cell, _ i: Int) -> String {
            let column = i < table.columns.count ? table.columns[i].label : ""
            if i == table.rowHeader {
                return "<th scope=\"row\" class=\"name\">" + content(cell, language, options) + "</th>"
            }
            if case .mark(let outcome) = cell {
                // The mark for the eye, the outcome in words for a screen reader.
                return "<td class=\"mark o-\(outcome.rawValue)\"><span aria-hidden=\"true\">\(h(cell.text(language)))</span>"
                    + "<span class=\"visually-hidden\">\(h(column + ": " + outcome.label.text(language)))</span></td>"
            }
            let kind = figures.contains(i) ? " class=\"num\"" : marks.contains(i) ? " class=\"mark\"" : ""
            return "<td\(kind)>" + content(cell, language, options) + "</td>"
        }
        let wide = table.columns.count > 10 ? " wide" : ""
        var out = "<div class=\"table\(wide)\" role=\"region\" tabindex=\"0\" aria-label=\"\(h(table.caption ?? table.columns.map(\.label).joined(separator: ", ")))\">\n"
        out += "<table id=\"table-\(table.key)\">\n"
        if let caption = table.caption { out += "<caption>" + h(caption) + "</caption>\n" }
        out += "<thead>"
        if !table.groups.isEmpty {
            out += "<tr class=\"groups\">" + table.groups.map { group in
                group.label.isEmpty ? "<td colspan=\"\(group.span)\"></td>" : "<th scope=\"colgroup\" colspan=\"\(group.span)\">" + h(group.label) + "</th>"
            }.joined() + "</tr>"
        }
        out += "<tr>" + table.columns.enumerated().map { i, column in
            let kind = figures.contains(i) ? " class=\"num\"" : marks.contains(i) ? " class=\"mark\"" : ""
            return "<th scope=\"col\"\(kind)>" + h(column.label) + "</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        try output.write(out)
        for row in table.rows { try output.write("<tr>" + row.enumerated().map { cell($1, $0) }.joined() + "</tr>\n") }
        var end = "</tbody>\n"
        if let total = table.total { end += "<tfoot><tr>" + total.enumerated().map { cell($1, $0) }.joined() + "</tr></tfoot>\n" }
        try output.write(end + "</table>\n</div>\n")
    }

    /// A cell's words, a unit's name linked to its own page when the page is served with one.
    private static func content(_ cell: ReportDocument.Cell, _ language: Language, _ options: Options) -> String {
        if case .unit(let name, let code) = cell, let link = options.unitLink {
            return "<a href=\"\(HTML.escape(link(code)))\">" + HTML.escape(name) + "</a>"
        }
        return HTML.escape(cell.text(language))
    }

    /// The table's rows as stacked bars in plain CSS, each part a share of the whole; the words
    /// of every bar are given to screen readers, and the table below holds the same figures.
    private static func bars(_ bars: ReportDocument.Bars, _ table: ReportDocument.Table, _ language: Language) -> String {
        let h = HTML.escape
        guard bars.whole > 0 else { return "" }
        var out = "<figure class=\"bars\">\n<figcaption>" + h(bars.heading) + "</figcaption>\n<p class=\"legend\">"
        out += bars.parts.map { "<span class=\"key o-\($0.outcome.rawValue)\"></span> " + h($0.outcome.label.text(language)) }.joined(separator: " &nbsp; ")
        out += "</p>\n"
        for row in table.rows {
            let label = bars.label.compactMap { $0 < row.count ? row[$0].text(language) : nil }.joined(separator: " ")
            let parts = bars.parts.compactMap { part -> (Outcome, Int)? in
                guard part.column < row.count, case .count(let n) = row[part.column] else { return nil }
                return (part.outcome, n)
            }
            let words = parts.map { $0.0.label.text(language) + " " + NumberText.grouped($0.1, language) }.joined(separator: ", ")
            out += "<div class=\"bar-row\"><div class=\"bar-label\">" + h(label) + "</div>"
            out += "<div class=\"bar\" role=\"img\" aria-label=\"\(h(label + ": " + words))\">"
            for (outcome, count) in parts where count > 0 {
                let width = String(format: "%.2f", Double(count) * 100 / Double(bars.whole))
                out += "<span class=\"seg o-\(outcome.rawValue)\" style=\"width:\(width)%\"></span>"
            }
            let value = bars.value < row.count ? row[bars.value].text(language) : ""
            out += "</div><div class=\"bar-value\">" + h(value) + "</div></div>\n"
        }
        return out + "</figure>\n"
    }

    /// The layout of a report page, over the palette every page shares (`PageFrame.palette`):
    /// figures, tables that scroll in their own box on a phone (the name column kept in view),
    /// bars, the served page's bar.
    static let style = """

    body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; overflow-wrap: break-word; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
    .subject, footer { color: var(--muted); } footer { margin-top: 2rem; border-top: 1px solid var(--line); font-size: .9rem; }
    .headline { font-size: 1.15rem; font-weight: 600; margin: 1rem 0; }
    nav.toc ol { columns: 2 16rem; padding-left: 1.25rem; } nav.toc a { display: inline-block; min-height: 24px; }
    nav.top { background: var(--bar); margin: -1.5rem -1.5rem 1rem; padding: .3rem .9rem; justify-content: flex-end; }
    dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; margin: 1rem 0; }
    .figure { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .4rem .6rem; background: #f6f8fa; min-width: 0; }
    .figure dt { font-size: .9rem; color: var(--muted); } .figure dd { margin: 0; font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .figure dd.words { white-space: normal; font-size: 1rem; font-weight: 600; overflow-wrap: anywhere; }
    .figure.good { border-left-color: var(--passed); background: var(--passed-bg); } .figure.warn { border-left-color: var(--not_reported); background: var(--not_reported-bg); }
    .figure.bad { border-left-color: var(--failed); background: var(--failed-bg); } .figure.money { border-left-color: var(--waived); }
    .table { overflow: auto; max-width: 100%; margin: .5rem 0 1rem; position: relative; -webkit-overflow-scrolling: touch; }
    .table:focus { outline: 3px solid #80b3ff; outline-offset: 2px; }
    .table.wide { max-height: 85vh; border: 1px solid var(--line); }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    thead th, thead td { background: #f6f8fa; } th.num, td.num { text-align: right; white-space: nowrap; }
    tr.groups th { text-align: center; border-left: 1px solid var(--line); }
    th.mark, td.mark { text-align: center; padding: .2rem .25rem; }
    th.name { font-weight: 400; white-space: nowrap; position: sticky; left: 0; background: #fff; z-index: 1; }
    .wide thead { position: sticky; top: 0; z-index: 2; }
    tfoot td, tfoot th { border-top: 2px solid #1f2328; font-weight: 700; }
    td.o-passed, .key.o-passed, .seg.o-passed { color: var(--passed); background: var(--passed-bg); }
    td.o-failed, .key.o-failed { color: var(--failed); background: var(--failed-bg); font-weight: 700; }
    td.o-not_reported, .key.o-not_reported { color: var(--not_reported); background: var(--not_reported-bg); font-weight: 700; }
    td.o-not_evaluable, .key.o-not_evaluable { color: var(--not_evaluable); background: var(--not_evaluable-bg); font-weight: 700; }
    td.o-waived, .key.o-waived { color: var(--waived); background: var(--waived-bg); }
    figure.bars { margin: .5rem 0 1rem; } figure.bars figcaption { font-weight: 600; }
    .legend .key { display: inline-block; width: 1em; height: 1em; vertical-align: middle; border-radius: 3px; border: 1px solid var(--line); }
    .bar-row { display: grid; grid-template-columns: minmax(12rem, 26rem) minmax(0, 1fr) 3.5rem; gap: .75rem; align-items: center; font-size: .9rem; margin: .15rem 0; }
    .bar { display: flex; height: 1.1rem; background: #eaeef2; border-radius: 3px; overflow: hidden; min-width: 0; }
    .seg { display: block; height: 100%; flex: none; }
    .seg.o-passed { background: var(--passed); } .seg.o-waived, .key.o-waived { background: var(--waived); } .seg.o-not_reported, .key.o-not_reported { background: #d4a72c; }
    .seg.o-not_evaluable, .key.o-not_evaluable { background: #8250df; } .seg.o-failed, .key.o-failed { background: var(--failed); } .key.o-passed { background: var(--passed); }
    .bar-value { text-align: right; font-weight: 600; }
    @media (max-width: 40rem) {
      body { padding: .75rem; font-size: 15px; } nav.top { margin: -.75rem -.75rem .75rem; }
      h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; }
      dl.figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } .figure dd { font-size: 1.05rem; } .figure.money dd { font-size: .95rem; }
      .bar-row { grid-template-columns: minmax(0, 1fr) 3rem; gap: .1rem .5rem; } .bar-label { grid-column: 1 / -1; font-size: .85rem; }
      th, td { padding: .25rem .35rem; font-size: .85rem; }
    }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { max-width: none; padding: 0; font-size: 9pt; } nav { display: none; }
      .table, .table.wide { overflow: visible; max-height: none; border: 0; } .wide table { font-size: 6.5pt; }
      thead, .wide thead { display: table-header-group; position: static; } th.name { position: static; } tfoot { display: table-footer-group; }
      tr, .figure, .bar-row { break-inside: avoid; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; }
    }
    """
}

extension ReportDocument.Cell {
    var isMark: Bool {
        if case .mark = self { return true }
        return false
    }
}
