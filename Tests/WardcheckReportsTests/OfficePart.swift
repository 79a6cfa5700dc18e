import Foundation
import XCTest
import ZIPFoundation

/// Reading back what an Office writer packed: one part of the package, and a document's text.
enum OfficePart {
    static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try XCTUnwrap(archive[path], "no \(path)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of every `<w:t>` run, each paragraph's runs joined, entities read back.
    static func runs(_ xml: String) -> String {
        var out = ""
        for paragraph in xml.components(separatedBy: "</w:p>") {
            var line = ""
            var rest = Substring(paragraph)
            while let open = rest.range(of: "<w:t xml:space=\"preserve\">"), let close = rest.range(of: "</w:t>", range: open.upperBound..<rest.endIndex) {
                line += rest[open.upperBound..<close.lowerBound]
                rest = rest[close.upperBound...]
            }
            out += line + "\n"
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
