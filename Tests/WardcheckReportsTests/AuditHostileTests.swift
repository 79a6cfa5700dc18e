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
            let html = AuditWritten.html(audit, language)
            XCTAssertFalse(html.lowercased().contains("<script"), "no script element, and no ward text that opens one")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;)"), "a name, escaped")
            // Contact names and phones are the units' personal data: no report of the city carries them.
            XCTAssertFalse(html.contains("=HYPERLINK(&quot;http://x&quot;), =HYPERLINK(&quot;http://x&quot;)"), "no contact")
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
        let csv = AuditWritten.csv(audit, .vi, separator: .comma)
        let cells = CSVReader.cells(csv)
        XCTAssertTrue(cells.contains("'" + Self.formula), "the formula name is kept, as text")
        XCTAssertTrue(cells.contains(Self.script))
        // The name is in the ranking and in the matrix, each time neutralised.
        XCTAssertEqual(cells.filter { $0 == "'" + Self.formula }.count, 2)
        // Contact names and phones are personal data: not in the city's spreadsheet.
        XCTAssertFalse(cells.contains { $0.contains(Self.formula + ", ") })
        for cell in cells {
            guard let first = cell.unicodeScalars.first else { continue }
            XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(first), "a cell starts with a formula character: \(cell)")
        }
    }

    func testCSVIsExcelReadyUTF8() throws {
        // Vietnamese Excel's list separator by default.
        XCTAssertTrue(AuditWritten.csv(try hostileAudit(), .vi).dropFirst().hasPrefix("section;figure;label;value;note;"))
        let csv = AuditWritten.csv(try hostileAudit(), .vi, separator: .comma)
        XCTAssertEqual(Array(Data(csv.utf8).prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(csv.dropFirst().hasPrefix("section,figure,label,value,note,"))
        // Every line ends CRLF: no bare LF outside a quoted cell; every record has the header's cells.
        let records = CSVReader.records(csv)
        XCTAssertTrue(records.allSatisfy { $0.count == records[0].count })
        XCTAssertEqual(records.filter { $0.first == "ranking" }.count, 4 + 1, "four units, and the note on the marks")
        XCTAssertEqual(records.filter { $0.first == "matrix" }.count, 4 + 6, "four units, and a note for each of the six groups")
        // These four units need nothing bought: the plan says so in a note, in the note column.
        XCTAssertEqual(records.filter { $0.first == "plan" }.map { $0[4] }, ["Không cần mua sắm."])
    }

    func testHTMLLoadsNothingFromTheNetwork() throws {
        // The one link is the empty icon, which keeps a browser from asking for /favicon.ico.
        let html = AuditWritten.html(try hostileAudit(), .vi).replacingOccurrences(of: "<link rel=\"icon\" href=\"data:,\">", with: "")
        let lower = html.lowercased()
        for tag in ["<link", "<script", "<img", "<iframe", "<object", "<embed", "@import"] {
            XCTAssertFalse(lower.contains(tag), tag)
        }
        let reference = try NSRegularExpression(pattern: #"(src|href|action|srcset)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//"#, options: .caseInsensitive)
        XCTAssertEqual(reference.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html)), 0)
    }

    func testMarkdownEscapesWardText() throws {
        let md = AuditWritten.markdown(try hostileAudit(), .en)
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains("&lt;script&gt;"))
        XCTAssertTrue(md.contains("Xã A \\| B \\*C\\* \\[x\\](http://x) \\`y\\`"))
        // Every row of the ranking and the matrix has its header's number of cells: no name split a row.
        let lines = md.components(separatedBy: "\n")
        let cells = { (line: String) in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        let headers = lines.filter { $0.hasPrefix("| Rank |") }
        XCTAssertEqual(headers.count, 2, "the ranking and the matrix")
        for header in headers {
            let start = try XCTUnwrap(lines.firstIndex(of: header)) + 2
            let rows = lines[start...].prefix { $0.hasPrefix("|") }
            XCTAssertEqual(rows.count, 4)
            XCTAssertTrue(rows.allSatisfy { cells($0) == cells(header) }, header)
        }
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
