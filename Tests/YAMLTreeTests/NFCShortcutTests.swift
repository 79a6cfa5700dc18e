import Foundation
@testable import YAMLTree
import XCTest

/// The loader skips Unicode normalisation for text made only of characters that NFC leaves alone
/// whatever surrounds them; Foundation's NFC must agree on every such character and pair.
final class NFCShortcutTests: XCTestCase {
    private func plainlyComposed(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { NFC.isPlainlyComposed($0) }
    }

    private let shortcut: [Unicode.Scalar] = ((0x20...0x7E).map { $0 } + (0xA0...0x2FF).map { $0 } + (0x1E00...0x1EFF).map { $0 })
        .compactMap { Unicode.Scalar(UInt32($0)) }

    func testEveryCharacterTakenAsComposedIsUnchangedByNFC() {
        for scalar in shortcut {
            let text = String(Character(scalar))
            XCTAssertTrue(plainlyComposed(text), "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [scalar.value], "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// No two of them compose into something else: every pair, with a stride over the second.
    func testNoPairOfThemComposes() {
        for first in shortcut {
            for second in stride(from: 0, to: shortcut.count, by: 5).map({ shortcut[$0] }) {
                var text = String.UnicodeScalarView()
                text.append(first)
                text.append(second)
                let pair = String(text)
                XCTAssertEqual(Array(pair.precomposedStringWithCanonicalMapping.unicodeScalars), [first, second])
            }
        }
    }

    func testCombiningMarksAndOtherScriptsTakeTheFullNormalisation() {
        XCTAssertTrue(plainlyComposed("Phường Hòa Xuân, Thành phố Đà Nẵng"))
        XCTAssertFalse(plainlyComposed("Phu\u{031B}o\u{031B}\u{0300}ng"))  // NFD: combining horn and grave
        XCTAssertFalse(plainlyComposed("\u{0301}"))
        XCTAssertFalse(plainlyComposed("Ω\u{212B}"))  // Greek, and the Ångström sign NFC replaces
        XCTAssertFalse(plainlyComposed("한국"))
        let loaded = YAMLLoader.load(string: "name: \"Phu\u{031B}o\u{031B}\u{0300}ng\"\n")
        XCTAssertEqual(loaded.root?["name"]?.scalar, "Phường")
    }
}
