import WardcheckCore

/// `audit --format csv`: one file Excel opens as it is (UTF-8 with BOM, CRLF, RFC 4180 quoting,
/// formula cells neutralised, `;` for Vietnamese Excel and `,` for English unless
/// `--csv-separator` says otherwise). Several tables share one header and a leading `section`
/// column, so a filter on that column gives each table and no reader has to find where one ends:
///
/// - `summary`: the summary figures (item = key, item_name = label, quantity = count, cost = amount, detail = as read);
/// - `unit`: one row per evaluated unit × criterion, in ranked order (code … cost, facts_date, stale = yes/no
///   in the report's language: "có"/"không", "yes"/"no");
/// - `plan`: one row per item to buy and party (item … unit_cost, cost = line total, who, role);
/// - `plan_unit`: one row per item, party and unit that needs it (code, name, item, quantity, unit_cost, cost, who, role);
/// - `plan_total`: the grand total in `cost`;
/// - `action`: non-purchase actions (item = action key, quantity = how many, units, who, role);
/// - `action_unit`: one row per action, party and unit (code, name, item, quantity, who, role);
/// - `party`: one row per responsible party (who, role, units, cost = what it buys);
/// - `not_submitted`: roster units with no file at all (code, name, detail = the roster's other columns);
/// - `invalid`: files that could not be evaluated (file, quantity = error count, detail = first errors);
/// - `finding`: audit findings (file, outcome = severity and code, detail = message);
/// - `not_evaluable`: criteria that could not be computed for a unit (code, name, criterion, detail = why).
///
/// Amounts and counts are plain integers without grouping, so Excel reads them as numbers.
/// docs/json.md documents the columns.
public enum AuditCSV {
    public static let columns = [
        "section", "code", "name", "contact", "file", "criterion", "group", "title", "outcome", "passed_count", "remedies",
        "cost", "item", "item_name", "quantity", "units", "unit_cost", "who", "detail", "role", "facts_date", "stale",
    ]

    public static func render(_ audit: Audit, language: Language, separator: CSV.Separator? = nil) -> String {
        let separator = separator ?? .default(for: language)
        var out = CSV.byteOrderMark + CSV.row(columns, separator: separator)
        func add(_ section: String, _ values: [String: String]) {
            out += CSV.row(columns.map { $0 == "section" ? section : values[$0] ?? "" }, separator: separator)
        }
        for figure in AuditSummary(audit).figures {
            var values = ["item": figure.key, "item_name": figure.label.text(language)]
            switch figure.value {
            case .count(let n): values["quantity"] = String(n)
            case .money(let amount): values["cost"] = String(amount)
            case .score(let mean, let whole):
                values["detail"] = NumberText.decimal(mean, separator.decimalLanguage, places: 2) + "/" + String(whole)
            case .text(let text): values["detail"] = text.text(language)
            }
            add("summary", values)
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
                    "facts_date": row.asOf?.description ?? "",
                    "stale": row.stale ? (language == .vi ? "có" : "yes") : (language == .vi ? "không" : "no"),
                ])
            }
        }
        func byCode(_ shares: [Audit.Need]) -> [Audit.Need] {
            shares.sorted { audit.rows[Int($0.index)].code < audit.rows[Int($1.index)].code }
        }
        for line in audit.plan {
            add("plan", ["item": line.item, "item_name": line.name.text(language), "quantity": String(line.quantity),
                         "units": String(line.units), "unit_cost": String(line.unitCost), "cost": String(line.total),
                         "who": line.who.text(language), "role": line.role])
        }
        for line in audit.plan {
            for share in byCode(line.shares) {
                let row = audit.rows[Int(share.index)]
                add("plan_unit", ["code": row.code, "name": row.name, "item": line.item, "item_name": line.name.text(language),
                                  "quantity": String(share.quantity), "unit_cost": String(line.unitCost),
                                  "cost": String(Money.times(line.unitCost, Int(share.quantity))), "who": line.who.text(language), "role": line.role])
            }
        }
        add("plan_total", ["cost": String(audit.grandTotal)])
        for action in audit.actions {
            add("action", ["item": action.key, "item_name": action.name.text(language), "quantity": String(action.count),
                           "units": String(action.units), "who": action.who.text(language), "role": action.role])
        }
        for action in audit.actions {
            for share in byCode(action.shares) {
                let row = audit.rows[Int(share.index)]
                add("action_unit", ["code": row.code, "name": row.name, "item": action.key, "item_name": action.name.text(language),
                                    "quantity": String(share.quantity), "who": action.who.text(language), "role": action.role])
            }
        }
        for party in audit.parties {
            add("party", ["who": party.who.text(language), "role": party.role, "units": String(party.units), "cost": String(party.total)])
        }
        for unit in audit.notSubmitted {
            let detail = audit.rosterColumns.map { "\($0.label.text(language)): \(AuditLayout.attribute(unit, $0, language))" }
            add("not_submitted", ["code": unit.code, "name": unit.name, "detail": detail.joined(separator: "; ")])
        }
        for file in audit.invalid {
            add("invalid", ["code": file.code ?? "", "file": file.file, "quantity": String(file.errorCount),
                            "detail": file.firstErrors.map { "\($0.start.line):\($0.start.column) \($0.code.rawValue) \($0.message.text(language))" }.joined(separator: "; ")])
        }
        for row in audit.rows {
            for p in row.problems {
                add("not_evaluable", ["code": row.code, "name": row.name, "criterion": p.criterion ?? "", "detail": p.message.text(language)])
            }
        }
        for d in audit.diagnostics {
            add("finding", ["file": d.file, "outcome": "\(d.severity.rawValue)[\(d.code.rawValue)]", "detail": d.message.text(language)])
        }
        return out
    }
}
