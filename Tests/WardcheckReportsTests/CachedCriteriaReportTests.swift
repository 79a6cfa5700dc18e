import Foundation
import WardcheckCore
import WardcheckReports
import XCTest

/// What a ward office reads is the same whether the criteria were compiled from YAML in this run
/// or read back from the compiled cache: every sample unit's scorecard, as text and as JSON, in
/// both languages, byte for byte.
final class CachedCriteriaReportTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func rendered(_ set: CriteriaSet, files: [String]) -> [String] {
        let evaluator = Evaluator(criteria: set, waivers: .none, asOf: Day(year: 2026, month: 11, day: 15))
        return files.flatMap { path -> [String] in
            let report = UnitReport.check(path: path, evaluator: evaluator)
            return Language.allCases.flatMap { language in
                [ScorecardText(criteria: set, language: language).render(report),
                 String(decoding: ScorecardJSON.part(report, language), as: UTF8.self)]
            }
        }
    }

    func testEverySampleUnitReadsTheSameThroughTheCache() throws {
        let criteria = root.appendingPathComponent("criteria").path
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-cache-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: cacheFolder) }
        let cache = CompiledCache(folder: cacheFolder, build: "test-build")
        let fromYAML = try XCTUnwrap(CriteriaSet.load(folder: criteria, cache: cache).0)
        XCTAssertFalse(fromYAML.criteria[0].examples.isEmpty, "the first load compiles the YAML")
        let cached = try XCTUnwrap(CriteriaSet.load(folder: criteria, cache: cache).0)
        XCTAssertTrue(cached.criteria[0].examples.isEmpty, "the second is read from the cache")

        let folder = root.appendingPathComponent("wards/submissions").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
            + [root.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml").path]
        XCTAssertGreaterThan(files.count, 80)
        let expected = rendered(fromYAML, files: files)
        let actual = rendered(cached, files: files)
        XCTAssertEqual(actual.count, expected.count)
        for (a, e) in zip(actual, expected) where a != e {
            XCTFail("a scorecard reads differently through the cache:\n\(a.prefix(600))\n---\n\(e.prefix(600))")
            break
        }
        // Not vacuous: the units differ from one another, failures, remedies and costs included.
        XCTAssertTrue(expected.contains { $0.contains("₫") })
        XCTAssertGreaterThan(Set(expected).count, files.count)
    }
}
