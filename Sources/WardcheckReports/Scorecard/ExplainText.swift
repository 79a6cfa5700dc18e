import WardcheckCore

/// `wardcheck explain`: each check's trace — facts read with positions, values, the comparison
/// and how its requirement was computed, the outcome, the remedy chosen.
public enum ExplainText {
    /// `schema` lets a formula's case ("[unit.terrain = mountain]") read in the reader's words.
    public static func render(_ r: CriterionResult, card: Scorecard, language: Language, schema: FactsSchema? = nil) -> String {
        let vi = language == .vi
        var out = "\(r.id) \(r.title.text(language)) — \(r.outcome.label.text(language))\n"
        out += Terminal.safe("\(card.name ?? "?") (\(card.code ?? "?")), \(card.file)") + "\n"
        if let day = card.evaluatedOn {
            out += (vi ? "Ngày đánh giá: \(day)" : "Judged as of: \(day)")
                + (card.asOf == day ? (vi ? " (ngày của số liệu)\n" : " (the facts' own date)\n") : " (--as-of)\n")
        }
        for check in r.checks {
            out += "\n" + (vi ? "kiểm tra " : "check ") + check.id + (check.title.map { ": " + $0.text(language) } ?? "") + "\n"
            if !check.guardComparisons.isEmpty {
                out += (vi ? "  khi (điều kiện áp dụng):\n" : "  when (applies if):\n")
                for c in check.guardComparisons { out += line(c, language, indent: "    ", schema) }
            }
            if check.outcome == .notApplicable {
                out += vi ? "  → không áp dụng\n" : "  → not applicable\n"
                continue
            }
            for c in check.comparisons { out += line(c, language, indent: "  ", schema) }
            out += "  → " + outcomeWord(check.outcome, language) + "\n"
            if let remedy = check.remedy {
                out += (vi ? "  biện pháp: " : "  remedy: ") + remedy.text.text(language)
                if let cost = remedy.unitCost, let quantity = remedy.quantity {
                    out += " (\(NumberText.grouped(quantity, language)) × \(NumberText.money(cost, language)) = \(NumberText.money(remedy.cost, language)))"
                } else if remedy.isUnpriced {
                    out += vi ? " (chưa tính được chi phí: cần \(remedy.facts.joined(separator: ", ")))"
                              : " (not priced yet: needs \(remedy.facts.joined(separator: ", ")))"
                }
                out += "\n"
            }
        }
        if !r.decidedWithout.isEmpty {
            out += "\n" + (vi ? "Kết quả như nhau với mọi giá trị của \(r.decidedWithout.joined(separator: ", ")), nên được đưa ra dù thiếu số liệu.\n"
                              : "The outcome is the same whatever \(r.decidedWithout.joined(separator: ", ")) is, so it is given though the facts are missing.\n")
        }
        if let p = r.problem {
            let place = [p.file, p.at.map { "\($0.line):\($0.column)" }].compactMap { $0 }.joined(separator: ":")
            out += "\n" + (vi ? "Không đánh giá được: " : "Not evaluable: ") + p.message.text(language)
                + (place.isEmpty ? "" : " (\(place))") + (p.facts.isEmpty ? "" : (vi ? "; số liệu liên quan: " : "; facts involved: ") + p.facts.joined(separator: ", ")) + "\n"
        }
        if let w = r.waiver {
            out += "\n" + Terminal.safe(vi ? "Miễn trừ đến \(w.expires) (\(w.approvedBy)): \(w.justification); kết quả gốc: \(r.underlying.label.vi)"
                                            : "Waived until \(w.expires) (\(w.approvedBy)): \(w.justification); underlying outcome: \(r.underlying.label.en)") + "\n"
        }
        if let w = r.expiredWaiver {
            out += "\n" + (vi ? "Miễn trừ đã hết hạn ngày \(w.expires), không áp dụng.\n" : "The waiver expired on \(w.expires) and is ignored.\n")
        }
        for remedy in r.remedies where remedy.kind == .report {
            out += "\n" + remedy.text.text(language) + " — " + remedy.who.text(language) + "\n"
        }
        return out
    }

    private static func line(_ c: ComparisonResult, _ language: Language, indent: String, _ schema: FactsSchema?) -> String {
        let vi = language == .vi
        let place = c.at.map { "\($0.line):\($0.column)" } ?? (vi ? "không có trong tệp" : "not in the file")
        var text = indent + "\(c.fact) [\(place)] = " + Terminal.safe(Presentation.observed(c).text(language))
        text += "; " + (vi ? "yêu cầu " : "requires ") + c.op.words.text(language) + " " + Presentation.required(c).text(language)
        if let formula = Presentation.formula(c) { text += "  (" + cases(formula.text(language), schema, language) + ")" }
        text += " → " + outcomeWord(c.outcome, language)
        if !c.missing.isEmpty { text += (vi ? " (thiếu: " : " (missing: ") + c.missing.joined(separator: ", ") + ")" }
        return text + "\n"
    }

    /// "[unit.terrain = mountain]" → "[unit.terrain = miền núi]": the key stays, the value reads as the schema labels it.
    private static func cases(_ formula: String, _ schema: FactsSchema?, _ language: Language) -> String {
        guard let schema, formula.contains("[") else { return formula }
        var out = ""
        var rest = formula[...]
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            out += rest[..<open]
            let inside = rest[rest.index(after: open)..<close]
            if let eq = inside.range(of: " = ") {
                let path = String(inside[..<eq.lowerBound])
                let value = String(inside[eq.upperBound...])
                out += "[" + path + " = " + (schema.field(path)?.display(value).text(language) ?? value) + "]"
            } else {
                out += "[" + inside + "]"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func outcomeWord(_ outcome: CheckOutcome, _ language: Language) -> String {
        switch outcome {
        case .passed: return Outcome.passed.label.text(language)
        case .failed: return Outcome.failed.label.text(language)
        case .notReported: return Outcome.notReported.label.text(language)
        case .notEvaluable: return Outcome.notEvaluable.label.text(language)
        case .notApplicable: return language == .vi ? "không áp dụng" : "not applicable"
        }
    }
}
