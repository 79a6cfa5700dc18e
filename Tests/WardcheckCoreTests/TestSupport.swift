import Foundation
import WardcheckCore
import XCTest

/// The repository and its shipped criteria, found from this file's place in Tests/.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let criteria = root.appendingPathComponent("criteria").path

    static func loadCriteria(_ folder: String = criteria) throws -> CriteriaSet {
        let (set, diagnostics) = CriteriaSet.load(folder: folder)
        guard let set else {
            XCTFail("criteria failed to load: " + diagnostics.map { "\($0.file):\($0.start) \($0.code.rawValue) \($0.message.en)" }.joined(separator: "\n"))
            throw CocoaError(.fileReadCorruptFile)
        }
        return set
    }

    /// A ward that meets every criterion, shared by the test targets (Tests/Fixtures/facts/ready-ward.yaml).
    static let readyWard = try! String(contentsOf: root.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)

    /// A path in the temporary folder that nothing holds yet, removed with whatever is made there
    /// when the test ends.
    static func temporary(_ name: String, test: XCTestCase) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-\(name)-\(UUID().uuidString)").path
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Writes YAML text to a fresh temporary file.
    static func write(_ text: String, name: String = "unit.yaml", test: XCTestCase) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Checks a unit's facts text and returns its scorecard, failing the test if the file is invalid.
    static func scorecard(_ text: String, waivers: Waivers = .none, asOf: Day? = nil, test: XCTestCase) throws -> Scorecard {
        let set = try loadCriteria()
        let path = try write(text, test: test)
        let report = UnitReport.check(path: path, evaluator: Evaluator(criteria: set, waivers: waivers, asOf: asOf))
        guard let card = report.scorecard else {
            XCTFail("invalid: " + report.diagnostics.map { "\($0.start) \($0.code.rawValue) \($0.message.en)" }.joined(separator: "; "))
            throw CocoaError(.fileReadCorruptFile)
        }
        return card
    }
}

extension Scorecard {
    func result(_ id: String) -> CriterionResult? { results.first { $0.id == id } }
}
