import Foundation
import WardcheckCore
import XCTest

/// A criteria folder made for one test: the shipped facts schema and catalogue (the catalogue
/// edited if the test asks), some shipped criteria copied, and criteria written in the test for
/// what the shipped ones never do (a remedy that names another party, prices at their bound).
enum SmallCriteria {
    /// A criterion's YAML around its `checks:` list (items written at column 3). The loader
    /// insists on a passing and a failing example; the audit tests never run them.
    static func criterion(_ id: String, group: String, title: String, checks: String) -> String {
        """
        id: \(id)
        group: \(group)
        title: { vi: "\(title)", en: "\(title)" }
        rationale: { vi: "Thử", en: "Test" }
        source: "test"
        checks:
        \(checks)
        examples:
          - { facts: { as_of: 2025-07-05 }, expect: passed }
          - { facts: { as_of: 2025-07-05 }, expect: failed }

        """
    }

    /// Loads a folder of the shipped schema, the shipped catalogue with `catalogueEdits` made
    /// (each `find` must occur exactly once), the shipped criteria `copying`, and `adding` (id: text).
    static func load(copying: [String] = [], adding: [(id: String, text: String)] = [],
                     catalogueEdits: [(find: String, replace: String)] = [], test: XCTestCase) throws -> CriteriaSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-criteria-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Repo.criteria + "/" + CriteriaSet.schemaFile,
                                         toPath: folder.appendingPathComponent(CriteriaSet.schemaFile).path)
        var catalogue = try String(contentsOfFile: Repo.criteria + "/" + CriteriaSet.catalogueFile, encoding: .utf8)
        for edit in catalogueEdits {
            XCTAssertEqual(catalogue.components(separatedBy: edit.find).count, 2, "the catalogue holds `\(edit.find)` once")
            catalogue = catalogue.replacingOccurrences(of: edit.find, with: edit.replace)
        }
        try catalogue.write(to: folder.appendingPathComponent(CriteriaSet.catalogueFile), atomically: true, encoding: .utf8)
        for id in copying {
            try FileManager.default.copyItem(atPath: Repo.criteria + "/\(id).yaml", toPath: folder.appendingPathComponent("\(id).yaml").path)
        }
        for (id, text) in adding {
            try text.write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        return try Repo.loadCriteria(folder.path)
    }
}
