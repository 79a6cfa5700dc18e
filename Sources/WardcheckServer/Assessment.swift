import WardcheckCore
import WardcheckReports

/// The self-assessment's answers to the page: a form's answers scored with the command line's own
/// pipeline (`FormScoring`), shown the way the page shows them. Everything a person reads here is
/// in the schema's words; the file view (key paths, lines, codes) is only in `check_text` and
/// `diagnostics`, for the folded "as `wardcheck check`" panel.
struct Assessment {
    let criteria: CriteriaSet
    let evaluator: Evaluator
    let language: Language

    /// The name the text is checked under: the unit's own file name when its code is well formed.
    static func fileName(code: String?, schema: FactsSchema, language: Language) -> String {
        let code = code?.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if let code, case .code(let pattern, _)? = schema.field(schema.codeField)?.type,
           (try? Regex(pattern).wholeMatch(in: code)) != nil {
            return code + ".yaml"
        }
        return language == .vi ? "tu-danh-gia.yaml" : "self-assessment.yaml"
    }

    /// Scores answers typed in `typedIn` (the page's language unless the answers were kept from a
    /// page in the other one).
    func score(_ answers: [String: String], typedIn: Language? = nil, extraQuestions: [String: Localized] = [:]) -> FormScoring.Scored {
        var read = FormAnswers.read(answers, criteria: criteria, language: typedIn ?? language)
        for (field, question) in extraQuestions where read.values[field] == nil { read.questions[field] = question }
        return FormScoring(criteria: criteria, evaluator: evaluator).score(read, language: language)
    }

    /// The answer to `/api/evaluate`, `/api/upload` and `/api/submit`.
    /// `opened`: the file as it was opened, checked as `validate` checks it, for the file view.
    func json(_ scored: FormScoring.Scored, upload: UploadReading? = nil, opened: [Diagnostic]? = nil) -> JSON {
        let report = scored.report
        let card = report.scorecard
        let words = FactWords(schema: criteria.schema)
        let reader = AnswerReader(schema: criteria.schema, language: language)
        let strictFile = scored.strict
        let link: @Sendable (String) -> String = { "#" + AssessmentPage.fieldID($0) }
        var members: [(String, JSON)] = [
            ("schema", .string("wardcheck.assessment/2")),
            ("file", .string(scored.fileName)),
            ("valid", .bool(strictFile.isValid)),
            ("scored", .bool(card != nil)),
            ("code", .optional(card?.code)),
            ("name", .optional(card?.name)),
            ("passed", card.map { .int($0.passed) } ?? .null),
            ("total", card.map { .int($0.total) } ?? .null),
            ("ready", card.map { .bool($0.ready) } ?? .null),
            ("total_cost", card.map { .int($0.totalCost) } ?? .null),
            ("summary", .string(summary(card, requiredMissing: scored.requiredMissing.count))),
            ("score_line", .string(scoreLine(card))),
            // Each criterion's outcome and the remedies as `check --format json` gives them; the
            // full trace of every comparison stays out, as a phone on a weak signal pays for each byte.
            ("criteria", .array((card?.results ?? []).map { .object([("id", .string($0.id)), ("outcome", .string($0.outcome.rawValue))]) })),
            ("remedies", .array((card?.remedies ?? []).map { ScorecardJSON.remedy($0, language) })),
            ("questions", .array(scored.answers.questions.sorted { $0.key < $1.key }.map { field, text in
                .object([("field", .string(field)), ("text", .string(text.text(language)))])
            })),
            ("required_missing", .array(scored.requiredMissing.map { path in
                .object([("field", .string(path)), ("label", .string(words.label(path).text(language)))])
            })),
            // Each answer scored, as the page shows it: "1,5", "04/12/2026".
            ("shown", .object(scored.answers.values.sorted { $0.key < $1.key }
                .filter { $0.key != criteria.schema.formatField }
                .map { ($0.key, .string(reader.shown($0.value))) })),
            ("scorecard_html", .string(ScorecardHTML(criteria: criteria, language: language, fieldLink: link).render(report))),
            // The downloaded file as `wardcheck check` prints it, for whoever keeps the files.
            ("check_text", .string(Self.bounded(ScorecardText(criteria: criteria, language: language).render(strictFile), language))),
            ("diagnostics", .array(strictFile.diagnostics.map(fileView))),
        ]
        if let upload {
            members.append(("answers", .object(upload.answers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
            members.append(("notes", .array(upload.notes.sorted { $0.key < $1.key }.map { field, text in
                .object([("field", .string(field)), ("text", .string(text.text(language)))])
            })))
        }
        if let opened {
            members.append(("opened", .object([
                ("valid", .bool(opened.allSatisfy { !$0.isError })),
                ("diagnostics", .array(opened.map(fileView))),
            ])))
        }
        return .object(members)
    }

    /// The most of `check`'s text an answer carries: a hostile file's hundred diagnostics fit, a megabyte never does.
    static let longestCheckText = 64 << 10

    /// The text cut at a line before the limit, with how many lines were left out.
    static func bounded(_ text: String, _ language: Language) -> String {
        guard text.utf8.count > longestCheckText else { return text }
        var kept = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.first, kept.utf8.count + line.utf8.count + 1 <= longestCheckText - 200 {
            kept += line + "\n"
            lines = lines.dropFirst()
        }
        return kept + (language == .vi ? "… (còn \(lines.count) dòng không hiển thị)\n" : "… (\(lines.count) more lines not shown)\n")
    }

    /// A diagnostic as `validate` gives it: for the folded file view only.
    private func fileView(_ d: Diagnostic) -> JSON {
        .object([
            ("line", .int(d.start.line)),
            ("column", .int(d.start.column)),
            ("code", .string(d.code.rawValue)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message.text(language))),
            ("hint", .optional(d.hint?.text(language))),
            ("plain", .string(d.people.text(language))),
        ])
    }

    /// "14/16 tiêu chí đạt — CHƯA ĐẠT · còn 2 mục bắt buộc".
    private func summary(_ card: Scorecard?, requiredMissing: Int) -> String {
        let vi = language == .vi
        var text = scoreLine(card)
        if requiredMissing > 0 {
            text += vi ? " · còn \(requiredMissing) mục bắt buộc" : " · \(NumberText.counted(requiredMissing, vi: "", en: "required answer", .en)) to go"
        }
        return text
    }

    /// The line the page announces when it changes: "14/16 tiêu chí đạt — CHƯA ĐẠT".
    private func scoreLine(_ card: Scorecard?) -> String {
        let vi = language == .vi
        guard let card else { return vi ? "Chưa chấm được" : "Not scored yet" }
        return "\(card.passed)/\(card.total) " + (vi ? "tiêu chí đạt — " : "criteria met — ")
            + (card.ready ? (vi ? "ĐẠT" : "READY") : (vi ? "CHƯA ĐẠT" : "NOT READY"))
    }
}
