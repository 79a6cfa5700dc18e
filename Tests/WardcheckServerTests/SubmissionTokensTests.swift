import Foundation
import WardcheckCore
@testable import WardcheckServer
import XCTest

/// The tokens file: salted SHA-256 per unit, every malformed line reported at its place.
final class SubmissionTokensTests: XCTestCase {
    func testSHA256MatchesTheStandardsTestVector() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        XCTAssertEqual(SubmissionTokens.hex(SubmissionTokens.digest("abc", salt: [])),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The salt goes first: SHA-256("ab" + "c") is the same digest.
        XCTAssertEqual(SubmissionTokens.digest("c", salt: Array("ab".utf8)), SubmissionTokens.digest("abc", salt: []))
    }

    func testALineChecksItsSecretOnlyAndEachLineHasItsOwnSalt() throws {
        let schema = try ServerFixture.criteria().schema
        let first = SubmissionTokens.line(code: "20194", secret: "correct horse battery staple")
        let second = SubmissionTokens.line(code: "20194", secret: "correct horse battery staple")
        XCTAssertNotEqual(first, second, "a fresh salt each time")
        XCTAssertFalse(first.contains("correct"))
        let parts = first.split(separator: " ")
        XCTAssertEqual(parts.first, "20194")
        XCTAssertEqual(parts.last?.split(separator: ":").map(\.count), [6, 32, 64])

        let file = try ServerFixture.temporaryFolder(self).appendingPathComponent("tokens.txt")
        try (first + "\n").write(to: file, atomically: true, encoding: .utf8)
        let (tokens, diagnostics) = SubmissionTokens.load(path: file.path, schema: schema)
        XCTAssertTrue(diagnostics.isEmpty)
        let loaded = try XCTUnwrap(tokens)
        XCTAssertTrue(loaded.accepts("correct horse battery staple", for: "20194"))
        XCTAssertFalse(loaded.accepts("correct horse battery stapl", for: "20194"))
        // Spaces and line ends a copy and paste adds around it are trimmed when hashed and when checked alike.
        XCTAssertTrue(loaded.accepts("correct horse battery staple ", for: "20194"))
        XCTAssertTrue(loaded.accepts(" correct horse battery staple\r\n", for: "20194"))
        XCTAssertFalse(loaded.accepts("correct horse  battery staple", for: "20194"), "inside, a space is part of it")
        XCTAssertFalse(loaded.accepts("correct horse battery staple", for: "20203"))
        XCTAssertFalse(loaded.accepts("", for: "20194"))
    }

    func testConstantTimeComparison() {
        XCTAssertTrue(SubmissionTokens.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(SubmissionTokens.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(SubmissionTokens.constantTimeEqual([0, 2, 3], [1, 2, 3]))
        XCTAssertFalse(SubmissionTokens.constantTimeEqual([1, 2], [1, 2, 3]))
        XCTAssertTrue(SubmissionTokens.constantTimeEqual([], []))
    }

    func testEveryMalformedLineIsReportedAtItsPlace() throws {
        let schema = try ServerFixture.criteria().schema
        let good = SubmissionTokens.line(code: "20194", secret: "a secret of enough length")
        let hash = String(good.split(separator: " ")[1])
        let text = """
        # tokens
        \(good)
        2019 \(hash)
          20203 md5:00:11
        20211
        \(good.replacingOccurrences(of: "20194", with: "20217")) extra
        \(good)
        20224 sha256:zz:\(String(repeating: "0", count: 64))
        20228 sha256:\(String(repeating: "0", count: 32)):\(String(repeating: "0", count: 62))
        """
        let file = try ServerFixture.temporaryFolder(self).appendingPathComponent("tokens.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (tokens, diagnostics) = SubmissionTokens.load(path: file.path, schema: schema)
        XCTAssertNil(tokens, "a file with any error is not used")
        XCTAssertEqual(diagnostics.map { "\($0.start.line):\($0.start.column) \($0.code.rawValue)" },
                       ["3:1 WC201", "4:9 WC201", "5:1 WC201", "6:1 WC201", "7:1 WC201", "8:7 WC201", "9:7 WC201"])
        XCTAssertEqual(diagnostics[0].message.en, "`2019` is not a valid unit code")
        XCTAssertEqual(diagnostics[4].message.en, "unit 20194 already has a token on line 2")
        XCTAssertTrue(diagnostics.allSatisfy { $0.file == file.path })
    }

    func testAnEmptyOrMissingFileIsAnError() throws {
        let schema = try ServerFixture.criteria().schema
        let folder = try ServerFixture.temporaryFolder(self)
        let empty = folder.appendingPathComponent("empty.txt")
        try "# nothing yet\n".write(to: empty, atomically: true, encoding: .utf8)
        XCTAssertEqual(SubmissionTokens.load(path: empty.path, schema: schema).1.map(\.code), [.configInvalid])
        XCTAssertEqual(SubmissionTokens.load(path: folder.appendingPathComponent("none.txt").path, schema: schema).1.map(\.code), [.fileUnreadable])
    }
}
