import WardcheckCore

/// `validate` as text: each file's diagnostics, then one summary line.
public enum ValidationText {
    public static func render(_ files: [FactsFile], language: Language, colour: Bool = false) -> String {
        var out = ""
        for file in files {
            for d in file.diagnostics { out += DiagnosticText.render(d, language: language, colour: colour) + "\n" }
        }
        let invalid = files.filter { !$0.isValid }.count
        let errors = files.reduce(0) { $0 + $1.diagnostics.filter(\.isError).count }
        out += language == .vi
            ? "\(files.count) tệp: \(files.count - invalid) hợp lệ, \(invalid) không hợp lệ (\(errors) lỗi)\n"
            : "\(NumberText.counted(files.count, vi: "tệp", en: "file", .en)): \(files.count - invalid) valid, \(invalid) invalid (\(NumberText.counted(errors, vi: "lỗi", en: "error", .en)))\n"
        return out
    }
}

/// `validate --format json`: documented in docs/json.md as `wardcheck.validate/1`.
public enum ValidationJSON {
    public static func render(_ files: [FactsFile], language: Language = .vi) -> String {
        JSON.object([
            ("schema", .string("wardcheck.validate/1")),
            ("files", .array(files.map { file in
                .object([
                    ("file", .string(file.path)),
                    ("valid", .bool(file.isValid)),
                    ("diagnostics", .array(file.diagnostics.map { diagnostic($0, language) })),
                ])
            })),
            ("summary", .object([
                ("files", .int(files.count)),
                ("valid", .int(files.filter(\.isValid).count)),
                ("invalid", .int(files.filter { !$0.isValid }.count)),
                ("errors", .int(files.reduce(0) { $0 + $1.diagnostics.filter(\.isError).count })),
            ])),
        ]).serialised()
    }

    public static func diagnostic(_ d: Diagnostic, _ language: Language) -> JSON {
        .object([
            ("file", .string(d.file)),
            ("line", .int(d.start.line)),
            ("column", .int(d.start.column)),
            ("end_line", .optional(d.end?.line)),
            ("end_column", .optional(d.end?.column)),
            ("code", .string(d.code.rawValue)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message.text(language))),
            ("hint", .optional(d.hint?.text(language))),
        ])
    }
}
