import Foundation
import WardcheckCore
import XCTest

/// A criterion that cannot work fails when the criteria load, at its own file:line:col.
final class CriteriaLoadingTests: XCTestCase {
    /// A copy of the shipped criteria with one file replaced or edited.
    private func copyCriteria(_ edit: (URL) throws -> Void) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("criteria-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Repo.criteria, toPath: folder.path)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try edit(folder)
        return folder.path
    }

    private func replace(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "fixture text not found: \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func testMisspelledFactFailsAtItsPositionWithSuggestion() throws {
        let folder = try copyCriteria { dir in
            try replace(dir.appendingPathComponent("TC06.yaml"), "require: { fact: power.generator.present, is: true }",
                        "require: { fact: power.genrator.present, is: true }")
        }
        let (set, diagnostics) = CriteriaSet.load(folder: folder)
        XCTAssertNil(set)
        let d = try XCTUnwrap(diagnostics.first { $0.code == .unknownFact })
        XCTAssertTrue(d.file.hasSuffix("TC06.yaml"))
        let text = try String(contentsOfFile: folder + "/TC06.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("power.genrator.present") }) + 1
        let column = try XCTUnwrap(lines[line - 1].range(of: "power.genrator")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        XCTAssertEqual(d.start.line, line)
        XCTAssertEqual(d.start.column, column)
        XCTAssertEqual(d.hint?.en, "did you mean `power.generator.present`?")
    }

    func testUnknownOperatorItemAndEnumCaseAreLoadErrors() throws {
        let folder = try copyCriteria { dir in
            let tc06 = dir.appendingPathComponent("TC06.yaml")
            try replace(tc06, "capacity_kva, at_least: 5", "capacity_kva, atleast: 5")
            try replace(tc06, "cases: { mountain: 24, island: 24 }", "cases: { mountian: 24, island: 24 }")
            try replace(dir.appendingPathComponent("TC08.yaml"), "item: computer", "item: computr")
        }
        let (set, diagnostics) = CriteriaSet.load(folder: folder)
        XCTAssertNil(set)
        let codes = diagnostics.map(\.code)
        XCTAssertTrue(codes.contains(.unknownOperator))
        XCTAssertTrue(codes.contains(.unknownItem))
        XCTAssertTrue(codes.contains(.typeMismatch))
        XCTAssertTrue(diagnostics.contains { $0.hint?.en == "did you mean `at_least`?" })
        XCTAssertTrue(diagnostics.contains { $0.hint?.en == "did you mean `computer`?" })
        XCTAssertTrue(diagnostics.contains { $0.hint?.en == "did you mean `mountain`?" })
    }

    func testVerifyFailsWhenAnExampleIsWrong() throws {
        let folder = try copyCriteria { dir in
            try replace(dir.appendingPathComponent("TC08.yaml"), "remedies: [{ item: computer, quantity: 7 }]", "remedies: [{ item: computer, quantity: 6 }]")
        }
        let set = try Repo.loadCriteria(folder)
        let failing = ExampleRunner(criteria: set).runAll().filter { !$0.passed }
        XCTAssertEqual(failing.map(\.criterion), ["TC08"])
        XCTAssertEqual(failing.first?.problems.first?.code, .exampleMismatch)
    }

    func testOperatorMustSuitTheFactType() throws {
        let folder = try copyCriteria { dir in
            try replace(dir.appendingPathComponent("TC06.yaml"), "require: { fact: power.generator.present, is: true }",
                        "require: { fact: power.generator.present, at_least: 1 }")
        }
        let (_, diagnostics) = CriteriaSet.load(folder: folder)
        XCTAssertTrue(diagnostics.contains { $0.code == .typeMismatch && $0.file.hasSuffix("TC06.yaml") })
    }
}
