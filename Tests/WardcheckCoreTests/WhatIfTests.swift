import Foundation
import WardcheckCore
import XCTest

/// Three units judged on 2025-07-10 under the shipped criteria and under a proposal, worked out
/// by hand. The proposal: TC01 asks a ward for 400 Mbps (not 100), TC16 is dropped, and a new
/// TC17 asks for an IT officer (TC11's rule under another id). So it has 16 criteria too.
///
/// - 10001 Phường An: the ready ward, 300 Mbps. In force 16/16, nothing to buy. Proposed: TC01
///   fails (300 < 400), one fibre upgrade 5.000.000 ₫ (telecom): 15/16, falls back.
/// - 10002 Phường Bình: 500 Mbps, no firewall. In force TC16 fails: 15/16, a firewall 30.000.000 ₫
///   (city procurement). Proposed: TC16 is gone, TC17 met: 16/16, comes forward, nothing to buy.
/// - 10003 Phường Cát: 500 Mbps, no IT officer. In force TC11 fails: 15/16 (an action, no cost).
///   Proposed: TC11 and the new TC17 fail: 14/16. Not ready either way.
///
/// Ready: 1 → 1. Cost: 30.000.000 → 5.000.000 ₫.
final class WhatIfTests: XCTestCase {
    private func proposal() throws -> CriteriaSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-proposal-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Repo.criteria, toPath: folder.path)
        let tc01 = folder.appendingPathComponent("TC01.yaml")
        let text = try String(contentsOf: tc01, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "cases: { ward: 100 }").count, 2)
        try text.replacingOccurrences(of: "cases: { ward: 100 }", with: "cases: { ward: 400 }").write(to: tc01, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("TC16.yaml"))
        let tc11 = try String(contentsOf: folder.appendingPathComponent("TC11.yaml"), encoding: .utf8)
        try tc11.replacingOccurrences(of: "id: TC11\n", with: "id: TC17\n")
            .write(to: folder.appendingPathComponent("TC17.yaml"), atomically: true, encoding: .utf8)
        return try Repo.loadCriteria(folder.path)
    }

    private func whatIf() throws -> WhatIf {
        let fast: Ward.Edit = (find: "download_mbps: 300", replace: "download_mbps: 500")
        let files = [("10001-an.yaml", try Ward.ready("10001", "Phường An")),
                     ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình", [fast, Ward.noFirewall])),
                     ("10003-cat.yaml", try Ward.ready("10003", "Phường Cát", [fast, Ward.noITOfficer]))]
        let current = try Repo.loadCriteria()
        let proposed = try proposal()
        let before = try SmallCity(criteria: current, roster: nil, test: self).audit(files)
        let after = try SmallCity(criteria: proposed, roster: nil, test: self).audit(files)
        return WhatIf(current: before, proposed: after, currentCriteria: current, proposedCriteria: proposed,
                      currentSource: current.folder, proposedSource: proposed.folder)
    }

    func testTheHeadlineFigures() throws {
        let w = try whatIf()
        XCTAssertEqual(w.readyBefore, 1)
        XCTAssertEqual(w.readyAfter, 1)
        XCTAssertEqual(w.costBefore, 30_000_000)
        XCTAssertEqual(w.costAfter, 5_000_000)
        XCTAssertEqual(w.fallBack.map(\.code), ["10001"])
        XCTAssertEqual(w.comeForward.map(\.code), ["10002"])
    }

    func testWhatTheProposalChanges() throws {
        let w = try whatIf()
        XCTAssertEqual(w.added, ["TC17"])
        XCTAssertEqual(w.dropped, ["TC16"])
        XCTAssertEqual(w.revised, ["TC01"], "the other fifteen files are byte for byte the same")
    }

    func testEachUnitCriterionByCriterion() throws {
        let units = Dictionary(uniqueKeysWithValues: try whatIf().units.map { ($0.code, $0) })
        XCTAssertEqual(units.count, 3)
        let an = try XCTUnwrap(units["10001"])
        XCTAssertEqual([an.passedBefore, an.passedAfter], [16, 15])
        XCTAssertEqual(an.lost, ["TC01"])
        XCTAssertEqual(an.gained, [])
        XCTAssertEqual([an.costBefore, an.costAfter], [0, 5_000_000])
        let binh = try XCTUnwrap(units["10002"])
        XCTAssertEqual([binh.passedBefore, binh.passedAfter], [15, 16])
        XCTAssertEqual(binh.droppedNotMet, ["TC16"], "a dropped criterion the unit failed is not a criterion gained")
        XCTAssertEqual(binh.gained, [])
        XCTAssertEqual(binh.newNotMet, [])
        XCTAssertEqual([binh.costBefore, binh.costAfter], [30_000_000, 0])
        let cat = try XCTUnwrap(units["10003"])
        XCTAssertEqual([cat.passedBefore, cat.passedAfter], [15, 14])
        XCTAssertEqual(cat.newNotMet, ["TC17"])
        XCTAssertEqual(cat.lost, [], "TC11 failed on both sides")
        XCTAssertFalse(cat.readyBefore || cat.readyAfter)
    }

    func testThePlanPerPayingParty() throws {
        let parties = Dictionary(uniqueKeysWithValues: try whatIf().parties.map { ($0.role, ($0.before, $0.after)) })
        XCTAssertEqual(parties["city_procurement"]?.0, 30_000_000)
        XCTAssertEqual(parties["city_procurement"]?.1, 0)
        XCTAssertEqual(parties["telecom"]?.0, 0)
        XCTAssertEqual(parties["telecom"]?.1, 5_000_000)
    }

    func testWaiversOfADroppedCriterionWaiveNothing() throws {
        let text = """
            waivers: 1
            entries:
              - { criterion: TC16, unit: "10002", justification: "Đang mua tường lửa", approved_by: "UBND", expires: 2026-01-01 }
              - { criterion: TC04, unit: "10002", justification: "Chờ trạm BTS", approved_by: "UBND", expires: 2026-01-01 }

            """
        let (loaded, diagnostics) = Waivers.load(path: try Repo.write(text, name: "waivers.yaml", test: self), criteria: try Repo.loadCriteria())
        let waivers = try XCTUnwrap(loaded, diagnostics.map(\.message.en).joined(separator: "; "))
        XCTAssertEqual(waivers.keeping(criteria: ["TC04", "TC17"]).entries.map(\.criterion), ["TC04"])
    }
}
