import XCTest
@testable import WardcheckReports

/// The small helpers every audit renderer trusts with ward text.
final class AuditEscapingTests: XCTestCase {
    func testHTMLEscapesTheFiveSpecialCharacters() {
        XCTAssertEqual(HTML.escape(#"<a href="x" title='y'>&amp;</a>"#),
                       "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        // A space after a digit does not break: the amount keeps its ₫, a number what it counts.
        XCTAssertEqual(HTML.escape("Phường Hòa Xuân — 105.000.000 ₫"), "Phường Hòa Xuân — 105.000.000&#160;₫")
        XCTAssertEqual(HTML.escape("25 máy tính, 8 Mbps"), "25&#160;máy tính, 8&#160;Mbps")
        XCTAssertEqual(HTML.escape("Tầng 2, phòng A"), "Tầng 2, phòng A", "a space after anything else is a space")
        XCTAssertEqual(HTML.escape(""), "")
    }

    func testCSVQuotesPerRFC4180() {
        XCTAssertEqual(CSV.cell("plain"), "plain")
        XCTAssertEqual(CSV.cell("Máy tính cho cán bộ, công chức"), "\"Máy tính cho cán bộ, công chức\"")
        XCTAssertEqual(CSV.cell("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSV.cell("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSV.cell(""), "")
        XCTAssertEqual(CSV.row(["a", "b,c", ""]), "a,\"b,c\",\r\n")
    }

    func testCSVNeutralisesEveryFormulaStart() {
        XCTAssertEqual(CSV.cell("=1+1"), "'=1+1")
        XCTAssertEqual(CSV.cell("+84 236"), "'+84 236")
        XCTAssertEqual(CSV.cell("-5"), "'-5")
        XCTAssertEqual(CSV.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.cell("\tx"), "'\tx")
        XCTAssertEqual(CSV.cell("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSV.cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        // Only the first character matters: these are ordinary text.
        XCTAssertEqual(CSV.cell("a=b"), "a=b")
        XCTAssertEqual(CSV.cell("0236-3002"), "0236-3002")
        XCTAssertEqual(CSV.cell("'quoted"), "'quoted")
    }

    func testCSVByteOrderMarkIsUTF8() {
        XCTAssertEqual(Array(CSV.byteOrderMark.utf8), [0xEF, 0xBB, 0xBF])
    }

    func testMarkdownEscape() {
        XCTAssertEqual(Markdown.escape("a | b"), "a \\| b")
        XCTAssertEqual(Markdown.escape("*x* _y_ `z` [l](u) ~s~ !#"), "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\!\\#")
        XCTAssertEqual(Markdown.escape("<b>&"), "&lt;b&gt;&amp;")
        XCTAssertEqual(Markdown.escape("a\\b"), "a\\\\b")
        XCTAssertEqual(Markdown.escape("one\ntwo\u{202E}"), "one\\\\u{A}two\\\\u{202E}")
    }

    func testTerminalTextShowsHiddenCharactersEscaped() {
        XCTAssertEqual(AuditLayout.plain("red \u{1B}[31mtext\u{7}\n"), "red \\u{1B}[31mtext\\u{7}\\u{A}")
        XCTAssertEqual(AuditLayout.plain("A\u{202E}B\u{2066}C\u{200B}D\u{FEFF}\u{85}"), "A\\u{202E}B\\u{2066}C\\u{200B}D\\u{FEFF}\\u{85}")
        XCTAssertEqual(AuditLayout.plain("Phường Hòa Xuân"), "Phường Hòa Xuân")
    }

    func testPaddingCountsCharactersNotBytes() {
        // "Hòa" written decomposed (o + combining grave) is still three characters wide.
        let decomposed = "Ho\u{300}a"
        XCTAssertEqual(AuditLayout.pad(decomposed, 5), decomposed + "  ")
        XCTAssertEqual(AuditLayout.pad("Hòa", 5), "Hòa  ")
        XCTAssertEqual(AuditLayout.pad("12", 4, right: true), "  12")
        XCTAssertEqual(AuditLayout.cut("Phường Ngũ Hành Sơn", 8), "Phường …")
    }

    func testShortIDsDropTheSharedPrefix() {
        XCTAssertEqual(AuditLayout.shortIDs(["TC01", "TC02", "TC16"]), ["01", "02", "16"])
        XCTAssertEqual(AuditLayout.shortIDs(["A", "B"]), ["A", "B"])
        XCTAssertEqual(AuditLayout.shortIDs(["X1", "X1"]), ["1", "1"])
        XCTAssertEqual(AuditLayout.decimal(13.4, .vi), "13,4")
        XCTAssertEqual(AuditLayout.decimal(13.4, .en), "13.4")
    }
}
