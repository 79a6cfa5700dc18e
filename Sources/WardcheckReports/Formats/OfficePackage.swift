#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx): named XML parts zipped with ZIPFoundation, each
/// dated the same fixed day, so the same report gives the same bytes.
///
/// A country's report is never whole in memory here: each part is written to a temporary file
/// (`PartFile`) and zipped from it a chunk at a time, into an archive that is itself a temporary
/// file, copied to the output at the end. Where no temporary file can be made, the same steps run
/// in memory and give the same bytes.
enum OfficePackage {
    /// One part: its path in the package and what writes its bytes.
    struct Part {
        var path: String
        var write: (inout PartFile) throws -> Void

        init(_ path: String, write: @escaping (inout PartFile) throws -> Void) {
            (self.path, self.write) = (path, write)
        }

        init(_ path: String, text: String) {
            self.init(path) { try $0.write(text) }
        }
    }

    /// A part the temporary file would not give back, or an archive that could not be read back.
    struct Lost: Error {}

    /// The package to `out`. `scratch`: the folders where its temporary files may go, best first;
    /// none keeps everything in memory (a report returned as bytes).
    static func write<Output: ReportOutput>(_ parts: [Part], scratch: [String], to out: inout Output) throws {
        let file = ArchiveFile(trying: scratch)
        let archive: Archive
        if let file {
            archive = try Archive(url: URL(fileURLWithPath: file.path), accessMode: .update)
        } else {
            archive = try Archive(accessMode: .create)
        }
        let date = Date(timeIntervalSince1970: 315_532_800)
        for part in parts {
            var bytes = PartFile(scratch: scratch)
            try part.write(&bytes)
            bytes.finish()
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: bytes.size, modificationDate: date,
                                 compressionMethod: .deflate, bufferSize: PartFile.chunk) { position, size in
                try bytes.read(at: position, count: size)
            }
        }
        guard let file else {
            guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
            return try out.write([UInt8](data))
        }
        try file.copy(to: &out)
    }

    static func data(_ parts: [Part]) throws -> Data {
        var out = MemoryOutput()
        try write(parts, scratch: [], to: &out)
        return Data(out.bytes)
    }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
