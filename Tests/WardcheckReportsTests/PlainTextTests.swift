import Foundation
@testable import WardcheckReports
import WardcheckCore
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

    /// Printable ASCII is passed eight bytes at a time: a character that needs care is caught
    /// wherever it sits in a word or in the bytes after the last whole word.
    func testEveryPositionOfALongTextIsLookedAt() {
        // Around it, the printable ASCII nearest the edges (space, `~`, `!`, `#`, `=`, `?`, `[`, `]`).
        let filler = Array(" ~!#=?[]09AZaz").map(String.init)
        let markup = ["\"", "\\", "<", ">", "&", "'"]
        let hidden = ["\u{0}", "\u{1F}", "\n", "\t", "\u{7F}", "\u{AD}", "\u{85}", "\u{202E}", "\u{200B}", "\u{2028}"]
        for length in 1...24 {
            for position in 0..<length {
                var characters = (0..<length).map { filler[$0 % filler.count] }
                XCTAssertTrue(PlainText.isPlain(characters.joined().utf8))
                for sample in markup + hidden {
                    characters[position] = sample
                    let text = characters.joined()
                    XCTAssertFalse(PlainText.isPlain(text.utf8), text.debugDescription)
                    XCTAssertEqual(LatinText.isSimple(text.utf8), markup.contains(sample), text.debugDescription)
                }
                // Vietnamese letters between ASCII runs are simple wherever they sit.
                characters[position] = "ữ"
                XCTAssertTrue(PlainText.isPlain(characters.joined().utf8))
                characters[position] = "Đ"
                XCTAssertTrue(PlainText.isPlain(characters.joined().utf8))
            }
        }
        // A letter cut short at the end is not simple.
        let cut = Array("Phường 1".utf8) + [0xE1, 0xBB]
        XCTAssertFalse(cut.withUnsafeBufferPointer { LatinText.isSimple($0) })
        XCTAssertFalse(([UInt8]("abcdefgh".utf8) + [0xC3]).withUnsafeBufferPointer { LatinText.isSimple($0) })
    }
}
