import WardcheckCore

/// `audit --format csv`: one file Excel opens as it is (UTF-8 with BOM, CRLF, RFC 4180 quoting,
/// formula cells neutralised). Several tables share one header and a leading `section` column,
/// so a filter on that column gives each table and no reader has to find where one table ends:
///
/// - `unit`: one row per evaluated unit × criterion, in ranked order (code … cost);
/// - `plan`: one row per catalogue item to buy (item … unit_cost, cost = line total);
/// - `plan_total`: the grand total in `cost`;
/// - `action`: non-purchase actions (item = action key, quantity = how many, who);
/// - `not_submitted`: roster units with no file at all (code, name);
/// - `invalid`: files that could not be evaluated (file, quantity = error count, detail = first errors);
/// - `finding`: audit findings (file, outcome = severity and code, detail = message).
///
/// Amounts are whole đồng without grouping, so Excel reads them as numbers. docs/json.md documents the columns.
public enum AuditCSV {
    public static let columns = [
        "section", "code", "name", "contact", "file", "criterion", "group", "title", "outcome", "passed_count", "remedies",
        "cost", "item", "item_name", "quantity", "units", "unit_cost", "who", "detail",
    ]

    public static func render(_ audit: Audit, language: Language) -> String {
        var out = CSV.byteOrderMark + CSV.row(columns)
        func add(_ section: String, _ values: [String: String]) {
            out += CSV.row(columns.map { $0 == "section" ? section : values[$0] ?? "" })
        }
        for row in audit.rows {
            for (i, criterion) in audit.criteria.enumerated() {
                let remedies = row.remedies.filter { $0.criterion == criterion.id }
                add("unit", [
                    "code": row.code, "name": row.name, "contact": row.contact ?? "", "file": row.file,
                    "criterion": criterion.id, "group": criterion.group, "title": criterion.title.text(language),
                    "outcome": i < row.outcomes.count ? row.outcomes[i].label.text(language) : "",
                    "passed_count": String(row.passed),
                    "remedies": remedies.map { $0.text.text(language) }.joined(separator: "; "),
                    "cost": String(Money.sum(remedies.map(\.cost))),
                ])
            }
        }
        for line in audit.plan {
            add("plan", ["item": line.item, "item_name": line.name.text(language), "quantity": String(line.quantity),
                         "units": String(line.units), "unit_cost": String(line.unitCost), "cost": String(line.total)])
        }
        add("plan_total", ["cost": String(audit.grandTotal)])
        for action in audit.actions {
            add("action", ["item": action.key, "item_name": action.name.text(language), "quantity": String(action.count),
                           "units": String(action.units), "who": action.who.text(language)])
        }
        for unit in audit.notSubmitted {
            add("not_submitted", ["code": unit.code, "name": unit.name])
        }
        for file in audit.invalid {
            add("invalid", ["code": file.code ?? "", "file": file.file, "quantity": String(file.errorCount),
                            "detail": file.firstErrors.map { "\($0.start.line):\($0.start.column) \($0.code.rawValue) \($0.message.text(language))" }.joined(separator: "; ")])
        }
        for d in audit.diagnostics {
            add("finding", ["file": d.file, "outcome": "\(d.severity.rawValue)[\(d.code.rawValue)]", "detail": d.message.text(language)])
        }
        return out
    }
}
