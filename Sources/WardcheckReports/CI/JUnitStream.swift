import WardcheckCore

/// `check --format junit` for a folder of any size. The root element carries the totals of
/// every suite, so nothing can be written before the last unit is judged: each unit's
/// <testsuite> is rendered on the core that judged it and set aside on disk (`SpillFile`), and
/// read back in the order of the files once the totals are known. Memory holds the totals, the
/// gate's findings and where each part is, never the report.
public struct JUnitStream {
    /// What the exit code is decided on.
    public let findings: Gate.Findings
    /// The root's counts: the sums of every suite's.
    public let total: JUnitReport.Counts
    private let files: [String]
    private let spill: SpillFile
    private let pieces: [SpillFile.Piece?]

    /// Judges every file; `report` is the file the XML is for, if any (the parts go beside it).
    public init(_ files: [String], judge: @escaping @Sendable (String) -> UnitReport, language: Language, besides report: String?) {
        self.init(files, judge: judge, language: language, spill: SpillFile(beside: report))
    }

    init(_ files: [String], judge: @escaping @Sendable (String) -> UnitReport, language: Language, spill: SpillFile) {
        var pieces = [SpillFile.Piece?](repeating: nil, count: files.count)
        var total = JUnitReport.Counts()
        var findings = Gate.Findings()
        Pipeline.stream(files, { index, path -> (Int, SpillFile.Piece, JUnitReport.Counts, UnitReport.Tally) in
            let report = judge(path)
            let part = JUnitReport.part(report, language)
            return (index, spill.append(Array(part.text.utf8)), part.counts, report.tally)
        }, into: { index, piece, counts, tally in
            pieces[index] = piece
            total = total + counts
            findings = UnitReport.Tally.findings([tally], adding: findings)
        })
        self.files = files
        self.spill = spill
        self.pieces = pieces
        self.total = total
        self.findings = findings
    }

    /// How many parts could not go to disk and were kept in memory instead.
    public var keptInMemory: Int { spill.keptInMemory }

    /// The document, the same bytes as `JUnitReport.check` of the same units.
    public func write<Output: ReportOutput>(to out: inout Output) throws {
        try out.write(Array(JUnitReport.opening(name: JUnitReport.checkName, total: total, empty: files.isEmpty).utf8))
        for (index, piece) in pieces.enumerated() {
            guard let piece, let part = spill.read(piece) else { throw SpillFile.PartLost(file: files[index]) }
            try out.write(part)
        }
        try out.write(Array(JUnitReport.closing(empty: files.isEmpty).utf8))
    }
}
