import WardcheckCore

/// `check --format json`, schema `wardcheck.check/1` (docs/json.md): everything the text shows.
public enum ScorecardJSON {
    public static func render(_ reports: [UnitReport], language: Language) -> String {
        var document = Document(language: language)
        for report in reports { document.add(part(report, language), report.tally) }
        document.finish()
        return String(decoding: document.take(), as: UTF8.self)
    }

    /// One unit's object, serialised at its depth in the document: made on the core that
    /// judged the unit, so the report is written as the units come and never held whole.
    public static func part(_ report: UnitReport, _ language: Language) -> [UInt8] {
        JSONStream.fragment(unit(report, language), level: 2)
    }

    /// The report written unit by unit, in the order the units are given; the summary comes last.
    public struct Document {
        private var json = JSONStream()
        private var files = 0
        private var valid = 0
        private var ready = 0
        private var costs = 0

        public init(language: Language) {
            json.beginObject()
            json.member("schema", .string("wardcheck.check/1"))
            json.member("language", .string(language.rawValue))
            json.key("units")
            json.beginArray()
        }

        public mutating func add(_ part: [UInt8], _ tally: UnitReport.Tally) {
            json.appendFragment(part)
            files += 1
            guard tally.valid else { return }
            valid += 1
            if tally.ready { ready += 1 }
            costs = Money.sum([costs, tally.cost])
        }

        public mutating func finish() {
            json.end()
            json.member("summary", .object([
                ("files", .int(files)),
                ("valid", .int(valid)),
                ("invalid", .int(files - valid)),
                ("ready", .int(ready)),
                ("total_cost", .int(costs)),
            ]))
            json.end()
        }

        /// The bytes written so far, to send to the output.
        public mutating func take() -> [UInt8] { json.take() }
    }

    public static func unit(_ report: UnitReport, _ language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("file", .string(report.file)),
            ("valid", .bool(report.isValid)),
            ("diagnostics", .array(report.diagnostics.map { ValidationJSON.diagnostic($0, language) })),
        ]
        guard let card = report.scorecard else { return .object(members) }
        members += [
            ("code", .optional(card.code)),
            ("name", .optional(card.name)),
            ("facts_date", .optional(card.asOf?.description)),
            ("evaluated_on", .optional(card.evaluatedOn?.description)),
            ("passed", .int(card.passed)),
            ("total", .int(card.total)),
            ("ready", .bool(card.ready)),
            ("counts", .object(Outcome.allCases.map { ($0.rawValue, .int(card.count($0))) })),
            ("criteria", .array(card.results.map { criterion($0, language) })),
            ("remedies", .array(card.remedies.map { remedy($0, language) })),
            ("total_cost", .int(card.totalCost)),
        ]
        return .object(members)
    }

    static func criterion(_ r: CriterionResult, _ language: Language) -> JSON {
        .object([
            ("id", .string(r.id)),
            ("group", .string(r.group)),
            ("title", .string(r.title.text(language))),
            ("outcome", .string(r.outcome.rawValue)),
            ("underlying_outcome", .string(r.underlying.rawValue)),
            ("checks", .array(r.checks.map { check in
                .object([
                    ("id", .string(check.id)),
                    ("outcome", .string(check.outcome.rawValue)),
                    ("comparisons", .array((check.guardComparisons + check.comparisons).map { comparison($0, language) })),
                ])
            })),
            ("missing", .array(r.missing.map { m in
                .object([("fact", .string(m.path)), ("block", .string(m.block)), ("line", .int(m.at.line)), ("column", .int(m.at.column))])
            })),
            ("waiver", r.waiver.map(waiver) ?? .null),
            ("expired_waiver", r.expiredWaiver.map(waiver) ?? .null),
            ("remedies", .array(r.remedies.map { remedy($0, language) })),
            ("problem", r.problem.map { problem($0, language) } ?? .null),
            ("decided_without", .array(r.decidedWithout.map(JSON.string))),
        ])
    }

    /// Why a criterion is not evaluable: the reason, the facts involved, and where in the criteria to look.
    static func problem(_ p: EvaluationProblem, _ language: Language) -> JSON {
        .object([
            ("criterion", .optional(p.criterion)),
            ("message", .string(p.message.text(language))),
            ("facts", .array(p.facts.map(JSON.string))),
            ("file", .optional(p.file)),
            ("line", .optional(p.at?.line)),
            ("column", .optional(p.at?.column)),
            ("criterion_fault", .bool(p.isCriterionFault)),
        ])
    }

    static func comparison(_ c: ComparisonResult, _ language: Language) -> JSON {
        .object([
            ("fact", .string(c.fact)),
            ("line", .optional(c.at?.line)),
            ("column", .optional(c.at?.column)),
            ("observed", .optional(c.observed?.display)),
            ("operator", .string(c.op.rawValue)),
            ("required", .string(c.required)),
            ("formula", .optional(c.formula)),
            ("unit", .optional(c.unit?.en)),
            ("days_ago", .optional(c.daysAgo)),
            ("outcome", .string(c.outcome.rawValue)),
            ("text", .string(Presentation.comparison(c).text(language))),
            ("missing", .array(c.missing.map(JSON.string))),
        ])
    }

    static func waiver(_ w: Waiver) -> JSON {
        .object([
            ("criterion", .string(w.criterion)),
            ("unit", .string(w.unit)),
            ("justification", .string(w.justification)),
            ("approved_by", .string(w.approvedBy)),
            ("expires", .string(w.expires.description)),
        ])
    }

    /// The remedy's `kind` member.
    private static func kind(_ r: Remedy) -> String {
        switch r.kind {
        case .item: return "purchase"
        case .action: return "action"
        case .report: return "report"
        }
    }

    /// The remedy object straight to bytes, member for member as `remedy(_:_:)` builds it: the
    /// audit writes one for every remedy of every unit, and building the value first was a
    /// third of each unit's part. `ScorecardJSONTests` holds the two to the same bytes.
    public static func remedy(_ r: Remedy, _ language: Language, into json: inout JSONStream) {
        json.beginObject()
        json.member("criterion", string: r.criterion)
        json.member("check", string: r.check)
        json.member("kind", string: kind(r))
        json.member("key", string: r.kindKey)
        json.member("name", string: r.name.text(language))
        json.member("text", string: r.text.text(language))
        json.member("who", string: r.who.text(language))
        if let quantity = r.quantity { json.member("quantity", int: quantity) } else { json.member("quantity", null: ()) }
        json.member("priced", bool: !r.isUnpriced)
        if let unitCost = r.unitCost { json.member("unit_cost", int: unitCost) } else { json.member("unit_cost", null: ()) }
        json.member("cost", int: r.cost)
        json.member("facts", strings: r.facts)
        json.end()
    }

    public static func remedy(_ r: Remedy, _ language: Language) -> JSON {
        let kind = kind(r)
        return .object([
            ("criterion", .string(r.criterion)),
            ("check", .optional(r.check)),
            ("kind", .string(kind)),
            ("key", .string(r.kindKey)),
            ("name", .string(r.name.text(language))),
            ("text", .string(r.text.text(language))),
            ("who", .string(r.who.text(language))),
            ("quantity", .optional(r.quantity)),
            ("priced", .bool(!r.isUnpriced)),
            ("unit_cost", .optional(r.unitCost)),
            ("cost", .int(r.cost)),
            ("facts", .array(r.facts.map(JSON.string))),
        ])
    }
}
