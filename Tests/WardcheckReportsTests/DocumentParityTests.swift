import Foundation
@testable import WardcheckReports
import WardcheckCore
import XCTest
import ZIPFoundation

/// Every format says the same: the audit of the five-unit fixture city (Tests/Fixtures/city,
/// with 10002 also sent a second time, a file for 99999 the roster lacks, and a waiver of 10001's TC06 that lapsed on 01/07/2025) is
/// built once as a document and written by every writer; every section's heading, every table's
/// column labels and every cell, the headline and every figure are then found in each format,
/// written as that format writes them. A writer that dropped a block, a total row or a figure
/// fails here whatever report it renders.
final class DocumentParityTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "wardcheck-parity-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Tests/Fixtures/city").path, toPath: folder)
        try FileManager.default.copyItem(atPath: folder + "/10002-binh.yaml", toPath: folder + "/10002-binh-again.yaml")
        // A unit the roster does not have: a finding.
        let stranger = try String(contentsOfFile: folder + "/10001-an.yaml", encoding: .utf8).replacingOccurrences(of: "\"10001\"", with: "\"99999\"")
        try stranger.write(toFile: folder + "/99999-la.yaml", atomically: true, encoding: .utf8)
        let waivers = try String(contentsOfFile: folder + "/waivers.yaml", encoding: .utf8) + """
          - criterion: TC06
            unit: "10001"
            justification: "máy phát chờ thay"
            approved_by: "Phó Chủ tịch UBND thành phố"
            expires: 2025-07-01

        """
        try waivers.write(toFile: folder + "/waivers.yaml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func document(_ language: Language) throws -> ReportDocument {
        let audit = try FixtureCityAudit.audit(folder: folder, files: ["10001-an", "10002-binh", "10002-binh-again", "10003-cat", "10004-dao", "99999-la"])
        return AuditDocument.build(audit, language: language)
    }

    /// Every piece of text a reader must find, as the document holds it.
    private func pieces(_ document: ReportDocument) -> [String] {
        var out = [document.title, document.headline]
        for figure in document.figures { out += [figure.label, figure.value.text(document.language)] }
        for section in document.sections {
            out.append(section.heading)
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out.append(text)
                case .table(let table):
                    out += table.columns.map(\.label) + (table.caption.map { [$0] } ?? []) + table.groups.map(\.label)
                    for row in table.rows + (table.total.map { [$0] } ?? []) { out += row.map { $0.text(document.language) } }
                }
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// The sections this fixture must produce, so that a builder dropping one fails too.
    func testTheFixtureHasEverySection() throws {
        let keys = try document(.vi).sections.map(\.key)
        XCTAssertEqual(keys, ["not_submitted", "invalid", "duplicates", "findings", "expired_waivers", "stale", "criteria",
                              "ranking", "plan", "actions", "parties"])
    }

    func testTextHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let text = DocumentText().render(document)
            for piece in pieces(document) {
                let shown = AuditLayout.plain(piece)
                XCTAssertTrue(text.contains(shown) || text.contains(shown.uppercased()), "text lacks «\(piece)»")
            }
        }
    }

    func testMarkdownHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let markdown = DocumentMarkdown.render(document)
            for piece in pieces(document) { XCTAssertTrue(markdown.contains(DocumentMarkdown.escape(piece)), "Markdown lacks «\(piece)»") }
        }
    }

    func testHTMLHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let page = DocumentHTML.render(document)
            for piece in pieces(document) { XCTAssertTrue(page.contains(HTML.escape(piece)), "HTML lacks «\(piece)»") }
            XCTAssertTrue(page.contains("@bottom-center { content: \"\(language == .vi ? "Trang" : "Page") \" counter(page) \" / \" counter(pages)"),
                          "printed pages are numbered")
            XCTAssertTrue(page.contains("@top-center { content: \"\(PrintedPages.cssString(document.title))\""), "and carry the title")
        }
    }

    func testDOCXHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let data = try DocumentDOCX.data(document)
            // Word's text runs, joined: what python-docx and Word show. Headings are in capitals,
            // as the decree writes them; the title is the file's own (the page carries "BÁO CÁO"
            // and the subject instead).
            let text = OfficePart.runs(try OfficePart.part("word/document.xml", of: data))
            let locale = Locale(identifier: language == .vi ? "vi_VN" : "en_GB")
            for piece in pieces(document).dropFirst() {
                XCTAssertTrue(text.contains(piece) || text.contains(piece.uppercased(with: locale)), "DOCX lacks «\(piece)»")
            }
            XCTAssertTrue(text.contains(document.subject), "DOCX lacks the subject")
            XCTAssertTrue(try OfficePart.part("docProps/core.xml", of: data).contains("<dc:title>" + XML.escapeText(document.title) + "</dc:title>"))
        }
    }

    func testWorkbookHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let data = try DocumentWorkbook.data(document)
            let archive = try Archive(data: data, accessMode: .read)
            var cells: [String] = []
            for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
                cells.append(try OfficePart.part(entry.path, of: data))
            }
            let sheets = cells.joined()
            for section in document.sections {
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text):
                        XCTAssertTrue(sheets.contains(XML.escapeText(text)), "workbook lacks the note «\(text)»")
                    case .table(let table):
                        for label in table.columns.map(\.label) { XCTAssertTrue(sheets.contains(">" + XML.escapeText(label) + "<"), "workbook lacks «\(label)»") }
                        for row in table.rows + (table.total.map { [$0] } ?? []) {
                            for cell in row where !Self.workbookForm(cell, language).isEmpty {
                                XCTAssertTrue(sheets.contains(Self.workbookForm(cell, language)), "workbook lacks \(cell)")
                            }
                        }
                    }
                }
            }
            for figure in document.figures where !Self.workbookForm(figure.value, language).isEmpty {
                XCTAssertTrue(sheets.contains(Self.workbookForm(figure.value, language)), "workbook lacks \(figure.key)")
            }
        }
    }

    func testCSVHoldsEverything() throws {
        for language in [Language.vi, .en] {
            let document = try document(language)
            let csv = DocumentCSV.render(document)
            let separator = CSV.Separator.default(for: language)
            for section in document.sections {
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): XCTAssertTrue(csv.contains(CSV.cell(text, separator: separator)), "CSV lacks «\(text)»")
                    case .table(let table):
                        for row in table.rows + (table.total.map { [$0] } ?? []) {
                            let line = CSV.cell(table.key, separator: separator) + separator.character
                            XCTAssertTrue(csv.contains("\r\n" + line), "CSV lacks the section \(table.key)")
                            for cell in row where !cell.plainValue(language).isEmpty {
                                XCTAssertTrue(csv.contains(CSV.cell(cell.plainValue(language), separator: separator)), "CSV lacks \(cell)")
                            }
                        }
                    }
                }
            }
            for figure in document.figures { XCTAssertTrue(csv.contains(CSV.cell(figure.value.plainValue(language), separator: separator))) }
        }
    }

    /// How a cell is stored in a sheet: text inline, figures as numbers, dates as Excel's day count.
    private static func workbookForm(_ cell: ReportDocument.Cell, _ language: Language) -> String {
        switch cell {
        case .text(let s), .code(let s), .unit(let s, _): return ">" + XML.escapeText(s) + "<"
        case .count(let n), .money(let n): return "<v>\(n)</v>"
        // A sheet holds an outcome's words, a mark's too, so that a filter reads them.
        case .outcome(let o), .mark(let o): return ">" + XML.escapeText(o.label.text(language)) + "<"
        case .date(let day): return "<v>\(day.ordinal + 25_569)</v>"
        case .percent, .score, .empty, .decimal, .change: return ""
        }
    }
}
