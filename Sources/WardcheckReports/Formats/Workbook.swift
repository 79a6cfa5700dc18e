import Foundation
import WardcheckCore
import ZIPFoundation

/// A small Office Open XML workbook (.xlsx) writer: sheets of typed cells, a fixed set of
/// styles, frozen header rows, filters; packed with ZIPFoundation. Enough for reports that
/// Excel, LibreOffice and openpyxl open as they are; nothing a report does not use.
///
/// Ward text is never a formula here: every text cell is an inline string (`t="inlineStr"`),
/// which no reader evaluates. A text that starts with `=`, `+`, `-` or `@` also gets Excel's
/// own "quote prefix" style, the mark Excel sets when a user types `'=…`: the text stays exact
/// (a phone number "+84 …" is not altered) and stays text when someone edits the cell.
/// Characters XML 1.0 cannot carry are dropped; a text longer than Excel's 32,767 is cut.
public struct Workbook {
    public enum Style: Int, CaseIterable {
        case text = 0, header, integer, money, decimal, date, title, totalLabel, totalMoney
        case passed, failed, notReported, waived, muted, quoted, wrapped, percent
    }

    public enum Cell {
        case text(String, Style = .text)
        case number(Double, Style)
        case empty

        public static func int(_ n: Int, _ style: Style = .integer) -> Cell { .number(Double(n), style) }
        public static func money(_ amount: Int, _ style: Style = .money) -> Cell { .number(Double(amount), style) }
    }

    /// A sheet's rows: runs held in memory (a title, notes, a header) and runs made one at a time
    /// as the sheet is written (a country's table), in the order they were added.
    public struct Rows: RandomAccessCollection {
        private enum Run {
            case held([[Cell]])
            case made(count: Int, row: (Int) -> [Cell])

            var count: Int {
                switch self {
                case .held(let rows): return rows.count
                case .made(let count, _): return count
                }
            }
        }

        private var runs: [Run] = []
        public private(set) var count = 0

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> [Cell] {
            var n = position
            for run in runs {
                if n < run.count {
                    switch run {
                    case .held(let rows): return rows[n]
                    case .made(_, let row): return row(n)
                    }
                }
                n -= run.count
            }
            return []
        }

        mutating func append(_ row: [Cell]) {
            if case .held(var rows)? = runs.last {
                runs.removeLast()
                rows.append(row)
                runs.append(.held(rows))
            } else {
                runs.append(.held([row]))
            }
            count += 1
        }

        mutating func append(count: Int, row: @escaping (Int) -> [Cell]) {
            runs.append(.made(count: count, row: row))
            self.count += count
        }
    }

    public struct Sheet {
        public var name: String
        public private(set) var rows = Rows()
        /// Column widths in characters, from column A; columns beyond keep the default.
        public var widths: [Double] = []
        /// Rows and columns that stay in view when scrolling (the header, the unit's name).
        public var frozenRows = 0
        public var frozenColumns = 0
        /// Row (1-based) holding the headers a filter sits on, if any.
        public var filterRow: Int?

        public init(name: String) { self.name = Workbook.sheetName(name) }

        public mutating func add(_ row: [Cell]) { rows.append(row) }

        /// `count` rows made by `row(n)` as the sheet is written, never held together.
        public mutating func add(count: Int, row: @escaping (Int) -> [Cell]) { rows.append(count: count, row: row) }
    }

    public var sheets: [Sheet] = []
    /// How date cells show: Excel's own format code, in the reader's way.
    public var dateFormat = "dd/mm/yyyy"

    /// 04/12/2026 in Vietnamese; 4 Dec 2026 in English, the month in letters so it reads one way.
    public static func dateFormat(_ language: Language) -> String {
        language == .vi ? "dd/mm/yyyy" : "d mmm yyyy"
    }
    public var title: String

    public init(title: String) { self.title = title }

    /// The workbook as the bytes of a .xlsx file.
    public func data() throws -> Data {
        try OfficePackage.data(parts())
    }

    /// The .xlsx file to `out`, each sheet written a row at a time to a temporary file in one of
    /// `scratch` (best first) and zipped from there, so no sheet is ever whole in memory.
    public func write<Output: ReportOutput>(scratch: [String], to out: inout Output) throws {
        try OfficePackage.write(parts(), scratch: scratch, to: &out)
    }

    private func parts() -> [OfficePackage.Part] {
        var parts: [OfficePackage.Part] = [
            .init("[Content_Types].xml", text: contentTypes()),
            .init("_rels/.rels", text: Self.packageRelationships),
            .init("docProps/core.xml", text: coreProperties()),
            .init("xl/workbook.xml", text: workbook()),
            .init("xl/_rels/workbook.xml.rels", text: workbookRelationships()),
            .init("xl/styles.xml", text: Self.styles(dateFormat: dateFormat)),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(.init("xl/worksheets/sheet\(i + 1).xml") { try Self.worksheet(sheet, to: &$0) })
        }
        return parts
    }

    // MARK: Package parts

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func contentTypes() -> String {
        var out = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        for i in sheets.indices {
            out += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    private static let packageRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    private func coreProperties() -> String {
        Self.header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XML.escapeText(title))</dc:title><dc:creator>wardcheck</dc:creator></cp:coreProperties>"
    }

    private func workbook() -> String {
        var out = Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><bookViews><workbookView/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(XML.escapeAttribute(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets>"
        // Excel keeps a filter's range under this hidden name; without it some versions repair the file.
        let filtered = sheets.enumerated().compactMap { i, sheet in Self.filterRange(sheet).map { (i, sheet.name, $0) } }
        if !filtered.isEmpty {
            out += "<definedNames>"
            for (i, name, range) in filtered {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = range.split(separator: ":").map { Self.absolute(String($0)) }.joined(separator: ":")
                out += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(XML.escapeText(quoted + "!" + absolute))</definedName>"
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    private func workbookRelationships() -> String {
        var out = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            out += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// One entry a `Style`, in its order. Colours match the HTML report's outcome colours.
    private static func styles(dateFormat: String) -> String {
        let fills = ["F6F8FA", "DAFBE1", "FFE4E0", "FFF3C4", "DCECFF", "EAEEF2"]
        var out = header + "<styleSheet xmlns=\"\(main)\">"
        out += "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"#,##0\\ &quot;₫&quot;\"/>"
        out += "<numFmt numFmtId=\"165\" formatCode=\"\(XML.escapeAttribute(dateFormat))\"/><numFmt numFmtId=\"166\" formatCode=\"0.0\"/></numFmts>"
        out += "<fonts count=\"4\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        out += "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/></font><font><sz val=\"11\"/><color rgb=\"FF57606A\"/><name val=\"Calibri\"/></font></fonts>"
        out += "<fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for colour in fills { out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(colour)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        out += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        func xf(numFmt: Int = 0, font: Int = 0, fill: Int = 0, extra: String = "", alignment: String? = nil) -> String {
            var attributes = "numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
            if numFmt != 0 { attributes += " applyNumberFormat=\"1\"" }
            if font != 0 { attributes += " applyFont=\"1\"" }
            if fill != 0 { attributes += " applyFill=\"1\"" }
            attributes += extra
            guard let alignment else { return "<xf \(attributes)/>" }
            return "<xf \(attributes) applyAlignment=\"1\"><alignment \(alignment)/></xf>"
        }
        let center = "horizontal=\"center\""
        let xfs: [Style: String] = [
            .text: xf(),
            .header: xf(font: 1, fill: 2, alignment: "vertical=\"top\" wrapText=\"1\""),
            .integer: xf(numFmt: 3),
            .money: xf(numFmt: 164),
            .decimal: xf(numFmt: 166),
            .date: xf(numFmt: 165),
            .title: xf(font: 2),
            .totalLabel: xf(font: 1),
            .totalMoney: xf(numFmt: 164, font: 1),
            .passed: xf(fill: 3, alignment: center),
            .failed: xf(font: 1, fill: 4, alignment: center),
            .notReported: xf(font: 1, fill: 5, alignment: center),
            .waived: xf(fill: 6, alignment: center),
            .muted: xf(font: 3, fill: 7, alignment: center),
            .quoted: xf(extra: " quotePrefix=\"1\""),
            .wrapped: xf(alignment: "vertical=\"top\" wrapText=\"1\""),
            .percent: xf(numFmt: 9),
        ]
        out += "<cellXfs count=\"\(Style.allCases.count)\">" + Style.allCases.map { xfs[$0]! }.joined() + "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        return out
    }

    // MARK: Worksheets

    private static func worksheet<Output: ReportOutput>(_ sheet: Sheet, to output: inout Output) throws {
        var out = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        // The used range, which streaming readers use to size the sheet before reading it.
        let width = sheet.rows.reduce(0) { max($0, $1.count) }
        if width > 0 {
            out += "<dimension ref=\"A1:\(reference(row: sheet.rows.count, column: width))\"/>"
        }
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            var pane = "<pane"
            if sheet.frozenColumns > 0 { pane += " xSplit=\"\(sheet.frozenColumns)\"" }
            if sheet.frozenRows > 0 { pane += " ySplit=\"\(sheet.frozenRows)\"" }
            let active = sheet.frozenRows > 0 && sheet.frozenColumns > 0 ? "bottomRight" : sheet.frozenRows > 0 ? "bottomLeft" : "topRight"
            pane += " topLeftCell=\"\(reference(row: sheet.frozenRows + 1, column: sheet.frozenColumns + 1))\" activePane=\"\(active)\" state=\"frozen\"/>"
            out += pane
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.widths.isEmpty {
            out += "<cols>"
            for (i, width) in sheet.widths.enumerated() {
                out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(String(format: "%.1f", width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        try output.write(out)
        for (r, row) in sheet.rows.enumerated() {
            var out = "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = reference(row: r + 1, column: c + 1)
                switch cell {
                case .empty: continue
                case .number(let value, let style):
                    guard value.isFinite else { continue }
                    let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
                    out += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(text)</v></c>"
                case .text(let value, let style):
                    let text = cellText(value)
                    let applied = style == .text && startsLikeFormula(text) ? Style.quoted : style
                    out += "<c r=\"\(ref)\" s=\"\(applied.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escapeText(text))</t></is></c>"
                }
            }
            out += "</row>"
            try output.write(out)
        }
        out = "</sheetData>"
        if let range = filterRange(sheet) { out += "<autoFilter ref=\"\(range)\"/>" }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        try output.write(out + "</worksheet>")
    }

    private static func filterRange(_ sheet: Sheet) -> String? {
        guard let row = sheet.filterRow, row <= sheet.rows.count else { return nil }
        let width = sheet.rows[row - 1].count
        guard width > 0 else { return nil }
        return reference(row: row, column: 1) + ":" + reference(row: max(row, sheet.rows.count), column: width)
    }

    /// "A1", "AB12".
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var n = column
        while n > 0 {
            let rem = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rem))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    private static func absolute(_ ref: String) -> String {
        let letters = ref.prefix { $0.isLetter }
        return "$" + letters + "$" + ref.dropFirst(letters.count)
    }

    private static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@"
    }

    /// At most Excel's 32,767 characters a cell (UTF-16 units), so no reader truncates or refuses it.
    private static func cellText(_ text: String) -> String {
        guard text.utf16.count > 32_767 else { return text }
        var out = ""
        var units = 0
        for character in text {
            units += character.utf16.count
            if units > 32_766 { break }
            out.append(character)
        }
        return out + "…"
    }

    /// Excel's rules: at most 31 characters, none of : \ / ? * [ ], not blank.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { !":\\/?*[]".unicodeScalars.contains($0) && XML.isAllowed($0) && $0.value >= 0x20 }
            .map(Character.init))
        var cut = String(cleaned.prefix(31))
        // Excel allows 31 characters: a longer name keeps what comes before its dash ("Tệp không hợp
        // lệ — chưa được đánh giá"), or ends at its last whole word.
        if cleaned.count > 31, let dash = cleaned.range(of: " — "), cleaned.distance(from: cleaned.startIndex, to: dash.lowerBound) <= 31 {
            cut = String(cleaned[..<dash.lowerBound])
        } else if cleaned.count > 31, let space = cut.lastIndex(of: " ") {
            cut = String(cut[..<space]).trimmingCharacters(in: CharacterSet(charactersIn: " —–-,"))
        }
        let trimmed = cut.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "Sheet" : trimmed
    }
}
