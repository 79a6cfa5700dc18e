import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Unit names, codes, file and folder names reach the diff and history reports from ward files and
/// the command line: every writer must escape them for its sink, whatever document it renders.
final class ProgressHostileTests: XCTestCase {
    static let script = "<script>alert(1)</script>"
    static let formula = "=HYPERLINK(\"http://x\")"
    static let markdown = "Xã A | B *C* [x](http://x) `y`"
    static let terminal = "Xã \u{1B}[31mđỏ\u{7}\nxuống dòng"

    private func snapshot(_ units: [(String, String, [String])], source: String) -> AuditSnapshot {
        let criteria = ["TC01", "TC02"].map { AuditSnapshot.Criterion(id: $0, group: "g", title: Localized(vi: "Tiêu chí " + $0, en: "Criterion " + $0)) }
        return AuditSnapshot(
            source: source, province: Self.script, evaluatedOn: nil, rosterUnits: 4, files: units.count, criteria: criteria,
            units: units.map { code, name, outcomes in
                let passed = outcomes.filter { $0 == "passed" }.count
                return AuditSnapshot.Unit(code: code, name: name, file: "w/\(code).yaml", passed: passed, total: 2, ready: passed == 2,
                                          outcomes: Dictionary(uniqueKeysWithValues: zip(["TC01", "TC02"], outcomes)), cost: (2 - passed) * 1_000_000)
            },
            invalid: [], notSubmitted: [AuditSnapshot.Absent(code: "00009", name: Self.formula)],
            plan: [AuditSnapshot.PlanLine(item: "x", name: Localized(Self.script), quantity: units.count, total: 1_000_000)], totalCost: 1_000_000)
    }

    /// Four hostile names, each moving in a different way so that every section of the report shows ward text.
    private func hostileDiff() -> AuditDiff {
        let before = snapshot([("00001", Self.script, ["passed", "failed"]), ("00002", Self.formula, ["passed", "passed"]),
                               ("00003", Self.markdown, ["failed", "failed"])], source: "<b>before</b>.json")
        let after = snapshot([("00001", Self.script, ["passed", "passed"]), ("00002", Self.formula, ["failed", "passed"]),
                              ("00004", Self.terminal, ["passed", "passed"])], source: "=before.json")
        return AuditDiff(old: before, new: after)
    }

    func testTheHostileDiffTouchesEverySection() {
        let d = hostileDiff()
        XCTAssertEqual(d.becameReady.map(\.code), ["00001", "00004"])
        XCTAssertEqual(d.stoppedReady.map(\.code), ["00002"])
        XCTAssertEqual(d.movements.map(\.code), ["00003", "00004"])
    }

    private func written(_ language: Language) -> ReportDocument { DiffDocument.build(hostileDiff(), language: language) }

    func testHTMLEscapesWardText() {
        for language in Language.allCases {
            let html = DocumentHTML.render(written(language))
            XCTAssertFalse(html.lowercased().contains("<script"), "no script element, and no ward text that opens one")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
            XCTAssertTrue(html.contains("&lt;b&gt;before&lt;/b&gt;.json"))
            XCTAssertFalse(html.contains("<b>before"))
            XCTAssertFalse(html.contains("\u{1B}"))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            Self.assertOffline(html)
        }
    }

    func testMarkdownEscapesWardText() {
        let md = DocumentMarkdown.render(written(.en))
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains("&lt;script&gt;"))
        XCTAssertTrue(md.contains("Xã A \\| B \\*C\\* \\[x\\](http://x) \\`y\\`"), md)
        XCTAssertFalse(md.contains("\u{1B}"))
        // Every row of the units table has the header's number of cells: no name split a row.
        let lines = md.components(separatedBy: "\n")
        let cells = { (line: String) in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        // Each table's rows: as many cells as its header, the line above its rule.
        var header: String?
        var rows = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("|") {
            if i + 1 < lines.count, lines[i + 1].hasPrefix("|---") || lines[i + 1].hasPrefix("|:--") { header = line; continue }
            guard !line.hasPrefix("|---"), !line.hasPrefix("|:--"), let header else { continue }
            if line.hasPrefix("| 0000") { rows += 1 }
            XCTAssertEqual(cells(line), cells(header), line)
        }
        XCTAssertGreaterThan(rows, 0)
    }

    func testCSVNeutralisesFormulas() {
        let csv = DocumentCSV.render(written(.vi), separator: .comma)
        let records = CSVReader.records(csv)
        XCTAssertTrue(records.allSatisfy { $0.count == records[0].count })
        let cells = records.flatMap { $0 }
        XCTAssertTrue(cells.contains("'" + Self.formula), "the formula name is kept, as text")
        XCTAssertTrue(cells.contains(Self.script))
        for cell in cells {
            guard let first = cell.unicodeScalars.first else { continue }
            XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(first), "a cell starts with a formula character: \(cell)")
        }
    }

    func testTerminalTextDropsControlCharacters() {
        let text = DocumentText().render(written(.vi))
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{7}"))
        XCTAssertFalse(text.contains("\nxuống dòng"), "a line break in a name cannot start a line of the report")
        // Shown escaped, as in every text report (AuditLayout.plain), never sent to the terminal.
        XCTAssertTrue(text.contains("Xã \\u{1B}[31mđỏ\\u{7}\\u{A}xuống dòng"), text)
    }

    func testJSONEscapesAndStaysParseable() throws {
        let json = DiffJSON.render(hostileDiff(), language: .en)
        XCTAssertFalse(json.contains("<script"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let submissions = try XCTUnwrap(object["submissions"] as? [[String: Any]])
        XCTAssertEqual(submissions.last?["name"] as? String, Self.terminal, "JSON carries the text exactly, escaped")
    }

    // MARK: History

    private func hostileHistory() -> History {
        let figures = History.Figures(files: 3, valid: 2, invalid: 1, auditErrors: 0, notSubmitted: 1, ready: 1, stale: 0, meanPassed: 1.5,
                                      totalCost: 2_000_000, passed: ["TC01": 2, "TC02": 1])
        let commit = WardsRepository.Commit(id: String(repeating: "a", count: 40), day: Day(iso: "2025-07-10")!)
        return History(criteria: [("TC01", "g", Localized(Self.script)), ("TC02", "g", Localized(Self.formula))],
                       path: "<img src=x>|=1", every: .month, evaluatedOn: nil, points: [
                        History.Point(period: "2025-07", end: Day(iso: "2025-07-31")!, judgedOn: Day(iso: "2025-07-31")!, commit: commit, reading: .audited(figures)),
                        History.Point(period: "2025-08", end: Day(iso: "2025-08-31")!, judgedOn: Day(iso: "2025-08-31")!, commit: commit, reading: .failed(Localized(Self.script + Self.terminal))),
                       ])
    }

    func testHistoryHTMLEscapesAndDrawsOfflineSVG() {
        let html = DocumentHTML.render(HistoryDocument.build(hostileHistory(), language: .vi))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;img src=x&gt;"))
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(html.contains("\u{1B}"))
        Self.assertOffline(html)
    }

    func testHistoryCSVMarkdownTextAndJSON() throws {
        let history = hostileHistory()
        let records = CSVReader.records(DocumentCSV.render(HistoryDocument.build(history, language: .en)))
        let header = try XCTUnwrap(records.first)
        XCTAssertTrue(header.contains("2025-07") && header.contains("2025-08"), "a column a period in the criteria table")
        XCTAssertTrue(records.allSatisfy { $0.count == header.count })
        XCTAssertTrue(records.flatMap { $0 }.allSatisfy { cell in !["=", "+", "-", "@"].contains(cell.unicodeScalars.first ?? " ") })
        XCTAssertTrue(records.flatMap { $0 }.contains("'" + Self.formula), "the formula title is kept, as text")
        let periods = records.filter { $0[0] == "periods" && !$0[header.firstIndex(of: "period")!].isEmpty }
        XCTAssertEqual(periods.count, 2)
        XCTAssertTrue(periods[1][header.firstIndex(of: "reason")!].hasPrefix("could not be audited: <script>"), "the reason, as text")

        let md = DocumentMarkdown.render(HistoryDocument.build(history, language: .en))
        XCTAssertFalse(md.contains("<img") || md.contains("<script"))
        XCTAssertTrue(md.contains("&lt;img src=x&gt;\\|=1"), md)

        let text = DocumentText().render(HistoryDocument.build(history, language: .en))
        XCTAssertFalse(text.contains("\u{1B}"))

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(HistoryJSON.render(history, language: .en).utf8)) as? [String: Any])
        let points = try XCTUnwrap(object["points"] as? [[String: Any]])
        XCTAssertEqual(points.map { $0["status"] as? String }, ["audited", "failed"])
        XCTAssertEqual((points[0]["passed"] as? [String: Int])?["TC02"], 1)
        XCTAssertEqual(points[1]["reason"] as? String, Self.script + Self.terminal)
    }

    /// No element or reference that would fetch anything: the reports are read offline.
    static func assertOffline(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        // The page's own icon is empty data, fetched from nowhere.
        let lower = html.replacingOccurrences(of: "<link rel=\"icon\" href=\"data:,\">", with: "").lowercased()
        for tag in ["<link", "<script", "<img", "<iframe", "<object", "<embed", "@import"] {
            XCTAssertFalse(lower.contains(tag), tag, file: file, line: line)
        }
        let reference = #"(src|href|action|srcset)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//"#
        XCTAssertNil(html.range(of: reference, options: [.regularExpression, .caseInsensitive]), file: file, line: line)
    }
}
