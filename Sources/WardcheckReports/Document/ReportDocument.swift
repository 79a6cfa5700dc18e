import WardcheckCore

/// A report as its reader meets it, in one language: a title, a headline, the figures that open
/// it, then sections of tables and paragraphs. Every report kind builds one, and every format has
/// one writer that renders any document, so a section a report holds is in every format: no
/// writer can forget it, because no writer knows which sections there are.
///
/// Cells are typed (a count, an amount, a date, an outcome) rather than written, so each writer
/// gives them their form: "1.000.000 ₫" on a page, a number with a money format in a workbook.
public struct ReportDocument {
    /// The report kind, stable across languages: "audit", "diff", "history".
    public var kind: String
    public var language: Language
    /// What the report is, as a heading: "Kiểm tra sẵn sàng 16 tiêu chí — Thành phố Thử Nghiệm".
    public var title: String
    /// What it is about, as an official document's title says it after "BÁO CÁO".
    public var subject: String
    /// One sentence: where the city stands.
    public var headline: String
    public var figures: [Figure]
    public var sections: [Section]

    public init(kind: String, language: Language, title: String, subject: String, headline: String,
                figures: [Figure] = [], sections: [Section] = []) {
        (self.kind, self.language, self.title, self.subject) = (kind, language, title, subject)
        (self.headline, self.figures, self.sections) = (headline, figures, sections)
    }

    /// How a figure should catch the eye: good news, something to chase, something broken.
    public enum Tone: String, Sendable {
        case plain, good, warn, bad, money
    }

    /// One figure of the summary: "Tệp không hợp lệ: 1".
    public struct Figure {
        /// Stable name for machine formats: `ready`, `total_cost`.
        public var key: String
        public var label: String
        public var value: Cell
        public var tone: Tone

        public init(key: String, label: String, value: Cell, tone: Tone = .plain) {
            (self.key, self.label, self.value, self.tone) = (key, label, value, tone)
        }
    }

    public struct Section {
        /// Stable name: `not_submitted`, `plan`. Machine formats and page anchors use it.
        public var key: String
        public var heading: String
        public var blocks: [Block]

        public init(key: String, heading: String, blocks: [Block]) {
            (self.key, self.heading, self.blocks) = (key, heading, blocks)
        }

        public var tables: [Table] {
            blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        }
    }

    public enum Block {
        case paragraph(String)
        case table(Table)
    }

    public struct Column {
        /// Stable name for machine formats: `code`, `unit_cost`.
        public var key: String
        public var label: String

        public init(_ key: String, _ label: String) {
            (self.key, self.label) = (key, label)
        }
    }

    public struct Table {
        /// Stable name, unique in the document: a sheet's, a CSV section's.
        public var key: String
        /// What the table is, when its section holds more than one.
        public var caption: String?
        public var columns: [Column]
        /// Held for a small table, made one at a time for a country's (`Rows`).
        public var rows: Rows
        /// A last row set apart: "Tổng cộng … 2.801.600.000 ₫".
        public var total: [Cell]?
        /// Headings over runs of columns, left to right ("Kết nối" over TC01–TC04); empty for
        /// none. Their spans add up to the column count.
        public var groups: [ColumnGroup] = []
        /// The column that names a row (a unit's name), which a page keeps in view as it scrolls
        /// sideways and a screen reader announces with each cell.
        public var rowHeader: Int?
        /// The table also drawn as bars, where a page can draw them; the figures stay in the table.
        public var bars: Bars?
        /// Lines drawn over the table's rows, one point a row in order (a period), where a page can
        /// draw them; every other format shows the table, which holds the same figures. Empty for none.
        public var charts: [Chart] = []

        public init(key: String, caption: String? = nil, columns: [Column], rows: [[Cell]] = [], total: [Cell]? = nil) {
            self.init(key: key, caption: caption, columns: columns, rows: Rows(rows), total: total)
        }

        public init(key: String, caption: String? = nil, columns: [Column], rows: Rows, total: [Cell]? = nil) {
            (self.key, self.caption, self.columns, self.rows, self.total) = (key, caption, columns, rows, total)
        }
    }

    public struct ColumnGroup: Equatable {
        /// Empty over columns that belong to no group (the rank, the code, the name).
        public var label: String
        public var span: Int

        public init(_ label: String, span: Int) { (self.label, self.span) = (label, span) }
    }

    /// Each row as one bar of shares: the parts are counts in the row (passed, waived, failed …),
    /// each of `whole`; the label is made of the row's cells in `label`.
    public struct Bars {
        public var heading: String
        public var label: [Int]
        public var parts: [(column: Int, outcome: Outcome)]
        public var whole: Int
        /// The column holding the figure shown at the bar's end (a pass rate).
        public var value: Int

        public init(heading: String, label: [Int], parts: [(column: Int, outcome: Outcome)], whole: Int, value: Int) {
            (self.heading, self.label, self.parts, self.whole, self.value) = (heading, label, parts, whole, value)
        }
    }

    /// A value in a table or a figure, typed so that each format writes it its own way.
    public enum Cell: Equatable {
        case text(String)
        /// A unit code, a criterion id, a file: text that looks like a number but is not one.
        case code(String)
        case count(Int)
        case money(Int)
        /// A whole percentage: 25 is "25%".
        case percent(Int)
        /// A mean out of a whole: "13,4/16".
        case score(Double, of: Int)
        case date(Day)
        case outcome(Outcome)
        /// An outcome as one mark in a matrix ("✓", "✗"): the section says what each mark means,
        /// and a page gives a screen reader the words.
        case mark(Outcome)
        /// A unit's name, with the code a page may link to the unit's own page by.
        case unit(String, code: String)
        case empty
        /// A figure with a fixed number of decimals: a mean of criteria met, "15,50", whose
        /// hundredths move from one reading to the next.
        case decimal(Double, places: Int)
        /// How much a figure moved between two readings, with its sign, written as the figure is:
        /// "+3", "−2" or "0" for a count, "+4.000.000 ₫" for an amount, "−1,50" for a decimal.
        indirect case change(Cell)

        /// Whether the value is a figure (set to the right in a table).
        public var isFigure: Bool {
            switch self {
            case .count, .money, .percent, .score, .decimal, .change: return true
            default: return false
            }
        }
    }

    /// A table's columns drawn as lines over its rows, one point a row (a period), on a page.
    /// A row whose cell in a drawn column is not a figure (the folder was absent that period)
    /// breaks the line rather than being drawn as zero.
    public struct Chart {
        public var heading: String
        /// The column whose cells name the points along the bottom (the period).
        public var label: Int
        /// The columns drawn, one line each, named by their column's label.
        public var series: [Int]
        /// The top of the scale (the criteria count, for a mean of criteria met); nil: a round
        /// number above the largest value.
        public var top: Double?

        public init(heading: String, label: Int, series: [Int], top: Double? = nil) {
            (self.heading, self.label, self.series, self.top) = (heading, label, series, top)
        }
    }
}
