import WardcheckCore

/// `history --format csv`: one row per period, ready to chart in a spreadsheet: the headline
/// figures, then one column per criterion (units meeting it). Written like the audit's CSV (UTF-8
/// with BOM, CRLF, RFC 4180, every cell through `CSV.cell`, `;` and the decimal comma for a
/// Vietnamese report unless `--csv-separator` says otherwise). A period whose folder was absent or
/// could not be audited has its `status` and `reason` and empty figures.
public enum HistoryCSV {
    public static let columns = [
        "period", "end", "judged_on", "commit", "commit_date", "status", "reason", "files", "valid", "invalid", "audit_errors",
        "not_submitted", "ready", "stale", "mean_passed", "total_cost",
    ]

    public static func render(_ history: History, language: Language, separator: CSV.Separator? = nil) -> String {
        let separator = separator ?? .default(for: language)
        var out = CSV.byteOrderMark + CSV.row(columns + history.criteria.map(\.id), separator: separator)
        for point in history.points {
            var row = [point.period, point.end.description, point.judgedOn.description, point.commit.id, point.commit.day.description]
            switch point.reading {
            case .audited(let f):
                row += ["audited", "", String(f.files), String(f.valid), String(f.invalid), String(f.auditErrors),
                        f.notSubmitted.map(String.init) ?? "", String(f.ready), String(f.stale), NumberText.decimal(f.meanPassed, separator.decimalLanguage, places: 2), String(f.totalCost)]
                row += history.criteria.map { String(f.passed[$0.id] ?? 0) }
            case .absent:
                row += ["absent", ""] + Array(repeating: "", count: columns.count - 7 + history.criteria.count)
            case .failed(let reason):
                row += ["failed", reason.text(language)] + Array(repeating: "", count: columns.count - 7 + history.criteria.count)
            }
            out += CSV.row(row, separator: separator)
        }
        return out
    }
}
