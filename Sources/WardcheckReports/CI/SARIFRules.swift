import Foundation
import WardcheckCore

/// The SARIF `reportingDescriptor`s: one a criterion, from the criteria folder as loaded, and one
/// a diagnostic code. Criteria come only from data; the codes are the tool's own, stable list.
enum SARIFRules {
    static func criterion(_ c: Criterion, _ language: Language) -> JSON {
        let vi = language == .vi
        let checks = c.checks.map { check in check.title?.text(language) ?? check.id }.joined(separator: "; ")
        let help = (vi ? "Kiểm tra: " : "Checks: ") + checks + ".\n"
            + (vi ? "Nguồn: " : "Source: ") + c.source + "\n"
            + (vi ? "Xem từng bước: wardcheck explain --criterion \(c.id) TỆP" : "Step by step: wardcheck explain --criterion \(c.id) FILE")
        return .object([
            ("id", .string(c.id)),
            ("name", .string(identifier(c.title.en, fallback: c.id))),
            ("shortDescription", .object([("text", .string(c.title.text(language)))])),
            ("fullDescription", .object([("text", .string(c.rationale.text(language)))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string("error"))])),
            ("properties", .object([
                ("group", .string(c.group)),
                ("file", .string(c.file)),
                ("tags", .array([.string("criterion"), .string(c.group)])),
            ])),
        ])
    }

    /// A criterion a result names that the loaded set does not describe (it cannot happen with one
    /// evaluator, but a rule must exist for every ruleId).
    static func criterion(id: String, title: Localized, _ language: Language) -> JSON {
        .object([
            ("id", .string(id)),
            ("name", .string(identifier(title.en, fallback: id))),
            ("shortDescription", .object([("text", .string(title.text(language)))])),
        ])
    }

    static func diagnostic(_ code: DiagnosticCode, _ language: Language) -> JSON {
        let description = code.title
        return .object([
            ("id", .string(code.rawValue)),
            ("name", .string(identifier(String(describing: code), fallback: code.rawValue))),
            ("shortDescription", .object([("text", .string(description.text(language)))])),
            ("help", .object([("text", .string(language == .vi
                ? "Xem docs/diagnostics.md, mục \(code.rawValue)."
                : "See docs/diagnostics.md, entry \(code.rawValue)."))])),
            ("properties", .object([("tags", .array([.string("diagnostic")]))])),
        ])
    }

    /// "Backup generator" → "BackupGenerator", "unknownKey" → "UnknownKey": SARIF wants a name
    /// that is an identifier, the same in every language.
    static func identifier(_ text: String, fallback: String) -> String {
        let folded = text.folding(options: .diacriticInsensitive, locale: nil)
        var out = ""
        for word in folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            out += word.prefix(1).uppercased() + word.dropFirst()
        }
        return out.isEmpty ? fallback : out
    }
}
