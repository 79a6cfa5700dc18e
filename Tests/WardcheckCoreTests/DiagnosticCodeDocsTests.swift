import Foundation
import XCTest
import WardcheckCore

/// docs/diagnostics.md and `DiagnosticCode` stay in step: a new code arrives documented.
final class DiagnosticCodeDocsTests: XCTestCase {
    private static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/diagnostics.md")

    func testEveryCodeIsDocumented() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let missing = DiagnosticCode.allCases.filter { !text.contains($0.rawValue) }
        XCTAssertEqual(missing.map(\.rawValue), [], "codes missing from docs/diagnostics.md")
    }

    func testEveryCodeHasItsOwnSectionNamingTheCase() throws {
        // A code merely mentioned in a table is not documented: each needs `### WCnnn — \`name\``.
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        for code in DiagnosticCode.allCases {
            XCTAssertTrue(text.contains("### \(code.rawValue) — `\(code)`"), "no section for \(code.rawValue) (\(code))")
        }
    }

    func testThePageDocumentsNoCodeThatDoesNotExist() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### WC") }
            .map { String($0.dropFirst(4).prefix(5)) }
        XCTAssertEqual(headings.filter { !known.contains($0) }, [])
        XCTAssertEqual(headings.count, Set(headings).count, "a code documented twice")
    }
}
