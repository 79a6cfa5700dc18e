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

    /// DOMAIN.md's example unit, complete and ready on every criterion.
    static let readyWard = """
    format: 1
    unit:
      code: "20194"
      name: "Phường Hòa Xuân"
      type: ward
      terrain: lowland
      villages: 12
    as_of: 2025-07-05
    network:
      internet: { fibre: true, download_mbps: 300, upload_mbps: 100 }
      backup_link: 4g
      data_network: { connected: true }
      lan: { all_offices: true }
      wifi: { service_counter: true }
      mobile: { headquarters_4g: true, villages_without_signal: 0 }
      video_conference: { endpoint: true, last_test: 2025-07-01 }
    power:
      generator: { present: true, capacity_kva: 10, fuel_hours: 8, last_test: 2025-06-20 }
      ups: { present: true, runtime_minutes: 30 }
    equipment:
      computers: { working: 45 }
      service_counter: { desks: 4, scanners: 4 }
      printers: { working: 10 }
    staffing:
      officials: 45
      it_officer: true
      digital_signatures: { personal: 45, organisation: true }
      trained: 41
      community_digital_team: { villages_covered: 12 }
    systems:
      document_accounts: 45
      procedure_accounts: 20
      email_accounts: 45
    security:
      protected_computers: 45
      firewall: true

    """

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
