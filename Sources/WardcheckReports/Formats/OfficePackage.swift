import Foundation
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx): named XML parts zipped with ZIPFoundation, each
/// dated the same fixed day, so the same report gives the same bytes.
enum OfficePackage {
    static func data(_ parts: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 315_532_800)
        for part in parts {
            let bytes = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
