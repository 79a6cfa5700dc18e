import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// The report formats for people written piece by piece, as `audit` writes a country: the same
/// bytes as the report rendered whole, with no piece anywhere near the whole report, from an audit
/// that keeps no remedies, and tables whose rows are made each time they are read.
final class StreamedDocumentTests: XCTestCase {
    /// An output that keeps what it is given and how: the pieces' number and the largest.
    private struct Pieces: ReportOutput {
        var bytes: [UInt8] = []
        var count = 0
        var largest = 0

        mutating func write(_ bytes: [UInt8]) {
            self.bytes += bytes
            count += 1
            largest = max(largest, bytes.count)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private var document: ReportDocument { AuditDocument.build(AuditFixture.samples.audit, language: .vi) }

    func testEveryFormatForPeopleWritesPieceByPieceWhatItRendersWhole() throws {
        let document = self.document
        let units = AuditFixture.samples.audit.rows.count
        XCTAssertGreaterThan(units, 50, "the sample city")
        var written: [(String, Pieces, String)] = []
        var text = Pieces()
        try DocumentText().write(document, to: &text)
        written.append(("text", text, DocumentText().render(document)))
        var csv = Pieces()
        try DocumentCSV.write(document, separator: .semicolon, to: &csv)
        written.append(("csv", csv, DocumentCSV.render(document, separator: .semicolon)))
        var markdown = Pieces()
        try DocumentMarkdown.write(document, to: &markdown)
        written.append(("markdown", markdown, DocumentMarkdown.render(document)))
        var html = Pieces()
        let options = DocumentHTML.Options(generator: "wardcheck audit", landscape: true)
        try DocumentHTML.write(document, options: options, to: &html)
        written.append(("html", html, DocumentHTML.render(document, options: options)))
        for (format, pieces, whole) in written {
            XCTAssertTrue(pieces.text == whole, "\(format): the pieces differ from the whole report")
            // A row a piece at most: the ranking, the matrix and the parties' units each give one per unit.
            XCTAssertGreaterThan(pieces.count, 2 * units, format)
            XCTAssertLessThan(pieces.largest * 4, pieces.bytes.count, "\(format): one piece holds a quarter of the report")
        }
    }

    /// What `audit` keeps of each unit for these formats (no remedies, no contact) makes the same
    /// document as the full rows.
    func testTheDocumentOfCompactRowsIsTheDocumentOfFullRows() throws {
        let (whole, files, evaluator) = AuditFixture.samples
        let (roster, _) = Roster.load(path: AuditFixture.wards.appendingPathComponent("roster.yaml").path, schema: AuditFixture.criteria.schema)
        let accumulator = AuditAccumulator(criteria: AuditFixture.criteria, roster: roster, asOf: evaluator.asOf)
        for (i, file) in files.enumerated() {
            var entry = accumulator.entry(for: UnitReport.check(path: file, evaluator: evaluator), input: i)
            if case .row(var row) = entry {
                row.remedies = []
                row.contact = nil
                entry = .row(row)
            }
            accumulator.add(entry)
        }
        let compact = accumulator.finish()
        XCTAssertTrue(compact.rows.allSatisfy { $0.remedies.isEmpty })
        XCTAssertTrue(whole.rows.contains { !$0.remedies.isEmpty }, "the full rows hold remedies")
        for language in [Language.vi, .en] {
            let full = AuditDocument.build(whole, language: language)
            let kept = AuditDocument.build(compact, language: language)
            XCTAssertTrue(DocumentText().render(full) == DocumentText().render(kept), "text, \(language)")
            XCTAssertTrue(DocumentCSV.render(full) == DocumentCSV.render(kept), "csv, \(language)")
        }
    }

    func testATableWhoseRowsAreMadeGivesTheSameRowsEachTimeItIsRead() throws {
        let document = self.document
        for key in ["ranking", "matrix", "party_units"] {
            let table = try XCTUnwrap(document.sections.flatMap(\.tables).first { $0.key == key }, key)
            XCTAssertGreaterThan(table.rows.count, 0, key)
            XCTAssertEqual(Array(table.rows), Array(table.rows), key)
            XCTAssertEqual(table.rows.map { $0.count }, Array(repeating: table.columns.count, count: table.rows.count), key)
        }
        // The parties' units: each party's by code, as an office looks them up.
        let parties = try XCTUnwrap(document.sections.flatMap(\.tables).first { $0.key == "party_units" })
        let firstParty = parties.rows.filter { $0[0] == parties.rows[0][0] }.map { $0[1].text(.vi) }
        XCTAssertEqual(firstParty, firstParty.sorted())

        // Rows are made when read, never when the table is built, and the total comes last.
        var made = 0
        let rows = ReportDocument.Rows(count: 3) { n in
            made += 1
            return [.count(n)]
        }
        let table = ReportDocument.Table(key: "t", columns: [.init("n", "n")], rows: rows, total: [.text("all")])
        XCTAssertEqual(made, 0)
        XCTAssertEqual(Array(table.rowsAndTotal), [[.count(0)], [.count(1)], [.count(2)], [.text("all")]])
        XCTAssertEqual(Array(table.rowsAndTotal), Array(table.rowsAndTotal))
        XCTAssertEqual(made, 9)
    }

    /// The workbook and the official document zipped through temporary files are the bytes the
    /// same package makes in memory, and leave no file behind.
    func testOfficePackagesThroughTemporaryFilesAreTheBytesMadeInMemory() throws {
        let document = self.document
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var workbook = Pieces()
        try DocumentWorkbook.write(document, scratch: [folder.path], to: &workbook)
        XCTAssertTrue(Data(workbook.bytes) == (try DocumentWorkbook.data(document)), "xlsx")
        var official = Pieces()
        try DocumentDOCX.write(document, heading: OfficialHeading(), scratch: [folder.path], to: &official)
        XCTAssertTrue(Data(official.bytes) == (try DocumentDOCX.data(document)), "docx")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "temporary files left behind")
        // A folder that cannot take the files: the same bytes, made in memory.
        var fallback = Pieces()
        try DocumentWorkbook.write(document, scratch: [folder.appendingPathComponent("missing").path], to: &fallback)
        XCTAssertTrue(fallback.bytes == workbook.bytes)
    }

    /// A part is read back by the zip a chunk at a time: every chunk as written, across the
    /// pieces it was written in.
    func testAPartFileGivesBackEachChunkAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.path
        var part = PartFile(scratch: [folder])
        let bytes = (0..<(3 * PartFile.chunk + 5)).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 251) }
        var at = 0
        for size in [1, PartFile.chunk - 1, 2, PartFile.chunk + 3, 1_000] where at < bytes.count {
            part.write(Array(bytes[at..<min(bytes.count, at + size)]))
            at += size
        }
        part.write(Array(bytes[min(at, bytes.count)...]))
        part.finish()
        XCTAssertEqual(part.size, Int64(bytes.count))
        var back: [UInt8] = []
        var position = 0
        while position < bytes.count {
            let count = min(PartFile.chunk, bytes.count - position)
            back += [UInt8](try part.read(at: Int64(position), count: count))
            position += count
        }
        XCTAssertTrue(back == bytes)
        XCTAssertThrowsError(try part.read(at: 1, count: 10), "not a chunk's start")
    }
}
