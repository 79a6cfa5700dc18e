import Foundation
import XCTest
import YAMLTree

/// What the strict loader reports for each kind of broken YAML, and exactly where.
/// Every expected position is counted by hand from the fixture text quoted in the comment.
final class YAMLLoaderProblemTests: XCTestCase {
    func testDuplicateKeyIsReportedAtTheSecondKeyAndTheFirstValueKept() throws {
        // line 3: `  code: "20194"`   line 6: `  code: "20195"` → second key at 6:3, first at 3:3.
        let result = YAMLLoader.load(path: FixtureFiles.path("duplicate-key.yaml"))
        XCTAssertEqual(result.problems, [
            YAMLProblem(.duplicateKey(key: "code", first: Mark(line: 3, column: 3)),
                        at: Mark(line: 6, column: 3), end: Mark(line: 6, column: 7)),
        ])
        XCTAssertFalse(result.problems[0].isFatal, "a duplicate must not stop the other checks")
        let unit = try XCTUnwrap(result.root?["unit"])
        XCTAssertEqual(unit.entries?.map(\.key), ["code", "name", "type"])
        XCTAssertEqual(unit["code"]?.scalar, "20194")
    }

    func testAnchorAndAliasAreEachReportedAtTheirOwnPosition() throws {
        // line 6: `  villages: &thon 12` → `&` at column 13; line 9: `  officials: *thon` → `*` at column 14.
        let result = YAMLLoader.load(path: FixtureFiles.path("anchor-alias.yaml"))
        XCTAssertEqual(result.problems.map(\.kind), [.anchor(name: "thon"), .alias(name: "thon")])
        XCTAssertEqual(result.problems.map(\.mark), [Mark(line: 6, column: 13), Mark(line: 9, column: 14)])
        XCTAssertTrue(result.problems.allSatisfy { !$0.isFatal })
        // The anchored value is still read; the alias stands as a rejected node, never as a copy.
        XCTAssertEqual(result.root?["unit"]?["villages"]?.scalar, "12")
        let alias = try XCTUnwrap(result.root?["staffing"]?["officials"])
        guard case .rejected = alias.kind else { return XCTFail("alias was resolved to \(alias.kind)") }
    }

    func testTabIndentationAfterVietnameseTextIsATabProblem() {
        // Line 5 starts with a tab. Lines 1–4 hold "Phường Hòa Xuân", whose letters take more
        // bytes than characters: libyaml's character index must not be used as a byte index.
        let result = YAMLLoader.load(path: FixtureFiles.path("tab-indentation.yaml"))
        XCTAssertEqual(result.problems, [YAMLProblem(.tabIndentation, at: Mark(line: 5, column: 1))])
        XCTAssertTrue(result.problems[0].isFatal)
    }

    func testTabAfterSpacesIsATabProblemAtTheTab() {
        let result = YAMLLoader.load(string: "a:\n  b: 1\n  \tc: 2\n")
        XCTAssertEqual(result.problems, [YAMLProblem(.tabIndentation, at: Mark(line: 3, column: 3))])
    }

    func testTabsInsideValuesAndAfterAColonAreNotIndentation() {
        let result = YAMLLoader.load(string: "a: \"x\ty\"\nb:\t1\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.root?["a"]?.scalar, "x\ty")
        XCTAssertEqual(result.root?["b"]?.scalar, "1")
    }

    func testInvalidUTF8PointsAtTheBadByteCountingCharactersNotBytes() {
        // line 4: `  name: "Phường Hòa \xFF"`: 20 characters precede the bad byte (24 bytes do).
        let result = YAMLLoader.load(path: FixtureFiles.path("invalid-utf8.yaml"))
        XCTAssertEqual(result.problems, [YAMLProblem(.invalidUTF8, at: Mark(line: 4, column: 21))])
        XCTAssertNil(result.root)
    }

    func testEveryKindOfMalformedUTF8IsFound() {
        let cases: [(String, [UInt8], Mark)] = [
            ("truncated sequence at the end", Array("k: x".utf8) + [0xE1, 0xBB], Mark(line: 1, column: 5)),
            ("overlong encoding of NUL", Array("k: ".utf8) + [0xC0, 0x80], Mark(line: 1, column: 4)),
            ("UTF-16 surrogate", Array("ok: 1\nk: ".utf8) + [0xED, 0xA0, 0x80], Mark(line: 2, column: 4)),
            ("stray continuation byte after \"tên: \"", Array("tên: ".utf8) + [0x80], Mark(line: 1, column: 6)),
            ("beyond U+10FFFF", Array("k: ".utf8) + [0xF4, 0x90, 0x80, 0x80], Mark(line: 1, column: 4)),
        ]
        for (label, bytes, mark) in cases {
            XCTAssertEqual(YAMLLoader.load(bytes: bytes).problems, [YAMLProblem(.invalidUTF8, at: mark)], label)
        }
    }

    func testEmptyFileAndCommentOnlyFileAreEmptyDocuments() {
        let empty = YAMLLoader.load(path: FixtureFiles.path("empty.yaml"))
        XCTAssertEqual(empty.problems, [YAMLProblem(.emptyDocument, at: .start)])
        XCTAssertNil(empty.root)
        let comments = YAMLLoader.load(string: "# chỉ có chú thích\n\n")
        XCTAssertEqual(comments.problems, [YAMLProblem(.emptyDocument, at: .start)])
    }

    func testListAtTheRootIsRejectedWhereTheListStarts() {
        // Line 1 is a comment; the list's first `-` is at 2:1.
        let result = YAMLLoader.load(path: FixtureFiles.path("list-root.yaml"))
        XCTAssertEqual(result.problems.map(\.kind), [.rootNotMapping(found: "sequence")])
        XCTAssertEqual(result.problems.first?.mark, Mark(line: 2, column: 1))
        XCTAssertNil(result.root)
    }

    func testPlainTextAtTheRootIsRejected() {
        let result = YAMLLoader.load(string: "xin chào\n")
        XCTAssertEqual(result.problems.map(\.kind), [.rootNotMapping(found: "scalar")])
        XCTAssertEqual(result.problems.first?.mark, .start)
    }

    func testSecondDocumentIsRejectedAtItsMarker() {
        // The second document starts with `---` on line 7.
        let result = YAMLLoader.load(path: FixtureFiles.path("two-documents.yaml"))
        XCTAssertEqual(result.problems.map(\.kind), [.multipleDocuments])
        XCTAssertEqual(result.problems.first?.mark, Mark(line: 7, column: 1))
        XCTAssertTrue(result.problems[0].isFatal)
        // Only the first document was read.
        XCTAssertEqual(result.root?["unit"]?["code"]?.scalar, "20194")
    }

    func testColumnsCountCharactersNotBytes() {
        // `{ tên: "Hòa", mã: 1 }`: `mã` starts at character 15 (byte 18).
        let result = YAMLLoader.load(string: "{ tên: \"Hòa\", mã: 1 }\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.root?.entry("mã")?.keyStart, Mark(line: 1, column: 15))
    }
}
