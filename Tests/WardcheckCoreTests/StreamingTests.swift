import Dispatch
import Foundation
@testable import WardcheckCore
import XCTest

/// What lets a report of any size be written in the memory of a few units: parts set aside on
/// disk, results handed over in order, a roster read a unit at a time, a report file written in pieces.
final class StreamingTests: XCTestCase {
    func testSpilledPartsComeBackAsTheyWereWritten() throws {
        // The usual batch, one byte (every part written at once), and one between the parts' sizes.
        for batch in [SpillFile.defaultBatch, 1, 3000] {
            try spilledPartsComeBack(SpillFile(trying: SpillFile.folders(beside: nil), batch: batch))
        }
    }

    /// A disk that takes nothing (/dev/full): the parts a write was refused stay in memory, and
    /// every part is read back as it was, written one by one, in batches, or still waiting.
    func testPartsTheDiskRefusesStayInMemory() throws {
        #if os(Linux)
        // The 50 parts are about 120 KB: 100,000 bytes go out in one refused write, the rest wait.
        for batch in [SpillFile.defaultBatch, 1, 100_000] {
            let spill = SpillFile(writingTo: "/dev/full", batch: batch)
            let parts = (0..<50).map { i in Array("part \(i) ".utf8) + Array(repeating: UInt8(i), count: i * 97) }
            let pieces = parts.map(spill.append)
            for (piece, part) in zip(pieces, parts) {
                XCTAssertEqual(spill.read(piece), part)
                XCTAssertEqual(readFrom(spill, piece, part.count / 3), Array(part.dropFirst(part.count / 3)))
            }
            switch batch {
            case 1: XCTAssertEqual(spill.keptInMemory, 50, "each part written alone, each refused")
            case SpillFile.defaultBatch: XCTAssertEqual(spill.keptInMemory, 0, "120 KB: nothing written yet")
            default: XCTAssertTrue((1..<50).contains(spill.keptInMemory), "some batches written and refused, the last waiting")
            }
        }
        #endif
    }

    private func spilledPartsComeBack(_ spill: SpillFile) throws {
        let count = 400
        @Sendable func part(_ i: Int) -> [UInt8] { Array("part \(i): ".utf8) + Array(repeating: UInt8(truncatingIfNeeded: i), count: (i * 37) % 5000) }
        // Appended from every core at once, as the workers of an audit do.
        var pieces = [SpillFile.Piece?](repeating: nil, count: count)
        Pipeline.stream((0..<count).map(String.init), { _, text in (Int(text)!, spill.append(part(Int(text)!))) }, into: { pieces[$0.0] = $0.1 })
        for i in stride(from: count - 1, through: 0, by: -1) {
            XCTAssertEqual(pieces[i].flatMap(spill.read), part(i), "part \(i)")
            // From its second byte, as the audit's JSON reads a part back past its opening brace.
            XCTAssertEqual(pieces[i].flatMap { readFrom(spill, $0, 1) }, Array(part(i).dropFirst()), "part \(i) from its second byte")
        }
        if let piece = pieces[0] {
            var short = [UInt8](repeating: 0, count: piece.count - 2)
            XCTAssertFalse(short.withUnsafeMutableBytes { spill.read(piece, from: 1, into: $0) }, "a buffer of the wrong size is refused")
        }
        XCTAssertEqual(spill.read(spill.append([])), [])
    }

    /// Parts that lie together read in one go (`fill`) and taken from there, as the audit's JSON
    /// reads them back: every byte as written, each byte of the file read once, a span's worth of
    /// parts to a read; a range wider than the span cut to it; a part outside what was read, read
    /// by itself.
    func testPartsReadTogetherComeBackAsWritten() throws {
        let spill = SpillFile(trying: SpillFile.folders(beside: nil), batch: 1)
        let parts = (0..<300).map { i in Array("part \(i): ".utf8) + Array(repeating: UInt8(truncatingIfNeeded: i), count: 900 + (i * 37) % 500) }
        let pieces = parts.map(spill.append)
        let span = SpillFile.ReadAhead.span
        var ahead = SpillFile.ReadAhead()
        var first = 0
        while first < parts.count {
            // The parts from `first` on whose bytes (past their opening byte) fit in one span.
            var end = first + 1
            while end < parts.count, pieces[end].offset + pieces[end].count - (pieces[first].offset + 1) <= span { end += 1 }
            XCTAssertTrue(spill.fill(&ahead, (pieces[first].offset + 1)..<(pieces[end - 1].offset + pieces[end - 1].count)))
            for i in first..<end {
                XCTAssertTrue(ahead.holds(pieces[i], from: 1, of: spill), "part \(i)")
                XCTAssertEqual(readFrom(spill, pieces[i], 1, ahead), Array(parts[i].dropFirst()), "part \(i)")
            }
            first = end
        }
        let total = parts.reduce(0) { $0 + $1.count }
        // 300 parts of 0.9 to 1.4 KB: about 350 KB in six reads, where one read a part took 300.
        // Each read takes its parts whole but the first one's opening byte: every other byte once.
        XCTAssertEqual(ahead.bytesRead, total - ahead.reads)
        XCTAssertLessThanOrEqual(ahead.reads, total / (span - 1500) + 1)
        var wide = SpillFile.ReadAhead()
        XCTAssertTrue(spill.fill(&wide, 0..<total))
        XCTAssertEqual(wide.bytesRead, span, "one read never takes more than the span")
        XCTAssertFalse(wide.holds(pieces[299], from: 1, of: spill))
        XCTAssertEqual(readFrom(spill, pieces[299], 1, wide), Array(parts[299].dropFirst()), "a part not read ahead, read by itself")
        // Bytes read from one spill file are never taken for a part of another at the same place.
        let other = SpillFile(trying: SpillFile.folders(beside: nil), batch: 1)
        let stranger = other.append(Array("stranger".utf8) + Array(repeating: 0xEE, count: 2000))
        XCTAssertEqual(stranger.offset, pieces[0].offset)
        XCTAssertFalse(wide.holds(stranger, from: 1, of: other))
        XCTAssertEqual(readFrom(other, stranger, 1, wide), Array(("tranger".utf8)) + Array(repeating: 0xEE, count: 2000))
    }

    /// A part the disk refused stays in memory; what the file holds in its place (here /dev/full,
    /// which reads as zeros) is never taken for it, even from bytes read ahead over it.
    func testReadAheadNeverTakesARefusedPartFromTheFile() throws {
        #if os(Linux)
        let spill = SpillFile(writingTo: "/dev/full", batch: 1)
        let parts = (0..<20).map { i in Array("part \(i) ".utf8) + Array(repeating: UInt8(i + 1), count: 200) }
        let pieces = parts.map(spill.append)
        XCTAssertEqual(spill.keptInMemory, 20)
        var ahead = SpillFile.ReadAhead()
        XCTAssertTrue(spill.fill(&ahead, 0..<(pieces[19].offset + pieces[19].count)))
        for (piece, part) in zip(pieces, parts) {
            XCTAssertTrue(ahead.holds(piece, from: 1, of: spill))
            XCTAssertEqual(readFrom(spill, piece, 1, ahead), Array(part.dropFirst()))
        }
        #endif
    }

    private func readFrom(_ spill: SpillFile, _ piece: SpillFile.Piece, _ start: Int, _ ahead: SpillFile.ReadAhead) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: piece.count - start)
        return bytes.withUnsafeMutableBytes { spill.read(piece, from: start, into: $0, ahead: ahead) } ? bytes : nil
    }

    /// The part's bytes from `start` on, read into a buffer as the audit's JSON reads them.
    private func readFrom(_ spill: SpillFile, _ piece: SpillFile.Piece, _ start: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: piece.count - start)
        return bytes.withUnsafeMutableBytes { spill.read(piece, from: start, into: $0) } ? bytes : nil
    }

    /// The parts go beside the report (not to /tmp, often memory), in a file already unlinked, and
    /// an empty part, which shares its offset with the next, reads back empty.
    func testSpillFileSitsBesideTheReportUnlinked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spill = SpillFile(beside: folder + "/audit.json")
        let empty = spill.append([])
        let next = spill.append(Array("next".utf8))
        XCTAssertEqual(spill.read(empty), [])
        XCTAssertEqual(spill.read(next), Array("next".utf8))
        XCTAssertEqual(spill.keptInMemory, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "nothing left to see in the folder")
        // With no file to write to, every part stays in memory, and the empty one is still empty.
        let memory = SpillFile(trying: [])
        let nothing = memory.append([])
        let after = memory.append(Array("after".utf8))
        XCTAssertEqual(memory.read(nothing), [])
        XCTAssertEqual(memory.read(after), Array("after".utf8))
        XCTAssertEqual(memory.keptInMemory, 1)
        #if os(Linux)
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)
        }
        XCTAssertTrue(open.contains { $0.hasPrefix(folder + "/.wardcheck-parts-") && $0.hasSuffix("(deleted)") }, "\(open)")
        #endif
    }

    /// Results reach `consume` in input order however the work is timed, and a worker never
    /// gets more than `window` files ahead of the oldest unfinished one.
    func testOrderedHandsResultsOverInOrderWithinTheWindow() {
        let inputs = (0..<300).map(String.init)
        var seen: [Int] = []
        let started = Counter()
        let window = 8
        var widest = 0
        Pipeline.ordered(inputs, window: window, { text -> Int in
            let index = Int(text)!
            started.add(index)
            if index % 17 == 0 { usleep(3000) }
            return index
        }, consume: { index in
            seen.append(index)
            widest = max(widest, started.highest - index)
        })
        XCTAssertEqual(seen, Array(0..<300))
        XCTAssertLessThan(widest, window + 2, "workers ran ahead of the window")
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = -1
        func add(_ index: Int) { lock.lock(); value = max(value, index); lock.unlock() }
        var highest: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// A roster of a country is read a unit at a time, past the 1 MiB a ward file may take;
    /// each unit keeps its facts, typed, with where they are written.
    func testLargeRosterLoadsUnitByUnit() throws {
        let set = try Repo.loadCriteria()
        var text = "roster: 1\nprovince: \"Thử\"\nunits:\n"
        for i in 0..<12_000 {
            text += "  - { code: \"\(String(format: "%05d", i))\", name: \"Xã Số \(i)\", type: commune, terrain: mountain, villages: \(i % 40 + 1) }\n"
        }
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)
        let path = try Repo.write(text, name: "roster.yaml", test: self)
        let (roster, diagnostics) = Roster.load(path: path, schema: set.schema)
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let unit = try XCTUnwrap(roster?.unit("11999"))
        XCTAssertEqual(roster?.units.count, 12_000)
        XCTAssertEqual(unit.name, "Xã Số 11999")
        XCTAssertEqual(unit.attributes.map(\.key), ["type", "terrain", "villages"])
        XCTAssertEqual(unit.attributes.map(\.value), ["commune", "mountain", "40"])
        XCTAssertEqual(unit.facts.map(\.path), ["unit.type", "unit.terrain", "unit.villages"])
        XCTAssertEqual(unit.facts.last?.value, .number(40))
        XCTAssertEqual(unit.facts.first?.start.line, 12_003)
        XCTAssertNil(roster?.unit("12000"))
    }

    /// A unit's errors count only when the roster itself can be read: a syntax error further on
    /// is the one thing reported, as when the roster was read whole before its units.
    func testRosterUnitErrorsGiveWayToASyntaxError() throws {
        let set = try Repo.loadCriteria()
        let broken = "roster: 1\nunits:\n  - { code: \"00001\", name: \"A\", terrain: volcano }\n  - { code: \"00001\", name: \"B\" }\n  - [unclosed\n"
        let (none, diagnostics) = Roster.load(path: try Repo.write(broken, name: "roster.yaml", test: self), schema: set.schema)
        XCTAssertNil(none)
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.code), [.yamlSyntax])
        let wrong = "roster: 1\nunits:\n  - { code: \"00001\", name: \"A\", terrain: volcano }\n  - { code: \"00001\", name: \"B\" }\n"
        let (also, found) = Roster.load(path: try Repo.write(wrong, name: "roster.yaml", test: self), schema: set.schema)
        XCTAssertNil(also)
        XCTAssertEqual(found.map(\.code), [.notInEnum, .duplicateUnit])
        XCTAssertEqual(found.map(\.start.line), [3, 4])
    }

    /// A report file written in pieces replaces its target only when committed; a writer dropped
    /// half way leaves the old report and no temporary file.
    func testReportWrittenInPiecesReplacesItsTargetOnlyWhenCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("audit.json").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        do {
            let writer = try AtomicFile.Writer(target)
            try writer.write(Array(repeating: 0x41, count: 200_000))
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["audit.json"])
        let writer = try AtomicFile.Writer(target)
        for piece in ["{", String(repeating: "x", count: 100_000), "}"] { try writer.write(Array(piece.utf8)) }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old", "nothing replaced before the commit")
        try writer.commit()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "{" + String(repeating: "x", count: 100_000) + "}")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["audit.json"])
    }

    /// A large report is sent on to the disk a mebibyte at a time while it is written, every byte
    /// once and in order, so that the commit's fsync waits for the last piece alone; what lands is
    /// the report, byte for byte.
    func testLargeReportSentOnToTheDiskPieceByPiece() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("audit.json").path
        // 3.5 MiB in pieces of 70,000 bytes, each a different byte: the file's 64 KiB writes fall between them.
        let pieces = (0..<53).map { i in [UInt8](repeating: UInt8(0x30 + i % 40), count: 70_000) }
        let writer = try AtomicFile.Writer(target)
        for piece in pieces { try writer.write(piece) }
        // Each piece sent on starts where the last ended, from the first byte, and is a mebibyte or a little more.
        XCTAssertEqual(writer.sentOn.count, 3, "\(writer.sentOn)")
        XCTAssertEqual(writer.sentOn.first?.lowerBound, 0)
        for (before, after) in zip(writer.sentOn, writer.sentOn.dropFirst()) { XCTAssertEqual(before.upperBound, after.lowerBound) }
        for range in writer.sentOn { XCTAssertTrue((1 << 20 ..< (1 << 20) + (1 << 17)).contains(range.count), "\(range)") }
        try writer.commit()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), Data(pieces.joined()))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["audit.json"])
    }
}
