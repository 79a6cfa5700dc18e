import WardcheckCore
import WardcheckReports

extension OutputOptions {
    /// A report's document in the format asked, by that format's writer: what `audit`, `diff` and
    /// `history` share for every format but JSON, which each writes from its own schema before
    /// coming here. `heading` is asked for only by the official document. The formats for people
    /// are written as they are made (`StreamedOutput`), so the report is never whole in memory.
    func emit(_ document: ReportDocument, as format: AuditFormat, csvSeparator: CSV.Separator?, generator: String,
              heading: () -> OfficialHeading) throws {
        let language = document.language
        switch format {
        case .xlsx:
            try refuseBinaryOnTerminal(language)
            try stream { try DocumentWorkbook.write(document, scratch: SpillFile.folders(beside: output), to: &$0) }
        // The report as the city office sends it up: Decree 30/2020/NĐ-CP's layout.
        case .docx:
            try refuseBinaryOnTerminal(language)
            let heading = heading()
            try stream { try DocumentDOCX.write(document, heading: heading, scratch: SpillFile.folders(beside: output), to: &$0) }
        case .text, .json: try stream { try DocumentText(colour: colour).write(document, to: &$0) }
        case .csv: try stream { try DocumentCSV.write(document, separator: csvSeparator, to: &$0) }
        case .markdown: try stream { try DocumentMarkdown.write(document, to: &$0) }
        case .html: try stream { try DocumentHTML.write(document, options: .init(generator: generator, landscape: true), to: &$0) }
        }
    }

    /// A report written piece by piece to the file or standard output, the file replaced once the report is whole.
    private func stream(_ write: (inout StreamedOutput) throws -> Void) throws {
        var out = StreamedOutput(self)
        do {
            try write(&out)
        } catch {
            // Only the zip of a workbook or an official document can fail here (its temporary
            // files): a write to the report itself has already ended the run with its own message.
            out.abandon()
            StandardStreams.fail(Localized(vi: "wardcheck: không tạo được báo cáo: \(error)", en: "wardcheck: cannot make the report: \(error)"))
        }
        out.finish()
    }
}
