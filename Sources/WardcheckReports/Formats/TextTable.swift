import WardcheckCore


/// Columns sized by `Character` count; colour is added after padding so escape codes never count.
/// A table is measured first (`measure`, every row once) and then written a line at a time
/// (`line`), so that its rows need never be held together.
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
    private(set) var widths: [Int]
    var indent = "  "
    var gap = "  "

    init(headers: [String], right: Set<Int> = []) {
        self.headers = headers
        self.right = right
        widths = headers.map(\.count)
    }

    /// Widens the columns to hold a row's texts (in characters).
    mutating func measure(_ texts: [String]) {
        for (i, text) in texts.enumerated() where i < widths.count { widths[i] = max(widths[i], text.count) }
    }

    /// The header and the rule under it.
    func head() -> String {
        line(headers.map { Cell($0) }) + rule()
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

    private func trimmingTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
