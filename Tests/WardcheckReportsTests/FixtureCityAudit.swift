import Foundation
import WardcheckCore
import XCTest

/// A city folder shaped like Tests/Fixtures/city (roster.yaml, waivers.yaml, one file a unit)
/// audited with the repository's criteria on 01/08/2025, the day its figures are worked for.
enum FixtureCityAudit {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func audit(folder: String, files: [String]) throws -> Audit {
        let (loadedSet, problems) = CriteriaSet.load(folder: root.appendingPathComponent("criteria").path)
        let set = try XCTUnwrap(loadedSet, problems.map(\.message.en).joined(separator: "\n"))
        let (roster, rosterErrors) = Roster.load(path: folder + "/roster.yaml", schema: set.schema)
        let loaded = try XCTUnwrap(roster, rosterErrors.map(\.message.en).joined())
        let (waivers, waiverErrors) = Waivers.load(path: folder + "/waivers.yaml", criteria: set, roster: loaded)
        let day = Day(iso: "2025-08-01")
        let evaluator = Evaluator(criteria: set, waivers: try XCTUnwrap(waivers, waiverErrors.map(\.message.en).joined()),
                                  asOf: day, today: day, roster: loaded)
        let accumulator = AuditAccumulator(criteria: set, roster: loaded, asOf: day)
        for name in files { accumulator.add(UnitReport.check(path: folder + "/\(name).yaml", evaluator: evaluator)) }
        return accumulator.finish()
    }
}
