import Foundation
import XCTest

/// `whatif` on the five-unit fixture city (Tests/Fixtures/city, judged 2025-08-01; figures in
/// Tests/WardcheckCoreTests/FixtureCityTests.swift), run as the committee's secretariat would.
///
/// The proposal drops TC06 (generator) and TC16 (security):
/// - 10001: met both; 16/16 → 14/14, ready either way, nothing to buy: not a change to decide on.
/// - 10002: failed TC06 (an action, no cost); TC08 and TC10 still fail: 13 → 12 met, 93.000.000 ₫ both.
/// - 10003: failed TC06, TC16 not reported; TC04 still waived, TC05 and TC12 still fail: 11 → 11
///   met, 7.500.000 ₫ both.
/// Ready 1 → 1; cost 100.500.000 ₫ both.
final class WhatIfCLITests: XCTestCase {
    static let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path
    static let city = WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/city").path

    private func proposal(_ change: (URL) throws -> Void) throws -> URL {
        let folder = try WardcheckProcess.temporaryFolder(self).appendingPathComponent("de-xuat")
        try FileManager.default.copyItem(atPath: Self.criteria, toPath: folder.path)
        try change(folder)
        return folder
    }

    private func run(_ proposed: URL, _ extra: [String] = []) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(["whatif", Self.city, "--criteria", Self.criteria, "--proposed", proposed.path, "--as-of", "2025-08-01"] + extra)
    }

    func testDroppingTwoCriteria() throws {
        let proposed = try proposal { folder in
            for id in ["TC06", "TC16"] { try FileManager.default.removeItem(at: folder.appendingPathComponent("\(id).yaml")) }
        }
        let out = try run(proposed, ["--format", "json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["schema"] as? String, "wardcheck.whatif/1")
        XCTAssertEqual(json["ready_before"] as? Int, 1)
        XCTAssertEqual(json["ready_after"] as? Int, 1)
        XCTAssertEqual(json["cost_before"] as? Int, 100_500_000)
        XCTAssertEqual(json["cost_after"] as? Int, 100_500_000)
        XCTAssertEqual(json["criteria_dropped"] as? [String], ["TC06", "TC16"])
        XCTAssertEqual(json["criteria_added"] as? [String], [])
        XCTAssertEqual(json["criteria_revised"] as? [String], [])
        // Each side names its criteria set: the one in force as `audit` records it, the proposal's
        // of the same version but other files, so another digest.
        let audit = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--as-of", "2025-08-01", "--format", "json"])
        let audited = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let inForce = try XCTUnwrap((json["current"] as? [String: Any])?["criteria_set"] as? [String: Any])
        let proposedSet = try XCTUnwrap((json["proposed"] as? [String: Any])?["criteria_set"] as? [String: Any])
        XCTAssertEqual(inForce["digest"] as? String, (audited["criteria_set"] as? [String: Any])?["digest"] as? String)
        XCTAssertEqual(proposedSet["version"] as? String, inForce["version"] as? String)
        XCTAssertNotEqual(proposedSet["digest"] as? String, inForce["digest"] as? String)
        let changed = try XCTUnwrap(json["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.map { $0["code"] as? String }, ["10002", "10003"])
        XCTAssertEqual(changed[0]["dropped_not_met"] as? [String], ["TC06"])
        XCTAssertEqual(changed[0]["passed_before"] as? Int, 13)
        XCTAssertEqual(changed[0]["passed_after"] as? Int, 12)
        XCTAssertEqual(changed[1]["dropped_not_met"] as? [String], ["TC06", "TC16"])
        XCTAssertEqual(changed[1]["lost"] as? [String], [])
        XCTAssertEqual(changed[1]["cost_after"] as? Int, 7_500_000)
    }

    func testRaisingAThresholdInWordsForPeople() throws {
        // TC10: a printer for every 3 officials instead of 5, its examples brought along.
        // 10001: 10 printers for ⌈45 ÷ 3⌉ = 15: fails, 5 × 6.000.000 = 30.000.000 ₫, falls back.
        // 10002: 6 for 15 (was 9): 9 short, 54.000.000 ₫ instead of 18.000.000 ₫.
        // 10003: 10 printers for ⌈45 ÷ 3⌉ = 15: fails too, 30.000.000 ₫ more.
        // Ready 1 → 0; cost 100.500.000 + 30.000.000 + 36.000.000 + 30.000.000 = 196.500.000 ₫.
        let proposed = try proposal { folder in
            let file = folder.appendingPathComponent("TC10.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try Self.rewritePrinterRule(text).write(to: file, atomically: true, encoding: .utf8)
        }
        let verify = try WardcheckProcess.run(["verify", "--criteria", proposed.path])
        XCTAssertEqual(verify.status, 0, "the proposal's own examples hold: " + verify.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try run(proposed, ["--format", "json"]).stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["criteria_revised"] as? [String], ["TC10"])
        XCTAssertEqual(json["ready_before"] as? Int, 1)
        XCTAssertEqual(json["ready_after"] as? Int, 0)
        XCTAssertEqual(json["fall_back"] as? [String], ["10001"])
        // 10002 failed TC10 on both sides: only its cost moves (18.000.000 → 54.000.000 ₫), and that is a change too.
        let changed = try XCTUnwrap(json["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.map { $0["code"] as? String }, ["10001", "10002", "10003"])
        XCTAssertEqual(changed[1]["lost"] as? [String], [])
        XCTAssertEqual(changed[1]["cost_before"] as? Int, 18_000_000 + 75_000_000)
        XCTAssertEqual(changed[1]["cost_after"] as? Int, 54_000_000 + 75_000_000)
        XCTAssertEqual(json["cost_after"] as? Int, 196_500_000)
        let parties = try XCTUnwrap(json["parties"] as? [[String: Any]])
        let procurement = try XCTUnwrap(parties.first { $0["role"] as? String == "city_procurement" })
        XCTAssertEqual((procurement["change"] as? Int), 96_000_000)

        let text = try run(proposed)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Theo bộ tiêu chí đề xuất: 1 đơn vị không còn đạt, 0 đơn vị mới đạt (số đơn vị đạt: 1 → 0); chi phí kế hoạch: 100.500.000 ₫ → 196.500.000 ₫."), text.stdout)
        XCTAssertTrue(text.stdout.contains("không còn đạt TC10"))
        XCTAssertTrue(text.stdout.contains("Bộ tiêu chí đề xuất:"), "the proposal's set named in the report")
        let english = try run(proposed, ["--lang", "en"])
        XCTAssertTrue(english.stdout.contains("Under the proposed criteria: 1 unit would fall back, 0 units would come forward (units ready: 1 → 0); plan cost: 100,500,000 ₫ → 196,500,000 ₫."), english.stdout)
        let html = try run(proposed, ["--format", "html"])
        XCTAssertTrue(html.stdout.contains("<title>Nếu áp dụng bộ tiêu chí đề xuất — Thành phố Mẫu</title>"), String(html.stdout.prefix(600)))
    }

    /// TC10 with ⌈officials ÷ 3⌉ printers and examples that say so.
    static func rewritePrinterRule(_ text: String) -> String {
        let rule = text.components(separatedBy: "examples:\n")[0].replacingOccurrences(of: "staffing.officials }, 5] } }", with: "staffing.officials }, 3] } }")
        return rule + """
            examples:
              - name: "45 officials and 15 printers"
                facts: { equipment: { printers: { working: 15 } }, staffing: { officials: 45 } }
                expect: passed
              - name: "45 officials and 9 printers: 6 short"
                facts: { equipment: { printers: { working: 9 } }, staffing: { officials: 45 } }
                expect: failed
                remedies: [{ item: printer, quantity: 6 }]

            """
    }

    func testAProposalWhoseExamplesFailIsRefused() throws {
        let proposed = try proposal { folder in
            let file = folder.appendingPathComponent("TC01.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "otherwise: 50", with: "otherwise: 80").write(to: file, atomically: true, encoding: .utf8)
        }
        let out = try run(proposed)
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(out.stdout, "", "nothing compared")
        XCTAssertTrue(out.stderr.contains("ví dụ của bộ tiêu chí đề xuất không đúng"), out.stderr)
        XCTAssertTrue(out.stderr.contains("TC01.yaml:"), "the example at its place: " + out.stderr)
    }

    func testAProposalThatDoesNotLoadIsRefusedWithItsDiagnostics() throws {
        let proposed = try proposal { folder in
            let file = folder.appendingPathComponent("TC02.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "require:", with: "requires:").write(to: file, atomically: true, encoding: .utf8)
        }
        let out = try run(proposed, ["--lang", "en"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains(proposed.appendingPathComponent("TC02.yaml").path + ":"), out.stderr)
        XCTAssertTrue(out.stderr.contains("cannot load the proposed criteria"), out.stderr)
    }

    func testNoProposalFolderIsAUsageError() throws {
        let out = try WardcheckProcess.run(["whatif", Self.city, "--criteria", Self.criteria, "--proposed", "/nonexistent/de-xuat"])
        XCTAssertEqual(out.status, 64, out.stderr)
        XCTAssertTrue(out.stderr.contains("không có thư mục tiêu chí đề xuất"), out.stderr)
    }
}
