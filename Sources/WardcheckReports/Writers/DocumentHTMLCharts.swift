import WardcheckCore

/// A table's `charts` on the page: each a line chart in inline SVG (`LineChart`) above the table,
/// one point a row, one line a drawn column. The table below holds the same figures, and every
/// other format shows only the table; the chart is for the eye, and carries its heading for a
/// screen reader.
extension DocumentHTML {
    static func charts(_ table: ReportDocument.Table, _ language: Language) -> String {
        var out = "<div class=\"charts\">\n"
        for chart in table.charts {
            let names = chart.series.map { $0 < table.columns.count ? table.columns[$0].label : "" }
            let series = zip(chart.series, names).enumerated().map { n, drawn in
                LineChart.Series(name: drawn.1, values: table.rows.map { drawn.0 < $0.count ? $0[drawn.0].drawnValue : nil },
                                 style: "s\(n % 2 + 1)")
            }
            // The scale is written as the figures are: counts whole, amounts short, means with a decimal.
            let sample = table.rows.lazy.flatMap { row in chart.series.compactMap { $0 < row.count && row[$0].drawnValue != nil ? row[$0] : nil } }.first
            let points = table.rows.map { chart.label < $0.count ? $0[chart.label].text(language) : "" }
            let drawing = LineChart(labels: points, series: series, top: chart.top, whole: sample?.isCount ?? true,
                                    format: Self.scaleText(sample, language), description: chart.heading)
            out += "<figure class=\"chart\"><figcaption>" + HTML.escape(chart.heading) + "</figcaption>\n" + drawing.svg() + "\n</figure>\n"
        }
        return out + "</div>\n"
    }

    private static func scaleText(_ sample: ReportDocument.Cell?, _ language: Language) -> (Double) -> String {
        switch sample {
        case .money?: return { LineChart.compactMoney($0, language) }
        case .decimal?, .score?: return { NumberText.decimal($0, language, places: 1) }
        case .percent?: return { NumberText.grouped(Int($0.rounded()), language) + "%" }
        default: return { NumberText.grouped(Int($0.rounded()), language) }
        }
    }

    /// The lines' look, on a page that has a chart; the audit's page, which has none, is unchanged.
    static func chartStyle(_ document: ReportDocument) -> String {
        guard document.sections.contains(where: { $0.tables.contains { !$0.charts.isEmpty } }) else { return "" }
        return """

        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(30rem, 100%), 1fr)); gap: 1rem; margin: .5rem 0 1rem; }
        figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: .5rem .75rem; break-inside: avoid; }
        figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
        figure.chart svg { width: 100%; height: auto; font-family: inherit; }
        svg .axis { stroke: var(--line); } svg .grid { stroke: #eaeef2; } svg text { fill: var(--muted); font-size: 13px; }
        svg .line { fill: none; stroke: var(--waived); stroke-width: 2.5; } svg .dot { fill: var(--waived); }
        svg text.value { fill: #1f2328; font-weight: 600; }
        svg .line.s2 { stroke: #9a6700; stroke-dasharray: 6 3; } svg .dot.s2 { fill: #9a6700; }
        svg text.legend.s1 { fill: var(--waived); } svg text.legend.s2 { fill: #9a6700; }
        """
    }
}

extension ReportDocument.Cell {
    /// The value a chart draws; nil for a cell that holds no figure (a period with no reading).
    var drawnValue: Double? {
        switch self {
        case .count(let n), .money(let n), .percent(let n): return Double(n)
        case .decimal(let value, _), .score(let value, _): return value
        default: return nil
        }
    }

    var isCount: Bool {
        if case .count = self { return true }
        return false
    }
}
