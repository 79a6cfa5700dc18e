import WardcheckCore

/// The page around the diff and history HTML reports: self-contained like the audit's (no script,
/// font or image from elsewhere), so it opens offline, in a mail client, on paper. Callers pass
/// text already escaped with `HTML.escape`.
enum ProgressPage {
    static func wrap(title: String, meta: String, body: String, generator: String, language: Language) -> String {
        let footer = language == .vi
            ? "Tạo bởi wardcheck. Số liệu do các đơn vị tự báo cáo; đơn giá là ước tính trong criteria/catalogue.yaml."
            : "Made by wardcheck. Figures are self-reported by the units; unit costs are the estimates in criteria/catalogue.yaml."
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(HTML.escape(generator))">
        <title>\(title)</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>\(title)</h1>
        <p class="meta">\(meta)</p>
        </header>
        <main>
        \(body)</main>
        <footer><p>\(HTML.escape(footer))</p></footer>
        </body>
        </html>

        """
    }

    /// A table of already-escaped cells; `numeric` columns are right-aligned.
    static func table(_ headers: [String], numeric: Set<Int> = [], _ rows: [[String]], footer: [String]? = nil) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { i, cell in "<\(tag)\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell)</\(tag)>" }.joined()
        }
        var out = "<table class=\"data\">\n<thead><tr>" + cells(headers, tag: "th") + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
        out += "</tbody>\n"
        if let footer { out += "<tfoot><tr>" + cells(footer, tag: "td") + "</tr></tfoot>\n" }
        return out + "</table>\n"
    }

    /// A change with its colour: gains green, losses red. `better` says which direction is good
    /// (fewer invalid files and a smaller remaining cost are progress too).
    static func change(_ text: String, _ sign: Int, better: Int = 1) -> String {
        let tone = sign == 0 ? "same" : (sign > 0) == (better > 0) ? "up" : "down"
        return "<span class=\"chg \(tone)\">\(HTML.escape(text))</span>"
    }

    static let style = """

    :root { --good: #1a7f37; --good-bg: #dafbe1; --bad: #b42318; --bad-bg: #ffe4e0; --line: #d0d7de; --muted: #57606a; --accent: #0b5cad; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1200px; padding: 1.5rem; line-height: 1.4; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
    .meta, .note, footer { color: var(--muted); font-size: .9rem; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    table.data { width: 100%; } table.data th, table.data td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    table th.num, table td.num { text-align: right; white-space: nowrap; }
    tfoot td { border-top: 2px solid #1f2328; font-weight: 700; }
    .chg.up { color: var(--good); font-weight: 700; } .chg.down { color: var(--bad); font-weight: 700; } .chg.same { color: var(--muted); }
    .codes { font-size: .85rem; overflow-wrap: anywhere; }
    .gain { color: var(--good); } .loss { color: var(--bad); }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(30rem, 100%), 1fr)); gap: 1rem; }
    figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: .5rem .75rem; }
    figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
    svg { width: 100%; height: auto; font-family: inherit; }
    svg .axis { stroke: var(--line); } svg .grid { stroke: #eaeef2; } svg text { fill: var(--muted); font-size: 13px; }
    svg .line { fill: none; stroke: var(--accent); stroke-width: 2.5; } svg .dot { fill: var(--accent); } svg .gap { fill: #fff; stroke: var(--bad); }
    svg text.value { fill: #1f2328; font-weight: 600; }
    svg .line.s2 { stroke: #bf8700; stroke-dasharray: 6 3; } svg .dot.s2 { fill: #bf8700; }
    svg text.legend { font-size: 13px; } svg text.legend.s1 { fill: var(--accent); } svg text.legend.s2 { fill: #bf8700; }
    svg.spark { width: 120px; height: 28px; }
    td.heat { text-align: right; font-variant-numeric: tabular-nums; }
    footer { margin-top: 2rem; border-top: 1px solid var(--line); }
    @page { size: A4 landscape; margin: 12mm; }
    @media (max-width: 40rem) { body { padding: .75rem; } table.data { display: block; overflow-x: auto; } table.data th, table.data td { white-space: nowrap; } h1 { font-size: 1.3rem; } }
    @media print { body { max-width: none; padding: 0; font-size: 9pt; } tr, figure { break-inside: avoid; } h2 { break-after: avoid; } }

    """
}
