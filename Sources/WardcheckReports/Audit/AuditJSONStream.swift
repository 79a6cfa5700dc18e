import WardcheckCore

/// The audit's JSON for a folder of any size: each unit's part rendered on the core that judged
/// it and set aside on disk, the row kept without what the part now holds (remedies, problems,
/// contact), and the parts read back in rank order once every unit is judged. Memory holds one
/// small row per unit, never the report. `audit --format json` and its test both run this.
public struct AuditJSONStream {
    public let audit: Audit
    private let spill: SpillFile
    private let pieces: [SpillFile.Piece?]

    /// Judges every file; `report` is the file the JSON is for, if any (the parts go beside it).
    public init(_ files: [String], judge: @escaping @Sendable (String) -> UnitReport, accumulator: AuditAccumulator,
                criteria: CriteriaSet, language: Language, besides report: String?) {
        let units = AuditJSON.UnitWriter(criteria: criteria, tasks: accumulator.tasks, language: language)
        let rows = accumulator.rowMaker
        let spill = SpillFile(beside: report)
        var pieces = [SpillFile.Piece?](repeating: nil, count: files.count)
        Pipeline.stream(files, { index, path -> (AuditAccumulator.Entry, SpillFile.Piece?) in
            let entry = rows.entry(for: judge(path), input: index)
            guard case .row(var row) = entry else { return (entry, nil) }
            let piece = spill.append(units.part(row))
            // The part on disk holds them now.
            row.remedies = []
            row.problems = []
            row.contact = nil
            return (.row(row), piece)
        }, into: { entry, piece in
            accumulator.add(entry)
            if case .row(let row) = entry { pieces[row.input] = piece }
        })
        self.audit = accumulator.finish()
        self.spill = spill
        self.pieces = pieces
    }

    /// How many parts could not go to disk and were kept in memory instead.
    public var keptInMemory: Int { spill.keptInMemory }

    public func write<Output: ReportOutput>(language: Language, to out: inout Output) throws {
        try AuditJSON.write(audit, language: language, parts: { row, json in
            // Straight from the disk into the document, past the part's opening brace: no array
            // made, filled with zeros and copied again for each of a country's units.
            guard let piece = pieces[row.input], piece.count > 0,
                  json.continueFragment(count: piece.count - 1, { spill.read(piece, from: 1, into: $0) }) else {
                throw SpillFile.PartLost(file: row.file)
            }
        }, to: &out)
    }
}
