import Foundation
@testable import WardcheckReports
import XCTest

/// Text the reports copy without looking at each character must be text no format escapes:
/// every character taken as plain is visible, printable and means nothing to JSON, HTML or CSV.
final class PlainTextTests: XCTestCase {
    func testEveryPlainCharacterIsVisibleAndCopiedAsIs() throws {
        let special: Set<Unicode.Scalar> = ["\"", "\\", "<", ">", "&", "'"]
        var plain = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard PlainText.isPlain(text.utf8) else { continue }
            plain += 1
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
                XCTFail("U+\(String(value, radix: 16)) is taken as plain but is \(scalar.properties.generalCategory)")
            default: break
            }
            XCTAssertFalse(special.contains(scalar))
            var escaped: [UInt8] = []
            JSON.escape("a" + text + "ä", into: &escaped)
            XCTAssertEqual(String(decoding: escaped, as: UTF8.self), "\"a" + text + "ä\"")
            let decoded = try JSONSerialization.jsonObject(with: Data(escaped), options: .fragmentsAllowed) as? String
            XCTAssertEqual(decoded, "a" + text + "ä")
        }
        XCTAssertEqual(plain, 952)  // 89 ASCII, 607 of U+00A0–U+02FF, 256 of U+1E00–U+1EFF
        XCTAssertTrue(PlainText.isPlain("Phường Hòa Xuân, 0236 3002 803".utf8))
        for hostile in ["a\u{AD}b", "\u{85}", "a\u{202E}b", "x\u{200B}", "line\nbreak", "tab\t", "<script>", "quote\"", "\u{2028}", "\u{7F}"] {
            XCTAssertFalse(PlainText.isPlain(hostile.utf8), hostile.debugDescription)
        }
    }
}
