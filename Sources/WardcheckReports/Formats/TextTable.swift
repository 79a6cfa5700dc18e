import WardcheckCore


/// Columns sized by `Character` count; colour is added after padding so escape codes never count.
struct TextTable {
    struct Cell {
        var text: String
        var shown: String

        init(text: String, shown: String) {
            self.text = text
            self.shown = shown
        }

        init(_ text: String, _ paint: Painter? = nil, _ colour: Painter.Colour? = nil) {
            self.text = text
            if let paint, let colour { shown = paint(colour, text) } else { shown = text }
        }
    }

    var headers: [String]
    var right: Set<Int>
    var rows: [[Cell]] = []
    /// Lines above the header, starting at column `preambleColumn` (the matrix's stacked criterion ids).
    var preamble: [String] = []
    var preambleColumn = 0
    var ruleBeforeLast = false

    init(headers: [String], right: Set<Int> = []) {
        self.headers = headers
        self.right = right
    }

    mutating func add(_ row: [Cell]) { rows.append(row) }

    func render(indent: String = "  ", gap: String = "  ") -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.text.count) }
        }
        func line(_ cells: [Cell]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let fill = String(repeating: " ", count: max(0, widths[i] - cell.text.count))
                parts.append(right.contains(i) ? fill + cell.shown : cell.shown + fill)
            }
            return indent + trimmingTrailing(parts.joined(separator: gap)) + "\n"
        }
        func rule() -> String { indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: gap) + "\n" }
        var out = ""
        let lead = widths.prefix(preambleColumn).reduce(0, +) + preambleColumn * gap.count
        for extra in preamble { out += indent + String(repeating: " ", count: lead) + extra + "\n" }
        out += line(headers.map { Cell($0) })
        out += rule()
        for (i, row) in rows.enumerated() {
            if ruleBeforeLast, i == rows.count - 1 { out += rule() }
            out += line(row)
        }
        return out
    }

    private func trimmingTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
