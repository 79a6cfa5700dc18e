import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Ward text is typed by many hands and opened by others in browsers and spreadsheets:
/// it must come out escaped in HTML and Markdown and neutralised in CSV.
final class AuditHostileTests: XCTestCase {
    static let script = "<script>alert(1)</script>"
    static let formula = "=HYPERLINK(\"http://x\")"

    private func hostileAudit() throws -> Audit {
        let folder = try AuditFixture.folder(self)
        let roster = try AuditFixture.copyRoster(to: folder)
        try AuditFixture.copy("20194", to: folder, edits: [
            ("unit", "name", "\"\(Self.script)\""),
            ("contact", "name", "'\(Self.formula)'"),
            ("contact", "phone", "'\(Self.formula)'"),
        ])
        try AuditFixture.copy("20203", to: folder, edits: [("unit", "name", "'\(Self.formula)'")])
        try AuditFixture.copy("20211", to: folder, edits: [("unit", "name", "\"Xã A | B *C* [x](http://x) `y`\"")])
        // A file name is ward text too.
        try AuditFixture.copy("20217", to: folder, as: "20217-<i>&\"'.yaml")
        let audit = AuditFixture.audit(files: try AuditFixture.wardFiles(in: folder), roster: roster, evaluator: AuditFixture.evaluator())
        XCTAssertEqual(audit.valid, 4)
        XCTAssertTrue(audit.rows.contains { $0.name == Self.script })
        return audit
    }

    func testHTMLEscapesWardText() throws {
        let audit = try hostileAudit()
        for language in Language.allCases {
            let html = AuditHTML.render(audit, language: language)
            XCTAssertFalse(html.lowercased().contains("<script"), "no script element, and no ward text that opens one")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;), =HYPERLINK(&quot;http://x&quot;)"), "the contact, escaped in its attribute")
            XCTAssertFalse(html.contains("<i>"))
            // The file's name is the file author's business, not the page's: it is not shown, raw or escaped.
            XCTAssertFalse(html.contains("20217-<i>") || html.contains("20217-&lt;i&gt;"))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
            XCTAssertTrue(html.contains("<title>"))
            XCTAssertTrue(html.contains("@media print"))
        }
    }

    func testCSVNeutralisesFormulas() throws {
        let audit = try hostileAudit()
        let csv = AuditCSV.render(audit, language: .vi, separator: .comma)
        let cells = CSVReader.cells(csv)
        XCTAssertTrue(cells.contains("'" + Self.formula), "the formula name is kept, as text")
        XCTAssertTrue(cells.contains(Self.script))
        // The contact (name, phone) reaches the spreadsheet too, neutralised like any cell.
        let contact = try XCTUnwrap(AuditCSV.columns.firstIndex(of: "contact"))
        let hostile = CSVReader.records(csv).filter { $0.first == "unit" && $0[1] == "20194" }
        XCTAssertEqual(hostile.count, 16)
        XCTAssertTrue(hostile.allSatisfy { $0[contact] == "'" + Self.formula + ", " + Self.formula }, hostile.first?[contact] ?? "")
        for cell in cells {
            guard let first = cell.unicodeScalars.first else { continue }
            XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(first), "a cell starts with a formula character: \(cell)")
        }
    }

    func testCSVIsExcelReadyUTF8() throws {
        // Vietnamese Excel's list separator by default.
        XCTAssertTrue(AuditCSV.render(try hostileAudit(), language: .vi).dropFirst().hasPrefix(AuditCSV.columns.joined(separator: ";") + "\r\n"))
        let csv = AuditCSV.render(try hostileAudit(), language: .vi, separator: .comma)
        XCTAssertEqual(Array(Data(csv.utf8).prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(csv.dropFirst().hasPrefix(AuditCSV.columns.joined(separator: ",") + "\r\n"))
        // Every line ends CRLF: no bare LF outside a quoted cell.
        let records = CSVReader.records(csv)
        XCTAssertTrue(records.allSatisfy { $0.count == AuditCSV.columns.count })
        XCTAssertEqual(records.filter { $0.first == "unit" }.count, 4 * 16)
        XCTAssertEqual(records.filter { $0.first == "plan_total" }.count, 1)
    }

    func testHTMLLoadsNothingFromTheNetwork() throws {
        // The one link is the empty icon, which keeps a browser from asking for /favicon.ico.
        let html = AuditHTML.render(try hostileAudit(), language: .vi).replacingOccurrences(of: "<link rel=\"icon\" href=\"data:,\">", with: "")
        let lower = html.lowercased()
        for tag in ["<link", "<script", "<img", "<iframe", "<object", "<embed", "@import"] {
            XCTAssertFalse(lower.contains(tag), tag)
        }
        let reference = try NSRegularExpression(pattern: #"(src|href|action|srcset)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//"#, options: .caseInsensitive)
        XCTAssertEqual(reference.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html)), 0)
    }

    func testMarkdownEscapesWardText() throws {
        let md = AuditMarkdown.render(try hostileAudit(), language: .en)
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains("&lt;script&gt;"))
        XCTAssertTrue(md.contains("Xã A \\| B \\*C\\* \\[x\\](http://x) \\`y\\`"))
        // Every matrix row has the header's number of cells: no name split a row.
        let matrix = md.components(separatedBy: "\n").filter { $0.range(of: #"^\| \d+ \| \d{5} \|"#, options: .regularExpression) != nil }
        XCTAssertEqual(matrix.count, 4)
        let header = md.components(separatedBy: "\n").first { $0.hasPrefix("| # |") }!
        let cells = { (line: String) in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        XCTAssertTrue(matrix.allSatisfy { cells($0) == cells(header) })
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted cells with doubled quotes.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { cell.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(cell); cell = ""
            } else if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                record.append(cell); cell = ""
                records.append(record); record = []
                i += 1
            } else {
                precondition(c != "\n", "bare LF outside a quoted cell")
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        precondition(cell.isEmpty && record.isEmpty, "the last record has no CRLF")
        return records
    }

    static func cells(_ text: String) -> [String] { records(text).flatMap { $0 } }
}
