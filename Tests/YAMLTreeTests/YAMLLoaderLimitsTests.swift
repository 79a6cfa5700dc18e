import Foundation
import XCTest
import YAMLTree

/// Hostile or broken files meet a limit, not a crash or a long wait.
final class YAMLLoaderLimitsTests: XCTestCase {
    private let limits = YAMLLimits.standard

    func testTwoMebibyteFileIsRejectedBeforeItIsRead() throws {
        let folder = try FixtureFiles.temporaryFolder(self)
        let size = 2 * 1024 * 1024
        let path = folder.appendingPathComponent("huge.yaml").path
        try Data(Self.validLookingText(bytes: size).utf8).write(to: URL(fileURLWithPath: path))

        let result = YAMLLoader.load(path: path)
        XCTAssertEqual(result.problems, [YAMLProblem(.fileTooLarge(bytes: size, limit: limits.maxFileBytes), at: .start)])
        XCTAssertNil(result.root)
        // The same bytes handed over in memory meet the same limit.
        XCTAssertEqual(YAMLLoader.load(bytes: Array(Self.validLookingText(bytes: size).utf8)).problems.map(\.kind),
                       [.fileTooLarge(bytes: size, limit: limits.maxFileBytes)])
    }

    func testFileOfExactlyTheLimitIsRead() throws {
        let folder = try FixtureFiles.temporaryFolder(self)
        let path = folder.appendingPathComponent("at-limit.yaml").path
        try Data(Self.validLookingText(bytes: limits.maxFileBytes).utf8).write(to: URL(fileURLWithPath: path))
        let result = YAMLLoader.load(path: path)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.root?["format"]?.scalar, "1")
    }

    func testTenThousandNestedFlowListsStopAtTheDepthLimitQuickly() throws {
        // `deep: [[[…]]]`: the root mapping is level 1, so bracket n opens level n + 1 and the
        // bracket numbered maxDepth is the first refused; it sits after the 6 characters of "deep: ".
        let text = "deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let (result, seconds) = try Self.timedLoad(text, self)
        XCTAssertEqual(result.problems, [YAMLProblem(.tooDeep(limit: limits.maxDepth), at: Mark(line: 1, column: 6 + limits.maxDepth))])
        XCTAssertNil(result.root)
        XCTAssertLessThan(seconds, 5, "deep nesting must be refused quickly")
    }

    func testTenThousandNestedFlowMappingsStopAtTheDepthLimit() throws {
        // `deep: {a: {a: …}}`: each level adds the 4 characters "{a: ", so brace n is at 6 + 4(n−1) + 1.
        let text = "deep: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n"
        let (result, seconds) = try Self.timedLoad(text, self)
        XCTAssertEqual(result.problems, [YAMLProblem(.tooDeep(limit: limits.maxDepth),
                                                     at: Mark(line: 1, column: 6 + 4 * (limits.maxDepth - 1) + 1))])
        XCTAssertLessThan(seconds, 5)
    }

    func testTenThousandNestedBlockListsStopAtTheDepthLimit() throws {
        // Line 2 is `- - - … x`: dash n is at column 2n − 1 and opens level n + 1.
        let text = "deep:\n" + String(repeating: "- ", count: 10_000) + "x\n"
        let (result, seconds) = try Self.timedLoad(text, self)
        XCTAssertEqual(result.problems, [YAMLProblem(.tooDeep(limit: limits.maxDepth),
                                                     at: Mark(line: 2, column: 2 * limits.maxDepth - 1))])
        XCTAssertLessThan(seconds, 5)
    }

    func testNestingJustUnderTheLimitIsRead() {
        // maxDepth − 1 lists under the root mapping use exactly maxDepth levels.
        let depth = limits.maxDepth - 1
        let text = "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let result = YAMLLoader.load(string: text)
        XCTAssertEqual(result.problems, [])
        XCTAssertNotNil(result.root?["deep"]?.items)
    }

    /// `format: 1` padded with comment lines to exactly `bytes` bytes.
    private static func validLookingText(bytes: Int) -> String {
        let head = "format: 1\n"
        let line = "# " + String(repeating: "x", count: 77) + "\n"  // 80 bytes
        var text = head
        while text.utf8.count + line.utf8.count <= bytes { text += line }
        let rest = bytes - text.utf8.count
        if rest > 0 { text += rest == 1 ? "\n" : "#" + String(repeating: "y", count: rest - 2) + "\n" }
        precondition(text.utf8.count == bytes)
        return text
    }

    /// Loads from a file, as the tool does, and times it.
    private static func timedLoad(_ text: String, _ test: XCTestCase) throws -> (YAMLLoadResult, Double) {
        let folder = try FixtureFiles.temporaryFolder(test)
        let path = folder.appendingPathComponent("deep.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let started = Date()
        let result = YAMLLoader.load(path: path)
        return (result, Date().timeIntervalSince(started))
    }
}
