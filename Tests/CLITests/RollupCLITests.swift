import Foundation
import XCTest

/// `rollup` on a saved audit and a folder audited on the spot, with figures worked out by hand:
///
/// - mot/ (roster "Tỉnh Một": 11001, 11002), saved as mot.json: 11001 is the ready ward (16/16 on
///   2025-07-10), 11002 the ready ward without its firewall (15/16, TC16; one 30.000.000 ₫ firewall);
/// - hai/ (no roster, so named "hai"): 22001, the ready ward, 16/16.
///
/// Nationally: 2 of 3 units ready (67%); criteria met 16 + 15 + 16 = 47, a mean of 15,67; TC16
/// met by 2 of 3 (67%); the plan one firewall, 30.000.000 ₫. Ranked: hai (1/1), Tỉnh Một (1/2).
final class RollupCLITests: XCTestCase {
    static let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path
    static let day = "2025-07-10"

    private func ward(_ code: String, _ name: String, noFirewall: Bool = false) throws -> String {
        let ready = try String(contentsOf: WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)
        var text = ready.replacingOccurrences(of: "code: \"99001\", name: \"Phường Thử Nghiệm\"", with: "code: \"\(code)\", name: \"\(name)\"")
        if noFirewall { text = text.replacingOccurrences(of: "  firewall: true\n", with: "  firewall: false\n") }
        XCTAssertNotEqual(text, ready)
        return text
    }

    /// The two provinces' folders, and mot's audit saved as mot.json.
    private func provinces() throws -> (root: URL, mot: URL, saved: URL, hai: URL) {
        let root = try WardcheckProcess.temporaryFolder(self)
        let mot = root.appendingPathComponent("mot")
        let hai = root.appendingPathComponent("hai")
        for folder in [mot, hai] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try "roster: 1\nprovince: \"Tỉnh Một\"\nunits:\n  - { code: \"11001\", name: \"Phường A1\" }\n  - { code: \"11002\", name: \"Phường A2\" }\n"
            .write(to: mot.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
        try ward("11001", "Phường A1").write(to: mot.appendingPathComponent("11001.yaml"), atomically: true, encoding: .utf8)
        try ward("11002", "Phường A2", noFirewall: true).write(to: mot.appendingPathComponent("11002.yaml"), atomically: true, encoding: .utf8)
        try ward("22001", "Phường B1").write(to: hai.appendingPathComponent("22001.yaml"), atomically: true, encoding: .utf8)
        let saved = root.appendingPathComponent("mot.json")
        let audit = try WardcheckProcess.run(["audit", mot.path, "--criteria", Self.criteria, "--as-of", Self.day, "--format", "json", "-o", saved.path])
        XCTAssertEqual(audit.status, 1, audit.stderr)
        return (root, mot, saved, hai)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheAuditRecordsItsCriteriaSet() throws {
        let (_, mot, saved, _) = try provinces()
        let audit = try json(String(contentsOf: saved, encoding: .utf8))
        let set = try XCTUnwrap(audit["criteria_set"] as? [String: Any])
        XCTAssertEqual(set["version"] as? String, "2025.1")
        XCTAssertEqual((set["digest"] as? String)?.count, 64)
        let text = try WardcheckProcess.run(["audit", mot.path, "--criteria", Self.criteria, "--as-of", Self.day])
        XCTAssertTrue(text.stdout.contains("Bộ tiêu chí"), text.stdout)
        XCTAssertTrue(text.stdout.contains("phiên bản 2025.1 (mã \((set["digest"] as? String ?? "").prefix(8))…"), text.stdout)
    }

    func testASavedAuditAndAFolderRolledUp() throws {
        let (_, _, saved, hai) = try provinces()
        let out = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--format", "json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let rollup = try json(out.stdout)
        XCTAssertEqual(rollup["schema"] as? String, "wardcheck.rollup/1")
        XCTAssertEqual(rollup["evaluated_on"] as? String, Self.day)
        XCTAssertEqual((rollup["criteria_set"] as? [String: Any])?["version"] as? String, "2025.1")
        let summary = try XCTUnwrap(rollup["summary"] as? [String: Any])
        XCTAssertEqual(summary["provinces"] as? Int, 2)
        XCTAssertEqual(summary["valid"] as? Int, 3)
        XCTAssertEqual(summary["ready"] as? Int, 2)
        XCTAssertEqual(summary["not_ready"] as? Int, 1)
        XCTAssertEqual(summary["files"] as? Int, 3)
        XCTAssertEqual(summary["criteria"] as? Int, 16)
        XCTAssertEqual((summary["mean_passed"] as? NSNumber)?.doubleValue, 15.67, "47 / 3")
        XCTAssertEqual(summary["total_cost"] as? Int, 30_000_000)
        XCTAssertTrue(summary["roster_units"] is NSNull, "hai has no roster")
        let provinces = try XCTUnwrap(rollup["provinces"] as? [[String: Any]])
        XCTAssertEqual(provinces.map { $0["province"] as? String }, ["hai", "Tỉnh Một"])
        XCTAssertEqual(provinces.map { $0["rank"] as? Int }, [1, 2])
        XCTAssertEqual(provinces.map { $0["ready_percent"] as? Int }, [100, 50])
        let tc16 = try XCTUnwrap((rollup["criteria"] as? [[String: Any]])?.first { $0["id"] as? String == "TC16" })
        XCTAssertEqual(tc16["passed"] as? Int, 2)
        XCTAssertEqual(tc16["pass_rate"] as? Int, 67, "2 of 3")
        XCTAssertEqual((tc16["by_province"] as? [[String: Any]])?.map { $0["pass_rate"] as? Int }, [100, 50])
        let items = try XCTUnwrap((rollup["plan"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["item"] as? String }, ["firewall"])
        XCTAssertEqual(items.first?["total"] as? Int, 30_000_000)
        XCTAssertEqual((rollup["notes"] as? [Any])?.count, 0)

        // For people, in Vietnamese by default: the headline, the set, the ranking, no ISO date.
        let text = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("2/3 đơn vị đã đánh giá đạt 16/16 (67%) ở 2 tỉnh, thành phố; cần mua 30.000.000 ₫."), text.stdout)
        XCTAssertTrue(text.stdout.contains("phiên bản 2025.1 (mã "), text.stdout)
        XCTAssertTrue(text.stdout.contains("10/07/2025"), text.stdout)
        XCTAssertFalse(text.stdout.contains("2025-07-10"), text.stdout)
        let english = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--lang", "en"])
        XCTAssertTrue(english.stdout.contains("2 of 3 units evaluated are ready (67%) across 2 provinces and cities"), english.stdout)
        for format in ["csv", "markdown", "html"] {
            let other = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--format", format])
            XCTAssertEqual(other.status, 0, other.stderr)
            XCTAssertTrue(other.stdout.contains("Tỉnh Một"), format)
        }
    }

    func testAUnitInTwoAuditsIsRefusedNamingBothFiles() throws {
        let (_, mot, saved, _) = try provinces()
        let out = try WardcheckProcess.run(["rollup", saved.path, mot.path, "--criteria", Self.criteria, "--as-of", Self.day])
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertTrue(out.stdout.isEmpty)
        XCTAssertTrue(out.stderr.contains("wardcheck rollup: 2 mã đơn vị có trong cả \(saved.path) và \(mot.path) (11001, 11002)"), out.stderr)
    }

    func testDifferentCriteriaAreRefusedAndDifferentDaysSaid() throws {
        let (root, _, saved, hai) = try provinces()
        let text = try String(contentsOf: saved, encoding: .utf8)
        let digest = try XCTUnwrap((try json(text)["criteria_set"] as? [String: Any])?["digest"] as? String)
        let other = root.appendingPathComponent("other.json")
        try text.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64)).write(to: other, atomically: true, encoding: .utf8)
        let refused = try WardcheckProcess.run(["rollup", other.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--lang", "en"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("were judged against different criteria"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("(digest 00000000…0000)"), refused.stderr)

        // hai judged ten days later (its video test then 19 days old, still within 30): added, and said.
        let later = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", "2025-07-20", "--lang", "en"])
        XCTAssertEqual(later.status, 0, later.stderr)
        XCTAssertTrue(later.stdout.contains("The provinces were judged on different days (10\u{A0}Jul\u{A0}2025: Tỉnh Một; 20\u{A0}Jul\u{A0}2025: hai)"), later.stdout)
        XCTAssertTrue(later.stdout.contains("2 of 3 units evaluated are ready"), later.stdout)
    }

    /// `diff` names the criteria set of each side, and says so when they differ.
    func testDiffShowsEachSidesCriteriaSet() throws {
        let (root, mot, saved, _) = try provinces()
        let same = try WardcheckProcess.run(["diff", saved.path, mot.path, "--criteria", Self.criteria, "--as-of", Self.day, "--lang", "en"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout.components(separatedBy: "version 2025.1 (digest ").count, 3, same.stdout)
        XCTAssertFalse(same.stdout.contains("different criteria sets"), same.stdout)
        let text = try String(contentsOf: saved, encoding: .utf8)
        let digest = try XCTUnwrap((try json(text)["criteria_set"] as? [String: Any])?["digest"] as? String)
        let other = root.appendingPathComponent("other.json")
        try text.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64)).write(to: other, atomically: true, encoding: .utf8)
        let changed = try WardcheckProcess.run(["diff", other.path, mot.path, "--criteria", Self.criteria, "--as-of", Self.day, "--lang", "en"])
        XCTAssertTrue(changed.stdout.contains("version 2025.1 (digest 00000000…0000)"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("The two audits used different criteria sets"), changed.stdout)
    }

    /// A saved report adds up exactly as the folder it came from: every summary member, rate and plan line.
    func testASavedReportAddsUpAsItsFolder() throws {
        let (_, mot, saved, hai) = try provinces()
        let fromReport = try WardcheckProcess.run(["rollup", saved.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--format", "json"])
        let fromFolder = try WardcheckProcess.run(["rollup", mot.path, hai.path, "--criteria", Self.criteria, "--as-of", Self.day, "--format", "json"])
        XCTAssertEqual(fromReport.status, 0, fromReport.stderr)
        XCTAssertEqual(fromFolder.status, 0, fromFolder.stderr)
        func stripped(_ text: String) -> String {
            text.components(separatedBy: "\n").filter { !$0.contains("\"source\"") }.joined(separator: "\n")
        }
        XCTAssertEqual(stripped(fromReport.stdout), stripped(fromFolder.stdout))
    }
}
