import Foundation
import XCTest
import WardcheckCore
import YAMLTree

/// A facts file means the same whatever system typed it: NFD or NFC, CRLF or LF, with or without a BOM.
final class FactsTextFormTests: XCTestCase {
    func testNFDTypedUnitNameLoadsEqualToItsNFCForm() throws {
        let facts = try XCTUnwrap(try FactsFixtures.load("nfd-name.yaml").facts)
        let name = try XCTUnwrap(facts.name)
        // `==` on Swift strings ignores normalisation; the stored scalars must be the NFC ones.
        let nfc = "Ph\u{01B0}\u{1EDD}ng H\u{00F2}a Xu\u{00E2}n"
        XCTAssertEqual(Array(name.unicodeScalars), Array(nfc.unicodeScalars))
        XCTAssertEqual(facts["unit.name"]?.value, .text(nfc))
    }

    func testCRLFFileHasTheSameFactsAndDiagnosticsAsItsLFTwin() throws {
        let lf = try FactsFixtures.load("lf-twin.yaml")
        let crlf = try FactsFixtures.load("crlf-twin.yaml")
        // By hand: line 9 `  genrator:`, line 12 `    present: yes`, and line 15 `  name: |`, a contact
        // name over two lines where one line of text belongs (the `|` at column 9).
        XCTAssertEqual(lf.spots, [Spot("WC101", 9, 3), Spot("WC103", 12, 14), Spot("WC114", 15, 9)])
        XCTAssertEqual(crlf.spots, lf.spots)
        XCTAssertEqual(crlf.diagnostics.map(\.end), lf.diagnostics.map(\.end))
        XCTAssertEqual(crlf.diagnostics.map(\.message), lf.diagnostics.map(\.message))
        XCTAssertEqual(crlf.diagnostics.map(\.sourceLine), lf.diagnostics.map(\.sourceLine), "no stray CR in quoted lines")

        let lfFacts = try XCTUnwrap(try FactsFixtures.facts(path: FactsFixtures.path("lf-twin.yaml")))
        let crlfFacts = try XCTUnwrap(try FactsFixtures.facts(path: FactsFixtures.path("crlf-twin.yaml")))
        XCTAssertEqual(Self.dump(crlfFacts), Self.dump(lfFacts))
        XCTAssertEqual(crlfFacts["contact.phone"]?.value, .text("0236 3002 803"))
        // CR LF reads as one break: the text breaks after "Võ Hữu Tài", at character 11, in both.
        XCTAssertTrue(crlf.diagnostics[2].message.en.hasSuffix("breaks onto a new line at character 11; this field holds one line"),
                      crlf.diagnostics[2].message.en)
    }

    func testValidFileConvertedToCRLFStaysValidWithTheSameFacts() throws {
        let lfPath = FactsFixtures.path("valid-complete.yaml")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: lfPath))
        let crlfPath = try FactsFixtures.temporaryFolder(self).appendingPathComponent("valid-complete-crlf.yaml").path
        try Data(bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }).write(to: URL(fileURLWithPath: crlfPath))

        let validator = try FactsFixtures.validator()
        let lf = FactsFile.load(path: lfPath, validator: validator)
        let crlf = FactsFile.load(path: crlfPath, validator: validator)
        XCTAssertEqual(crlf.spots, [])
        XCTAssertEqual(Self.dump(try XCTUnwrap(crlf.facts)), Self.dump(try XCTUnwrap(lf.facts)))
    }

    func testLeadingBOMIsAcceptedWithoutShiftingPositions() throws {
        let withBOM = try FactsFixtures.load("bom.yaml")
        let plain = try FactsFixtures.load("valid-minimal.yaml")
        XCTAssertEqual(withBOM.spots, [])
        XCTAssertEqual(Self.dump(try XCTUnwrap(withBOM.facts)), Self.dump(try XCTUnwrap(plain.facts)))
        // `format: 1` is the first thing after the BOM: its value is at 1:9, not 1:10.
        XCTAssertEqual(withBOM.facts?["format"]?.start, Mark(line: 1, column: 9))
    }

    /// Every fact with its value and span, sorted, for comparing two files' facts whole.
    static func dump(_ facts: Facts) -> [String] {
        facts.values.map { "\($0.key) = \($0.value.value.display.debugDescription) @\($0.value.start)-\($0.value.end)" }.sorted()
            + facts.blocks.map { "\($0.key) block @\($0.value)" }.sorted()
    }
}
