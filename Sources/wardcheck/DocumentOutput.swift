import WardcheckCore
import WardcheckReports

extension OutputOptions {
    /// A report's document in the format asked, by that format's writer: what `audit`, `diff` and
    /// `history` share for every format but JSON, which each writes from its own schema before
    /// coming here. `heading` is asked for only by the official document.
    func emit(_ document: ReportDocument, as format: AuditFormat, csvSeparator: CSV.Separator?, generator: String,
              heading: () -> OfficialHeading) throws {
        let language = document.language
        switch format {
        case .xlsx: try emit(try DocumentWorkbook.data(document), language: language)
        // The report as the city office sends it up: Decree 30/2020/NĐ-CP's layout.
        case .docx: try emit(try DocumentDOCX.data(document, heading: heading()), language: language)
        case .text, .json: emit(DocumentText(colour: colour).render(document))
        case .csv: emit(DocumentCSV.render(document, separator: csvSeparator))
        case .markdown: emit(DocumentMarkdown.render(document))
        case .html: emit(DocumentHTML.render(document, options: .init(generator: generator, landscape: true)))
        }
    }
}
