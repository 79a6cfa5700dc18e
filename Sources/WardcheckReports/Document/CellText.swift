import WardcheckCore

extension ReportDocument.Cell {
    /// The value as a person reads it in `language`: "1.000.000 ₫", "25%", "13,4/16",
    /// "04/12/2026", "không đạt". Writers for people (text, Markdown, HTML, DOCX) all use this.
    public func text(_ language: Language) -> String {
        switch self {
        case .text(let s), .code(let s): return s
        case .count(let n): return NumberText.grouped(n, language)
        case .money(let amount): return NumberText.money(amount, language)
        case .percent(let n): return NumberText.grouped(n, language) + "%"
        case .score(let mean, let whole): return NumberText.decimal(mean, language) + "/" + NumberText.grouped(whole, language)
        case .date(let day): return day.written(language)
        case .outcome(let outcome): return outcome.label.text(language)
        case .empty: return ""
        }
    }

    /// The value for a machine reading a CSV: figures without grouping, dates in ISO, the rest
    /// as people read it.
    public func plainValue(_ language: Language) -> String {
        switch self {
        case .count(let n), .money(let n), .percent(let n): return String(n)
        case .score(let mean, let whole): return NumberText.decimal(mean, language, places: 2) + "/" + String(whole)
        case .date(let day): return day.description
        default: return text(language)
        }
    }
}
