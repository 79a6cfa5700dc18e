import WardcheckCore

/// `wardcheck criteria`: the loaded set, one line a criterion, with its checks.
public enum CriteriaText {
    public static func render(_ set: CriteriaSet, language: Language) -> String {
        var out = language == .vi
            ? "\(set.criteria.count) tiêu chí từ \(set.folder)\n"
            : "\(NumberText.counted(set.criteria.count, vi: "tiêu chí", en: "criterion", enPlural: "criteria", .en)) from \(set.folder)\n"
        for c in set.criteria {
            out += "\(c.id)  [\(c.group)]  \(c.title.text(language))\n"
            for check in c.checks {
                out += "      · \(check.id)" + (check.title.map { ": " + $0.text(language) } ?? "") + "\n"
            }
        }
        return out
    }

    public static func json(_ set: CriteriaSet, language: Language) -> JSON {
        .object([
            ("schema", .string("wardcheck.criteria/1")),
            ("folder", .string(set.folder)),
            ("criteria", .array(set.criteria.map { c in
                .object([
                    ("id", .string(c.id)),
                    ("group", .string(c.group)),
                    ("title", .string(c.title.text(language))),
                    ("rationale", .string(c.rationale.text(language))),
                    ("source", .string(c.source)),
                    ("file", .string(c.file)),
                    ("facts", .array(c.facts.map(JSON.string))),
                    ("checks", .array(c.checks.map { .string($0.id) })),
                    ("examples", .int(c.examples.count)),
                ])
            })),
        ])
    }
}
