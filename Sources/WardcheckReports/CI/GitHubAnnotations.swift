import WardcheckCore

/// `--format github`: GitHub Actions workflow commands, so findings show on the pull request's
/// changed lines. Each file is a `::group::`; failed criteria and errors are `::error`, not
/// reported and warnings `::warning`, waived `::notice`; a one-line summary ends the output.
/// Every piece of ward text is escaped, so a file cannot smuggle in a workflow command of its own.
public enum GitHubAnnotations {
    /// `check --format github`: a group for every file, with its score line.
    public static func check(_ reports: [UnitReport], language: Language) -> String {
        let vi = language == .vi
        var out = ""
        for report in reports {
            out += "::group::" + escapeData(groupTitle(report, language)) + "\n"
            for finding in Finding.all(report, language: language) { out += command(finding) }
            out += "::endgroup::\n"
        }
        let cards = reports.compactMap(\.scorecard)
        let count = { (o: Outcome) in cards.reduce(0) { $0 + $1.count(o) } }
        let invalid = reports.count - cards.count
        out += vi
            ? "wardcheck: \(reports.count) tệp, \(invalid) không hợp lệ; \(cards.filter(\.ready).count)/\(cards.count) đơn vị đạt đủ tiêu chí; "
                + "\(count(.failed)) tiêu chí không đạt, \(count(.notReported)) chưa báo cáo, \(count(.notEvaluable)) không đánh giá được, \(count(.waived)) miễn trừ\n"
            : "wardcheck: \(NumberText.counted(reports.count, vi: "tệp", en: "file", .en)), \(invalid) invalid; \(cards.filter(\.ready).count)/\(NumberText.counted(cards.count, vi: "đơn vị", en: "unit", .en)) meet every criterion; "
                + "\(NumberText.counted(count(.failed), vi: "tiêu chí", en: "criterion", enPlural: "criteria", .en)) failed, \(count(.notReported)) not reported, \(count(.notEvaluable)) not evaluable, \(count(.waived)) waived\n"
        return out
    }

    /// `validate --format github`: a group only for files with diagnostics.
    public static func validate(_ files: [FactsFile], language: Language) -> String {
        var out = ""
        for file in files where !file.diagnostics.isEmpty {
            out += "::group::" + escapeData(file.path) + "\n"
            for d in file.diagnostics { out += command(Finding(diagnostic: d, language: language)) }
            out += "::endgroup::\n"
        }
        let invalid = files.filter { !$0.isValid }.count
        let errors = files.reduce(0) { $0 + $1.diagnostics.filter(\.isError).count }
        out += language == .vi
            ? "wardcheck: \(files.count) tệp: \(files.count - invalid) hợp lệ, \(invalid) không hợp lệ (\(errors) lỗi)\n"
            : "wardcheck: \(NumberText.counted(files.count, vi: "tệp", en: "file", .en)): \(files.count - invalid) valid, \(invalid) invalid (\(NumberText.counted(errors, vi: "lỗi", en: "error", .en)))\n"
        return out
    }

    private static func groupTitle(_ report: UnitReport, _ language: Language) -> String {
        guard let card = report.scorecard else {
            return report.file + (language == .vi ? " — không hợp lệ, chưa đánh giá" : " — invalid, not evaluated")
        }
        let unit = [card.code, card.name].compactMap { $0 }.joined(separator: " ")
        let verdict = card.ready ? (language == .vi ? "ĐẠT" : "READY") : (language == .vi ? "CHƯA ĐẠT" : "NOT READY")
        return report.file + (unit.isEmpty ? "" : " — " + unit) + ": \(card.passed)/\(card.total) " + verdict
    }

    /// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::message`.
    static func command(_ f: Finding) -> String {
        let name: String
        switch f.level {
        case .error: name = "error"
        case .warning: name = "warning"
        case .note: name = "notice"
        }
        var properties = [("file", f.file)]
        if let r = f.region {
            properties += [("line", String(r.line)), ("col", String(r.column))]
            if let endLine = r.endLine, let endColumn = r.endColumn {
                properties += [("endLine", String(endLine)), ("endColumn", String(endColumn))]
            }
        }
        properties.append(("title", f.title))
        return "::\(name) " + properties.map { "\($0.0)=" + escapeProperty($0.1) }.joined(separator: ",")
            + "::" + escapeData(f.message) + "\n"
    }

    /// The message part: `%`, `\r`, `\n` encoded, as the runner decodes them.
    public static func escapeData(_ s: String) -> String {
        escape(s, property: false)
    }

    /// A property value: as the message, and also `:` and `,`, which delimit properties.
    public static func escapeProperty(_ s: String) -> String {
        escape(s, property: true)
    }

    // Scalar by scalar: "\r\n" is one Character in Swift, and must still become %0D%0A.
    // Other hidden characters (bidirectional overrides, zero-width ones, escapes) are shown as
    // `\u{202E}` in the log, never raw.
    private static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        for scalar in HiddenCharacters.escaped(s, keeping: ["\r", "\n"]).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
