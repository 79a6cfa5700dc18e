import WardcheckCore

/// `diff --format csv`: the comparison for a spreadsheet, written like the audit's CSV (UTF-8 with
/// BOM, CRLF, RFC 4180, formula cells neutralised by `CSV.cell`, `;` and the decimal comma for a
/// Vietnamese report unless `--csv-separator` says otherwise). One header, several tables told
/// apart by the `section` column. There is no change column: `CSV.cell` writes a negative number
/// as text (a leading `-` starts a formula), so the spreadsheet computes after − before itself.
///
///
/// - `summary`: one row per headline figure (key, title, before, after);
/// - `became_ready`, `stopped_ready`: units ready now and not before, or the reverse (before/after:
///   criteria met, or where the unit stood when not evaluated; gained/lost criterion ids);
/// - `unit`: units evaluated both times whose outcomes or cost changed (before/after: criteria met;
///   gained and lost criterion ids; cost_before/cost_after);
/// - `criterion`: units meeting each criterion before/after, and the codes that gained or lost it;
/// - `submission`: units that came into or dropped out of the audit (before/after: where they stood);
/// - `plan`: each item to buy, quantities and line totals (cost_before/cost_after);
///   `plan_total`: the grand totals.
public enum DiffCSV {
    public static let columns = [
        "section", "key", "code", "name", "criterion", "title", "before", "after", "gained", "lost",
        "item", "item_name", "quantity_before", "quantity_after", "cost_before", "cost_after",
    ]

    public static func render(_ diff: AuditDiff, language: Language, separator: CSV.Separator? = nil) -> String {
        let separator = separator ?? .default(for: language)
        var out = CSV.byteOrderMark + CSV.row(columns, separator: separator)
        func add(_ section: String, _ values: [String: String]) {
            out += CSV.row(columns.map { $0 == "section" ? section : values[$0] ?? "" }, separator: separator)
        }
        let mark = separator.decimalLanguage
        for row in DiffSummary(diff).rows {
            add("summary", ["key": row.key, "title": row.label.text(language), "before": DiffSummary.Row.plain(row.before, decimalMark: mark) ?? "",
                            "after": DiffSummary.Row.plain(row.after, decimalMark: mark) ?? ""])
        }
        for (section, changes, column) in [("became_ready", diff.becameReady, "gained"), ("stopped_ready", diff.stoppedReady, "lost")] {
            for r in changes {
                add(section, ["code": r.code, "name": r.name, "key": r.before.rawValue + ">" + r.after.rawValue,
                              "before": r.passedBefore.map(String.init) ?? r.before.label.text(language),
                              "after": r.passedAfter.map(String.init) ?? r.after.label.text(language),
                              column: r.criteria.joined(separator: " ")])
            }
        }
        for u in diff.units {
            add("unit", ["code": u.code, "name": u.name, "before": String(u.passedBefore), "after": String(u.passedAfter),
                         "gained": u.gained.joined(separator: " "),
                         "lost": u.lost.joined(separator: " "),
                         "cost_before": String(u.costBefore), "cost_after": String(u.costAfter)])
        }
        for c in diff.criteria {
            add("criterion", ["criterion": c.id, "title": c.title.text(language), "before": c.passedBefore.map(String.init) ?? "",
                              "after": c.passedAfter.map(String.init) ?? "",
                              "gained": c.gained.joined(separator: " "), "lost": c.lost.joined(separator: " ")])
        }
        for m in diff.movements {
            add("submission", ["code": m.code, "name": m.name, "key": m.before.rawValue + ">" + m.after.rawValue,
                               "before": m.before.label.text(language), "after": m.after.label.text(language)])
        }
        for p in diff.plan {
            add("plan", ["item": p.item, "item_name": p.name.text(language), "quantity_before": String(p.quantityBefore),
                         "quantity_after": String(p.quantityAfter), "cost_before": String(p.totalBefore), "cost_after": String(p.totalAfter)])
        }
        add("plan_total", ["cost_before": String(diff.old.totalCost), "cost_after": String(diff.new.totalCost)])
        return out
    }
}
