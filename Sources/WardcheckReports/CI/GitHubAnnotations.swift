import WardcheckCore

/// `--format github`: GitHub Actions workflow commands, so findings show on the pull request's
/// changed lines. Each file is a `::group::`; failed criteria and errors are `::error`, not
/// reported and warnings `::warning`, waived `::notice`; a one-line summary ends the output.
/// Every piece of ward text is escaped, so a file cannot smuggle in a workflow command of its own.
public enum GitHubAnnotations {
    /// `check --format github`: a group for every file, with its score line.
    public static func check(_ reports: [UnitReport], language: Language) -> String {
        var document = Document(language: language)
        for report in reports { document.add(part(report, language), report.tally) }
        document.finish()
        return String(decoding: document.take(), as: UTF8.self)
    }

    /// One file's group: its title and score, then a command for each finding.
    public static func part(_ report: UnitReport, _ language: Language) -> [UInt8] {
        var out = "::group::" + escapeData(groupTitle(report, language)) + "\n"
        for finding in Finding.all(report, language: language) { out += command(finding) }
        out += "::endgroup::\n"
        return Array(out.utf8)
    }

    /// The groups as they come, then the one-line summary, counted from each unit's tally.
    public struct Document: UnitByUnitDocument {
        private let language: Language
        private var bytes: [UInt8] = []
        private var files = 0, valid = 0, ready = 0
        private var failed = 0, notReported = 0, notEvaluable = 0, waived = 0

        public init(language: Language) { self.language = language }

        public mutating func add(_ part: [UInt8], _ tally: UnitReport.Tally) {
            bytes += part
            files += 1
            guard tally.valid else { return }
            valid += 1
            if tally.ready { ready += 1 }
            failed += tally.failed
            notReported += tally.notReported
            notEvaluable += tally.notEvaluable
            waived += tally.waived
        }

        public mutating func finish() {
            let invalid = files - valid
            let line = language == .vi
                ? "wardcheck: \(files) tệp, \(invalid) không hợp lệ; \(ready)/\(valid) đơn vị đạt đủ tiêu chí; "
                    + "\(failed) tiêu chí không đạt, \(notReported) chưa báo cáo, \(notEvaluable) không đánh giá được, \(waived) miễn trừ\n"
                : "wardcheck: \(NumberText.counted(files, vi: "tệp", en: "file", .en)), \(invalid) invalid; \(ready)/\(NumberText.counted(valid, vi: "đơn vị", en: "unit", .en)) meet every criterion; "
                    + "\(NumberText.counted(failed, vi: "tiêu chí", en: "criterion", enPlural: "criteria", .en)) failed, \(notReported) not reported, \(notEvaluable) not evaluable, \(waived) waived\n"
            bytes += line.utf8
        }

        public mutating func take() -> [UInt8] {
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
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
