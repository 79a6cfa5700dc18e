import Foundation
import XCTest
import YAMLTree

/// Files typed on different systems (BOM, CRLF, NFD) load exactly like their plain twins.
final class YAMLLoaderTextFormTests: XCTestCase {
    func testLeadingBOMIsAcceptedAndNotCountedAsAColumn() throws {
        let bytes = try FixtureFiles.bytes("bom.yaml")
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "fixture must start with a BOM")
        let withBOM = YAMLLoader.load(path: FixtureFiles.path("bom.yaml"))
        XCTAssertEqual(withBOM.problems, [])
        XCTAssertEqual(withBOM.root?.entries?.first?.keyStart, Mark(line: 1, column: 1))
        // bom.yaml is valid-minimal.yaml with a BOM in front: same tree, same positions.
        let plain = YAMLLoader.load(path: FixtureFiles.path("valid-minimal.yaml"))
        XCTAssertEqual(Array(bytes.dropFirst(3)), try FixtureFiles.bytes("valid-minimal.yaml"))
        XCTAssertEqual(TreeDump.lines(withBOM.root), TreeDump.lines(plain.root))
    }

    func testCRLFFileLoadsExactlyLikeItsLFTwin() throws {
        let lf = try FixtureFiles.bytes("lf-twin.yaml")
        let crlf = try FixtureFiles.bytes("crlf-twin.yaml")
        XCTAssertFalse(lf.contains(0x0D), "the LF twin must have no CR")
        XCTAssertEqual(crlf, Self.crlf(lf), "the CRLF twin must be the LF twin with every LF made CRLF")

        let fromLF = YAMLLoader.load(path: FixtureFiles.path("lf-twin.yaml"))
        let fromCRLF = YAMLLoader.load(path: FixtureFiles.path("crlf-twin.yaml"))
        XCTAssertEqual(fromCRLF.problems, fromLF.problems)
        XCTAssertEqual(TreeDump.lines(fromCRLF.root), TreeDump.lines(fromLF.root))
        // A literal block keeps its line breaks as LF, whatever the file used.
        XCTAssertEqual(fromCRLF.root?["contact"]?["name"]?.scalar, "Võ Hữu Tài\nPhó Chủ tịch UBND\n")
    }

    func testCRLFDoesNotShiftProblemPositions() {
        // An alias on line 3 at column 4, in both line-ending styles.
        let lf = YAMLLoader.load(string: "a: 1\nb: 2\nc: *x\n")
        let crlf = YAMLLoader.load(string: "a: 1\r\nb: 2\r\nc: *x\r\n")
        XCTAssertEqual(lf.problems.map(\.mark), [Mark(line: 3, column: 4)])
        XCTAssertEqual(crlf.problems, lf.problems)
    }

    func testNFDTypedNameLoadsAsItsNFCForm() throws {
        let raw = String(decoding: try FixtureFiles.bytes("nfd-name.yaml"), as: UTF8.self)
        // U+031B COMBINING HORN only occurs in decomposed text: proof the fixture really is NFD.
        XCTAssertTrue(raw.unicodeScalars.contains("\u{031B}"), "fixture must be typed in NFD")

        let name = try XCTUnwrap(YAMLLoader.load(path: FixtureFiles.path("nfd-name.yaml")).root?["unit"]?["name"]?.scalar)
        // Swift's == already treats NFC and NFD as equal, so compare the scalars themselves.
        let nfc = "Ph\u{01B0}\u{1EDD}ng H\u{00F2}a Xu\u{00E2}n"
        XCTAssertEqual(Array(name.unicodeScalars), Array(nfc.unicodeScalars))
    }

    func testNFDTypedKeyMatchesItsNFCForm() {
        let nfdKey = "te\u{0302}n"  // "tên" with a combining circumflex
        let result = YAMLLoader.load(string: "\(nfdKey): 1\n")
        XCTAssertEqual(result.root?.entries.map { $0.map { Array($0.key.unicodeScalars) } }, [Array("t\u{00EA}n".unicodeScalars)])
    }

    private static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }
}
