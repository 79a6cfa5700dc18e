import Foundation
import WardcheckCore
import ZIPFoundation

/// One part of an Office package (a sheet, the document's body) set aside on disk as it is
/// written, in chunks of the size the zip reads them back, so a country's sheet is never whole in
/// memory. Where no temporary file can be made, `SpillFile` keeps the chunks in memory instead.
struct PartFile: ReportOutput {
    /// ZIPFoundation's own chunk: the zip asks for the part a chunk at a time, from the start.
    static let chunk = defaultWriteChunkSize

    private let spill: SpillFile
    private var pieces: [SpillFile.Piece] = []
    private var pending: [UInt8] = []
    private(set) var size: Int64 = 0

    init(scratch: [String]) {
        spill = SpillFile(trying: scratch)
    }

    mutating func write(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        size += Int64(bytes.count)
        var start = 0
        while pending.count - start >= Self.chunk {
            pieces.append(spill.append(Array(pending[start..<start + Self.chunk])))
            start += Self.chunk
        }
        if start > 0 { pending.removeFirst(start) }
    }

    /// Sets the last, shorter chunk aside: call it once everything is written.
    mutating func finish() {
        if !pending.isEmpty { pieces.append(spill.append(pending)) }
        pending = []
    }

    /// The chunk that starts at `position` (a multiple of `chunk`), as the zip asks for it.
    func read(at position: Int64, count: Int) throws -> Data {
        guard count > 0 else { return Data() }
        let n = Int(position) / Self.chunk
        guard Int(position) % Self.chunk == 0, n < pieces.count, let bytes = spill.read(pieces[n]), bytes.count == count else {
            throw OfficePackage.Lost()
        }
        return Data(bytes)
    }
}
