import Foundation
import WardcheckCore

/// The audit's JSON for a folder of any size: each unit's part rendered on the core that judged
/// it and set aside on disk, the row kept without what the part now holds (remedies, problems,
/// contact), and the parts read back in rank order once every unit is judged. Memory holds one
/// small row per unit, never the report. `audit --format json` and its test both run this.
public struct AuditJSONStream {
    public let audit: Audit
    private let spills: PartsByPassed
    private let pieces: [SpillFile.Piece?]

    /// Judges every file; `report` is the file the JSON is for, if any (the parts go beside it).
    /// `batch`: how many bytes wait in each spill file before they are written (tests write each part at once).
    public init(_ files: [String], judge: @escaping @Sendable (String) -> UnitReport, accumulator: AuditAccumulator,
                criteria: CriteriaSet, language: Language, besides report: String?, batch: Int = PartsByPassed.batch) {
        let units = AuditJSON.UnitWriter(criteria: criteria, tasks: accumulator.tasks, language: language)
        let rows = accumulator.rowMaker
        let spills = PartsByPassed(besides: report, batch: batch)
        var pieces = [SpillFile.Piece?](repeating: nil, count: files.count)
        Pipeline.stream(files, { index, path -> (AuditAccumulator.Entry, SpillFile.Piece?) in
            let entry = rows.entry(for: judge(path), input: index)
            guard case .row(var row) = entry else { return (entry, nil) }
            let piece = spills.file(row.passed).append(units.part(row))
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
        self.spills = spills
        self.pieces = pieces
    }

    /// How many parts could not go to disk and were kept in memory instead.
    public var keptInMemory: Int { spills.keptInMemory }

    /// Returns how many reads the parts took (those read together, and those read alone, or kept
    /// in memory): what the tests hold to the number of parts.
    @discardableResult
    public func write<Output: ReportOutput>(language: Language, to out: inout Output) throws -> Int {
        let rows = audit.rows
        var ahead = SpillFile.ReadAhead()
        var alone = 0
        // Where the report is in `rows`: the parts are asked for in that order, which is what
        // lets the parts to come be read with this one.
        var position = 0
        try AuditJSON.write(audit, language: language, parts: { row, json in
            defer { position += 1 }
            guard let piece = pieces[row.input], piece.count > 0 else { throw SpillFile.PartLost(file: row.file) }
            let spill = spills.file(row.passed)
            if !ahead.holds(piece, from: 1, of: spill), position < rows.count, rows[position].input == row.input {
                spill.fill(&ahead, readTogether(from: position, rows))
            }
            if !ahead.holds(piece, from: 1, of: spill) { alone += 1 }
            // Straight into the document, past the part's opening brace: no array made, filled
            // with zeros and copied again for each of a country's units.
            guard json.continueFragment(count: piece.count - 1, { spill.read(piece, from: 1, into: $0, ahead: ahead) }) else {
                throw SpillFile.PartLost(file: row.file)
            }
        }, to: &out)
        return ahead.reads + alone
    }

    /// The bytes of the part of `rows[position]` and of the parts after it in the report that lie
    /// with it within one read (`ReadAhead.span`) of the same file, up to the first that does not;
    /// an empty range when that part is alone, to be read by itself.
    private func readTogether(from position: Int, _ rows: [Audit.Row]) -> Range<Int> {
        guard let first = pieces[rows[position].input] else { return 0..<0 }
        var low = first.offset + 1, high = first.offset + first.count
        var next = position + 1
        while next < rows.count, rows[next].passed == rows[position].passed, let piece = pieces[rows[next].input] {
            let (l, h) = (min(low, piece.offset + 1), max(high, piece.offset + piece.count))
            guard h - l <= SpillFile.ReadAhead.span else { break }
            (low, high) = (l, h)
            next += 1
        }
        return next > position + 1 ? low..<high : 0..<0
    }
}

/// The units' parts filed by how many criteria each unit passed, one spill file per number. The
/// report reads them back most passed first, then by code: within one number that is nearly the
/// order the parts were written (units are judged in the order of their files, which a city names
/// by code), so each file is read from start to end in a few large reads, where one spill file
/// for all was one read per unit, jumping back and forth: 3,315 system calls, some 10 ms on one
/// core after a country's units were judged. A file is made when its first part comes.
public final class PartsByPassed: @unchecked Sendable {
    /// Written once 64 KiB wait, in each file: what waits is at most that times the numbers met.
    public static let batch = 1 << 16

    private let folders: [String]
    private let batch: Int
    private var files: [Int: SpillFile] = [:]
    private let lock = NSLock()

    init(besides report: String?, batch: Int) {
        folders = SpillFile.folders(beside: report)
        self.batch = batch
    }

    func file(_ passed: Int) -> SpillFile {
        lock.lock()
        defer { lock.unlock() }
        if let file = files[passed] { return file }
        let file = SpillFile(trying: folders, batch: batch)
        files[passed] = file
        return file
    }

    var keptInMemory: Int {
        lock.lock()
        defer { lock.unlock() }
        return files.values.reduce(0) { $0 + $1.keptInMemory }
    }
}
