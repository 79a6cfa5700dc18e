import WardcheckCore
@testable import WardcheckReports

/// The audit as each format writes it: the one document, through the format's writer, as
/// `wardcheck audit --format …` does.
enum AuditWritten {
    static func text(_ audit: Audit, _ language: Language, colour: Bool = false) -> String {
        DocumentText(colour: colour).render(AuditDocument.build(audit, language: language))
    }

    static func markdown(_ audit: Audit, _ language: Language) -> String {
        DocumentMarkdown.render(AuditDocument.build(audit, language: language))
    }

    static func html(_ audit: Audit, _ language: Language) -> String {
        DocumentHTML.render(AuditDocument.build(audit, language: language))
    }

    static func csv(_ audit: Audit, _ language: Language, separator: CSV.Separator? = nil) -> String {
        DocumentCSV.render(AuditDocument.build(audit, language: language), separator: separator)
    }
}
