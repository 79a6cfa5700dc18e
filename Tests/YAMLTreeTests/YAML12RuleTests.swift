import Foundation
import XCTest
@testable import YAMLTree

/// The invalid yaml-test-suite cases libyaml accepts are refused, at the place that breaks the
/// rule; valid cases near the same rules still load. Positions are counted by hand from the
/// fixtures in Tests/Fixtures/yaml-test-suite/ (quoted in each comment).
final class YAML12RuleTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/yaml-test-suite")

    private func load(_ relative: String) -> YAMLLoadResult {
        YAMLLoader.load(path: Self.folder.appendingPathComponent(relative).path)
    }

    func testTheSixInvalidCasesLibyamlAcceptsAreRefused() {
        let expected: [(String, YAML12Rule, Mark)] = [
            // `flow: [a,` / `b,` / `c]`: `b` continues the list at column 1, under the key.
            ("9C9N", .continuationNotIndented, Mark(line: 3, column: 1)),
            // `foo: "bar` / `⇥baz"`: a tab is not indentation, so the line is not indented at all.
            ("DK95-01", .continuationNotIndented, Mark(line: 2, column: 1)),
            // `quoted: "a` / `b` / `c"`: `b` at column 1.
            ("QB6E", .continuationNotIndented, Mark(line: 3, column: 1)),
            // `>` then lines of 1, 2 and 3 spaces, then ` # comment` (1 space): line 4 has the most.
            ("S98Z", .blockScalarLeadingSpaces, Mark(line: 4, column: 1)),
            // `key: "value"# invalid comment`: `#` at column 13, right after the quote.
            ("SU5Z", .commentWithoutSpace, Mark(line: 1, column: 13)),
            // `block: ># comment`: `#` at column 9, right after `>`.
            ("X4QW", .commentWithoutSpace, Mark(line: 1, column: 9)),
        ]
        for (name, rule, mark) in expected {
            let result = load("invalid/\(name).yaml")
            XCTAssertEqual(result.problems, [YAMLProblem(.yaml12(rule), at: mark)], name)
            XCTAssertNil(result.root, name)
        }
    }

    func testValidCasesNearTheRulesStillLoad() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent("valid").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(names.count, 7)
        for name in names {
            let result = load("valid/\(name)")
            XCTAssertFalse(result.problems.contains(where: \.isFatal), "\(name): \(result.problems)")
            XCTAssertNotNil(result.root, name)
        }
    }

    func testAFlowBlockClosedUnderItsKeyIsRefusedAndAnIndentedOneIsNot() {
        // YAML 1.2 indents every continued line of a flow value past its key, the closing brace too
        // (the suite's VJP3/00 and VJP3/01 say the same).
        XCTAssertEqual(YAMLLoader.load(string: "unit: {\n  code: \"20194\"\n}\n").problems,
                       [YAMLProblem(.yaml12(.continuationNotIndented), at: Mark(line: 3, column: 1))])
        let indented = YAMLLoader.load(string: "unit: { code: \"20194\",\n  name: \"Phường Hòa Xuân\" }\npower:\n  ups: {\n    present: true\n   }\n")
        XCTAssertEqual(indented.problems, [])
        XCTAssertEqual(indented.root?["unit"]?["name"]?.scalar, "Phường Hòa Xuân")
        XCTAssertEqual(YAMLLoader.load(string: "power:\n  ups: {\n    present: true\n  }\n").problems,
                       [YAMLProblem(.yaml12(.continuationNotIndented), at: Mark(line: 4, column: 3))])
    }

    func testAQuotedValueContinuedInsideANestedBlockCountsFromItsOwnKey() {
        // `name` sits at column 3 (indent 2): its continuation needs 3 spaces, 2 are not enough.
        XCTAssertEqual(YAMLLoader.load(string: "unit:\n  name: \"Phường\n  Hòa Xuân\"\n").problems,
                       [YAMLProblem(.yaml12(.continuationNotIndented), at: Mark(line: 3, column: 3))])
        XCTAssertEqual(YAMLLoader.load(string: "unit:\n  name: \"Phường\n   Hòa Xuân\"\n").root?["unit"]?["name"]?.scalar,
                       "Phường Hòa Xuân")
    }

    func testACommentAfterASpaceIsFineAndPositionsCountCharacters() {
        XCTAssertEqual(YAMLLoader.load(string: "name: \"Hòa\" # ghi chú\nblock: > # note\n  text\n").problems, [])
        // `ư` and `ờ` are two bytes each: the `#` is still column 14, counted in characters.
        XCTAssertEqual(YAMLLoader.load(string: "name: \"Phường\"# x\n").problems,
                       [YAMLProblem(.yaml12(.commentWithoutSpace), at: Mark(line: 1, column: 15))])
    }

    func testLinesAreCountedAtEveryBreakLibyamlCounts() {
        let lines = SourceLines(Array("a\r\nb\rc\nd\u{2028}e".utf8))
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(String(decoding: lines.line(2), as: UTF8.self), "b")
        XCTAssertEqual(String(decoding: lines.line(5), as: UTF8.self), "e")
        XCTAssertEqual(lines.offset(Mark(line: 2, column: 1)), 3)
    }
}
