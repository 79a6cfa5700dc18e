import Foundation
import WardcheckCore

/// Any report document as a Word file laid out as Decree 30/2020/NĐ-CP lays out an administrative
/// document, so the city office can sign and send it without retyping a line: the issuing body
/// and the national title and motto side by side, the number and symbol, place and date, the
/// title "BÁO CÁO" and what it reports, the body (the headline, the figures, each section with
/// its tables), "Nơi nhận" and the signature block. A4, margins 20/20/30/15 mm, Times New Roman
/// 14 pt (tables 12 pt), page numbers centred at the top from the second page.
///
/// WordprocessingML written here and packed by `OfficePackage`, as the workbook is. Ward text goes
/// through `XML.escapeText`, so it can neither break the XML nor hide characters.
public enum DocumentDOCX {
    public static func data(_ document: ReportDocument, heading: OfficialHeading = OfficialHeading()) throws -> Data {
        try OfficePackage.data(parts(document, heading))
    }

    /// The file to `out`, its body written a table row at a time to a temporary file in one of
    /// `scratch` (best first) and zipped from there, so the body is never whole in memory.
    public static func write<Output: ReportOutput>(_ document: ReportDocument, heading: OfficialHeading = OfficialHeading(),
                                                   scratch: [String], to out: inout Output) throws {
        try OfficePackage.write(parts(document, heading), scratch: scratch, to: &out)
    }

    private static func parts(_ document: ReportDocument, _ heading: OfficialHeading) -> [OfficePackage.Part] {
        [
            .init("[Content_Types].xml", text: contentTypes),
            .init("_rels/.rels", text: packageRelationships),
            .init("docProps/core.xml", text: core(document)),
            .init("docProps/app.xml", text: app),
            .init("word/document.xml") { try body(document, heading, to: &$0) },
            .init("word/_rels/document.xml.rels", text: documentRelationships),
            .init("word/styles.xml", text: styles(document.language)),
            .init("word/settings.xml", text: settings),
            .init("word/header1.xml", text: pageNumberHeader),
            .init("word/header2.xml", text: emptyHeader),
        ]
    }

    // MARK: The document

    /// Page size and margins in twentieths of a point: A4, 20 mm top and bottom, 30 mm left, 15 mm right.
    static let page = (width: 11_906, height: 16_838, top: 1_134, bottom: 1_134, left: 1_701, right: 851)
    static var textWidth: Int { page.width - page.left - page.right }

    private static func body<Output: ReportOutput>(_ document: ReportDocument, _ heading: OfficialHeading, to output: inout Output) throws {
        let vi = document.language == .vi
        var out = OfficePackage.xmlHeader + "<w:document xmlns:w=\"\(w)\" xmlns:r=\"\(r)\"><w:body>"
        out += nationalHeading(document.language, heading)
        out += paragraph([Run(vi ? "BÁO CÁO" : "REPORT", bold: true, size: 28)], align: "center", before: 360, after: 0)
        out += paragraph([Run(document.subject, bold: true, size: 28)], align: "center", after: 0)
        out += rule(indent: 3_200)
        out += paragraph([Run(document.headline)], align: "both", firstLine: 567)
        var number = 1
        if !document.figures.isEmpty {
            out += sectionHeading(number, vi ? "Tình hình chung" : "Overview", document.language)
            number += 1
            for figure in document.figures {
                out += paragraph([Run("- " + figure.label + ": "), Run(figure.value.text(document.language), bold: true)],
                                 align: "both", firstLine: 567, after: 60)
            }
        }
        for section in document.sections {
            out += sectionHeading(number, section.heading, document.language)
            number += 1
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += paragraph([Run(text)], align: "both", firstLine: 567)
                case .table(let table):
                    try output.write(out)
                    out = ""
                    try self.table(table, document.language, to: &output)
                }
            }
        }
        out += closing(document.language, heading)
        out += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/>"
        out += "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"/>"
        out += "<w:pgMar w:top=\"\(page.top)\" w:right=\"\(page.right)\" w:bottom=\"\(page.bottom)\" w:left=\"\(page.left)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        out += "<w:titlePg/></w:sectPr></w:body></w:document>"
        try output.write(out)
    }

    /// The issuing body (left) and the national title and motto (right), then the number (left)
    /// and the place and date (right): two columns of a table without borders.
    private static func nationalHeading(_ language: Language, _ h: OfficialHeading) -> String {
        let vi = language == .vi
        let blank = OfficialHeading.blank
        let left = paragraph([Run((h.parent ?? blank).uppercased(for: language), size: 26)], align: "center", after: 0)
            + paragraph([Run((h.issuer ?? blank).uppercased(for: language), bold: true, size: 26)], align: "center", after: 0)
            + rule(indent: 1_000)
            + paragraph([Run((vi ? "Số: " : "No.: ") + (h.number ?? blank), size: 26)], align: "center", after: 0)
        let right = paragraph([Run(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM", bold: true, size: 24)],
                              align: "center", after: 0)
            + paragraph([Run(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness", bold: true, size: 26)], align: "center", after: 0)
            + rule(indent: 1_300)
            + paragraph([Run(placeAndDate(language, h), italic: true, size: 26)], align: "center", after: 0)
        let leftWidth = 4_100
        return plainTable(widths: [leftWidth, textWidth - leftWidth], cells: [left, right])
    }

    /// "Đà Nẵng, ngày 04 tháng 12 năm 2026": a day under 10 and the months 1 and 2 written with a
    /// leading 0, as the decree asks. Left to fill by hand when no date is known.
    static func placeAndDate(_ language: Language, _ h: OfficialHeading) -> String {
        let place = h.place ?? OfficialHeading.blank
        guard let date = h.date else {
            return language == .vi ? place + ", ngày … tháng … năm …" : place + ", … … …"
        }
        let (y, m, d) = date.components
        if language == .vi {
            let day = d < 10 ? "0\(d)" : "\(d)"
            let month = m < 3 ? "0\(m)" : "\(m)"
            return "\(place), ngày \(day) tháng \(month) năm \(y)"
        }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(place), \(d) \(months[m - 1]) \(y)"
    }

    /// "Nơi nhận:" and its list (left), the authority, position, room to sign and the signer's name (right).
    private static func closing(_ language: Language, _ h: OfficialHeading) -> String {
        let vi = language == .vi
        let recipients = h.recipients.isEmpty ? [vi ? "Như trên" : "As above", vi ? "Lưu: VT" : "File: Records"] : h.recipients
        var left = paragraph([Run(vi ? "Nơi nhận:" : "Recipients:", bold: true, italic: true, size: 24)], align: "left", after: 0)
        for (i, name) in recipients.enumerated() {
            left += paragraph([Run("- " + name + (i == recipients.count - 1 ? "." : ";"), size: 22)], align: "left", after: 0)
        }
        var right = ""
        if let authority = h.authority {
            right += paragraph([Run(authority.uppercased(for: language), bold: true)], align: "center", after: 0)
        }
        right += paragraph([Run((h.position ?? OfficialHeading.blank).uppercased(for: language), bold: true)], align: "center", after: 0)
        for _ in 0..<4 { right += paragraph([], align: "center", after: 0) }
        right += paragraph([Run(h.signer ?? OfficialHeading.blank, bold: true)], align: "center", after: 0)
        let leftWidth = textWidth / 2
        return paragraph([], after: 120) + plainTable(widths: [leftWidth, textWidth - leftWidth], cells: [left, right])
    }

    private static func sectionHeading(_ number: Int, _ text: String, _ language: Language) -> String {
        paragraph([Run(roman(number) + ". " + text.uppercased(for: language), bold: true)], align: "both", before: 180, after: 120, keepNext: true)
    }

    /// A table of the document: borders, a header row repeated on every page, rows kept whole,
    /// figures set to the right, 12 pt; a matrix of many narrow columns in 8 pt, so that it fits
    /// the page's width.
    private static func table<Output: ReportOutput>(_ table: ReportDocument.Table, _ language: Language, to output: inout Output) throws {
        let rows = table.rowsAndTotal
        let size = table.columns.count > 10 ? 16 : 24
        let marks = Self.markColumns(table)
        let figures = table.columnKinds().figures
        var out = ""
        if let caption = table.caption { out += paragraph([Run(caption, italic: true)], align: "left", after: 60, keepNext: true) }
        out += "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        let widths = columnWidths(table, language, size: size)
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        if !table.groups.isEmpty {
            // The groups over their columns, one cell spanning each run.
            // A group over one or two narrow columns reads upwards too, on a row tall enough for it.
            func upright(_ group: ReportDocument.ColumnGroup, from first: Int) -> Bool {
                group.span <= 2 && (first..<first + group.span).allSatisfy { marks.contains($0) }
            }
            var start = 0
            var tallest = 0
            for group in table.groups {
                if upright(group, from: start) { tallest = max(tallest, group.label.count) }
                start += group.span
            }
            let height = tallest > 0 ? "<w:trHeight w:val=\"\(tallest * 75 * size / 16 + 200)\" w:hRule=\"atLeast\"/>" : ""
            out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/>\(height)</w:trPr>"
            var first = 0
            for group in table.groups where group.span > 0 {
                let width = widths[min(first, widths.count)..<min(first + group.span, widths.count)].reduce(0, +)
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>" + (group.span > 1 ? "<w:gridSpan w:val=\"\(group.span)\"/>" : "")
                    + (upright(group, from: first) ? "<w:textDirection w:val=\"btLr\"/>" : "") + "<w:vAlign w:val=\"center\"/></w:tcPr>" + paragraph([Run(group.label, bold: true, size: size)], align: "center", after: 0, line: 240) + "</w:tc>"
                first += group.span
            }
            out += "</w:tr>"
        }
        // Upright labels need the height of their longest.
        let tallest = marks.map { table.columns[$0].label.count }.max() ?? 0
        let height = tallest > 0 ? "<w:trHeight w:val=\"\(tallest * 75 * size / 16 + 200)\" w:hRule=\"atLeast\"/>" : ""
        out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/>\(height)</w:trPr>"
        for (i, (column, width)) in zip(table.columns, widths).enumerated() {
            // A column of marks is one character wide: its label ("TC05") reads upwards.
            let upright = marks.contains(i) ? "<w:textDirection w:val=\"btLr\"/>" : ""
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(upright)<w:vAlign w:val=\"center\"/></w:tcPr>"
                + paragraph([Run(column.label, bold: true, size: size)], align: "center", after: 0, line: 240) + "</w:tc>"
        }
        out += "</w:tr>"
        try output.write(out)
        for (n, row) in rows.enumerated() {
            let strong = table.total != nil && n == rows.count - 1
            var out = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (i, cell) in row.enumerated() where i < table.columns.count {
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/></w:tcPr>"
                    + paragraph([Run(cell.text(language), bold: strong, size: size)], align: figures.contains(i) ? "right" : cell.isMark ? "center" : "left",
                                            after: 0, line: 240) + "</w:tc>"
            }
            out += "</w:tr>"
            try output.write(out)
        }
        try output.write("</w:tbl>" + paragraph([], after: 60))
    }

    /// Columns share the text width by what they hold: each gets at least its longest word (a
    /// code, "TC05", is never cut in two), then the room left goes to the columns with the most
    /// to say (a sentence rather than a count). Widths in twips, for Times New Roman at `size`
    /// half-points (24 is 12 pt).
    static func columnWidths(_ table: ReportDocument.Table, _ language: Language, size: Int = 24) -> [Int] {
        // Capitals and digits are wider than the average letter: room for "TC05" and "20473".
        let perCharacter = 150 * size / 24
        let padding = 300 * size / 24
        func longestWord(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0 }
        // Each column's longest word and longest text, in one pass over the rows.
        var words = [Int](repeating: 0, count: table.columns.count)
        var longests = [Int](repeating: 0, count: table.columns.count)
        for row in table.rowsAndTotal {
            for i in table.columns.indices {
                let text = i < row.count ? row[i].text(language) : ""
                words[i] = max(words[i], longestWord(text))
                longests[i] = max(longests[i], text.count)
            }
        }
        var least: [Int] = []
        var wanted: [Int] = []
        let marks = markColumns(table)
        for i in table.columns.indices {
            if marks.contains(i) {
                // The label stands upright: the column needs the room of one mark.
                least.append(2 * perCharacter + padding)
                wanted.append(2 * perCharacter + padding)
                continue
            }
            // Header words are bold: a tenth wider.
            let word = max(longestWord(table.columns[i].label) * 11 / 10, words[i])
            let longest = min(40, longests[i])
            // A long header may take two lines, not one letter a line.
            let header = (table.columns[i].label.count + 1) / 2
            least.append(word * perCharacter + padding)
            wanted.append(max(word, longest, header) * perCharacter + padding)
        }
        let floor = least.reduce(0, +)
        guard floor < textWidth else { return least.map { $0 * textWidth / max(1, floor) } }
        let extra = zip(wanted, least).map { $0 - $1 }
        let room = textWidth - floor
        let asked = extra.reduce(0, +)
        guard asked > 0 else { return least.map { $0 + room / least.count } }
        return zip(least, extra).map { $0 + room * $1 / asked }
    }

    /// The columns that hold marks (✓, ✗) and nothing else.
    static func markColumns(_ table: ReportDocument.Table) -> Set<Int> {
        var marks = Set<Int>(), other = Set<Int>()
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < table.columns.count {
                if cell.isMark { marks.insert(i) } else if cell != .empty { other.insert(i) }
            }
        }
        return marks.subtracting(other)
    }

    /// Two or more cells side by side with no borders: the heading block, the closing block.
    private static func plainTable(widths: [Int], cells: [String]) -> String {
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { out += "<w:\(side) w:val=\"nil\"/>" }
        out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr>"
        for (width, content) in zip(widths, cells) {
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>" + (content.isEmpty ? paragraph([]) : content) + "</w:tc>"
        }
        return out + "</w:tr></w:tbl>"
    }

    /// A short solid line under a heading, as wide as the text between the indents.
    private static func rule(indent: Int) -> String {
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:before=\"40\" w:after=\"80\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/></w:pPr></w:p>"
    }

    struct Run {
        var text: String
        var bold = false
        var italic = false
        /// In half-points: 28 is 14 pt.
        var size = 28

        init(_ text: String, bold: Bool = false, italic: Bool = false, size: Int = 28) {
            (self.text, self.bold, self.italic, self.size) = (text, bold, italic, size)
        }
    }

    private static func paragraph(_ runs: [Run], align: String = "left", firstLine: Int? = nil, before: Int = 0, after: Int = 120,
                                  line: Int = 276, keepNext: Bool = false) -> String {
        var out = "<w:p><w:pPr>" + (keepNext ? "<w:keepNext/>" : "")
            + "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"auto\"/>"
        if let firstLine { out += "<w:ind w:firstLine=\"\(firstLine)\"/>" }
        out += "<w:jc w:val=\"\(align)\"/></w:pPr>"
        for run in runs {
            out += "<w:r><w:rPr>" + (run.bold ? "<w:b/><w:bCs/>" : "") + (run.italic ? "<w:i/><w:iCs/>" : "")
                + "<w:sz w:val=\"\(run.size)\"/><w:szCs w:val=\"\(run.size)\"/></w:rPr>"
            // A line break in ward text stays a line break, never raw text Word would fold.
            let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false)
            out += lines.map { "<w:t xml:space=\"preserve\">" + XML.escapeText(String($0)) + "</w:t>" }.joined(separator: "<w:br/>")
            out += "</w:r>"
        }
        return out + "</w:p>"
    }

    static func roman(_ n: Int) -> String {
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var out = ""
        for (value, letters) in values {
            while n >= value { out += letters; n -= value }
        }
        return out
    }

    // MARK: Package parts

    private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let contentTypes = OfficePackage.xmlHeader + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

    private static let packageRelationships = OfficePackage.xmlHeader + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    private static let documentRelationships = OfficePackage.xmlHeader + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
    <Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
    </Relationships>
    """

    private static let app = OfficePackage.xmlHeader + """
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>wardcheck</Application></Properties>
    """

    private static func core(_ document: ReportDocument) -> String {
        OfficePackage.xmlHeader + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + XML.escapeText(document.title) + "</dc:title>"
            + "<dc:language>" + (document.language == .vi ? "vi-VN" : "en-GB") + "</dc:language><dc:creator>wardcheck</dc:creator></cp:coreProperties>"
    }

    private static let settings = OfficePackage.xmlHeader + """
    <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/>\
    <w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" \
    w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
    """

    /// Times New Roman 14 pt throughout, the document's language for spelling.
    private static func styles(_ language: Language) -> String {
        let lang = language == .vi ? "vi-VN" : "en-GB"
        return OfficePackage.xmlHeader + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="\(lang)" w:eastAsia="\(lang)" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
        <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    /// The page number, centred at the top, 14 pt: on every page but the first, which carries
    /// the national title instead (`titlePg` and an empty first-page header).
    private static let pageNumberHeader = OfficePackage.xmlHeader + """
    <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
    <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
    """

    private static let emptyHeader = OfficePackage.xmlHeader + """
    <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>
    """
}

private extension String {
    /// Upper case by the document's language, so "ủy ban" becomes "ỦY BAN" with its marks.
    func uppercased(for language: Language) -> String {
        uppercased(with: Locale(identifier: language == .vi ? "vi_VN" : "en_GB"))
    }
}
