import WardcheckCore

extension ReportDocument.Cell {
    /// The value as a person reads it in `language`: "1.000.000 ₫", "25%", "13,4/16",
    /// "04/12/2026", "không đạt". Writers for people (text, Markdown, HTML, DOCX) all use this.
    public func text(_ language: Language) -> String {
        switch self {
        case .text(let s), .code(let s), .unit(let s, _): return s
        case .count(let n): return NumberText.grouped(n, language)
        case .money(let amount): return NumberText.money(amount, language)
        case .percent(let n): return NumberText.grouped(n, language) + "%"
        case .score(let mean, let whole): return NumberText.decimal(mean, language) + "/" + NumberText.grouped(whole, language)
        case .date(let day): return day.written(language)
        case .outcome(let outcome): return outcome.label.text(language)
        case .mark(let outcome): return AuditLayout.symbol(outcome)
        case .empty: return ""
        case .decimal(let value, let places): return NumberText.decimal(value, language, places: places)
        case .change(let figure):
            // The sign a reader sees: "+" for a rise, the minus sign for a fall, none for no change.
            let (sign, size) = figure.signAndSize
            return (sign > 0 ? "+" : sign < 0 ? "\u{2212}" : "") + size.text(language)
        }
    }

    /// The value for a machine reading a CSV: figures without grouping, dates in ISO, the rest
    /// as people read it in `language`; a decimal written with `decimals`' mark (the CSV's
    /// separator decides it: "13,33" beside ";", "13.33" beside ",").
    public func plainValue(_ language: Language, decimals: Language? = nil) -> String {
        switch self {
        case .count(let n), .money(let n), .percent(let n): return String(n)
        case .score(let mean, let whole): return NumberText.decimal(mean, decimals ?? language, places: 2) + "/" + String(whole)
        case .date(let day): return day.description
        // A mark is for the eye; a sheet to filter wants the words.
        case .mark(let outcome): return outcome.label.text(language)
        case .decimal(let value, let places): return NumberText.decimal(value, decimals ?? language, places: places)
        // The signed figure ("-2", "3"): `CSV.cell` then neutralises a leading "-" as any other.
        case .change(let figure): return figure.plainValue(language, decimals: decimals)
        default: return text(language)
        }
    }
}

extension ReportDocument.Cell {
    /// A change's direction (1, −1, 0) and its size, the figure without its sign. A decimal's
    /// direction is that of the figure as written, so a change that rounds to "0,00" has none.
    var signAndSize: (Int, ReportDocument.Cell) {
        func size(_ n: Int) -> Int { n == Int.min ? Int.max : abs(n) }
        switch self {
        case .count(let n): return (n.signum(), .count(size(n)))
        case .money(let n): return (n.signum(), .money(size(n)))
        case .percent(let n): return (n.signum(), .percent(size(n)))
        case .decimal(let value, let places):
            let scale = (0..<max(0, places)).reduce(1.0) { a, _ in a * 10 }
            let shown = (value * scale).rounded()
            return (shown > 0 ? 1 : shown < 0 ? -1 : 0, .decimal(abs(value), places: places))
        default: return (0, self)
        }
    }
}

extension ReportDocument.Table {
    /// The column groups in words, for formats with no cells spanning columns:
    /// "Kết nối: TC01, TC02, TC03, TC04".
    public func groupLines() -> [String] {
        var first = 0
        var lines: [String] = []
        for group in groups {
            let labels = columns[min(first, columns.count)..<min(first + group.span, columns.count)].map(\.label)
            if !group.label.isEmpty { lines.append(group.label + ": " + labels.joined(separator: ", ")) }
            first += group.span
        }
        return lines
    }
}
