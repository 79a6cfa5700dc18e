extension ReportDocument {
    /// A table's rows: held, for a small table, or made one at a time from what the report keeps
    /// (a country's ranking, made from the audit's compact rows), so that a writer that goes
    /// through them twice — widths first, then lines — never holds the table, only the row in hand.
    /// Making a row again gives the same row, so every pass sees the same table.
    public struct Rows: RandomAccessCollection, ExpressibleByArrayLiteral {
        public let count: Int
        private let make: (Int) -> [Cell]

        /// Rows held in memory.
        public init(_ rows: [[Cell]]) {
            count = rows.count
            make = { rows[$0] }
        }

        /// `count` rows, the `n`th made by `row(n)` each time it is read; `row` must give the same
        /// cells every time.
        public init(count: Int, row: @escaping (Int) -> [Cell]) {
            self.count = count
            make = row
        }

        public init(arrayLiteral rows: [Cell]...) { self.init(rows) }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> [Cell] { make(position) }

        /// These rows with one more after them (a table's total), still made one at a time.
        func followed(by last: [Cell]?) -> Rows {
            guard let last else { return self }
            let (rows, n) = (self, count)
            return Rows(count: n + 1) { $0 < n ? rows[$0] : last }
        }
    }
}

extension ReportDocument.Table {
    /// The rows and then the total, if any: what a writer that draws the total as one more row goes through.
    public var rowsAndTotal: ReportDocument.Rows { rows.followed(by: total) }

    /// Which columns hold a figure (set to the right) and which a mark, in any row or the total:
    /// found in one pass, so that a country's table is made once for this rather than once a column.
    func columnKinds() -> (figures: Set<Int>, marks: Set<Int>) {
        var figures = Set<Int>(), marks = Set<Int>()
        for row in rowsAndTotal {
            for (i, cell) in row.enumerated() where i < columns.count {
                if cell.isFigure { figures.insert(i) }
                if cell.isMark { marks.insert(i) }
            }
        }
        return (figures, marks)
    }
}
