import Foundation
import WardcheckCore
import XCTest

/// What one city run reads, on a folder laid out by hand (shipped criteria, judged on 2025-07-10):
///
///     city/roster.yaml            the roster: 10001 Phường An, 10002 Phường Bình, 10003 Xã Cát
///     city/waivers.yaml           10002 waived on TC16 until 2026-06-30
///     city/10001-an.yaml          the ready ward: 16/16
///     city/khu/10002-binh.yaml    no firewall: TC16 waived (15/16, not ready: a waiver is never a pass), nothing to buy
///     city/khu/roster.yaml        a second roster below: a companion's name, never a unit's facts
///     city/so-do.yaml             a link to 10001-an.yaml: not followed, an invalid file
///     city/danh-sach-moi.yaml     the roster under another name, when given as --roster
///
/// So: 3 facts paths (10001, 10002, the link), 2 valid units of which 1 ready, 1 invalid, 10003 not submitted.
final class CityRunTests: XCTestCase {
    private var folder = ""
    private let rosterText = """
        roster: 1
        province: "Thành phố Thử"
        units:
          - { code: "10001", name: "Phường An" }
          - { code: "10002", name: "Phường Bình" }
          - { code: "10003", name: "Xã Cát" }

        """
    private let waiversText = """
        waivers: 1
        entries:
          - criterion: TC16
            unit: "10002"
            justification: "Tường lửa đã đặt mua"
            approved_by: "Phó Chủ tịch UBND thành phố"
            expires: 2026-06-30

        """

    override func setUpWithError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-city-\(UUID().uuidString)")
        folder = root.appendingPathComponent("city").path
        try FileManager.default.createDirectory(atPath: folder + "/khu", withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try write(rosterText, "roster.yaml")
        try write(waiversText, "waivers.yaml")
        try write(Ward.ready("10001", "Phường An"), "10001-an.yaml")
        try write(Ward.ready("10002", "Phường Bình", [Ward.noFirewall]), "khu/10002-binh.yaml")
        try write(rosterText, "khu/roster.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/so-do.yaml", withDestinationPath: folder + "/10001-an.yaml")
    }

    private func write(_ text: String, _ name: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    private func cityRun(roster: String? = nil, waivers: String? = nil) throws -> CityRun {
        CityRun(criteria: try Repo.loadCriteria(), folder: folder, roster: roster, waivers: waivers)
    }

    func testTheFoldersOwnRosterAndWaiversAreReadWhenNoneIsGiven() throws {
        let city = try cityRun()
        XCTAssertEqual(city.rosterPath, folder + "/roster.yaml")
        XCTAssertEqual(city.waiversPath, folder + "/waivers.yaml")
        let companions = city.companions()
        XCTAssertTrue(companions.usable)
        XCTAssertEqual(companions.roster?.units.map(\.code), ["10001", "10002", "10003"])
    }

    func testGivenCompanionsReplaceTheFoldersAndAreNotReadAsFacts() throws {
        try write(rosterText.replacingOccurrences(of: "Xã Cát", with: "Xã Cát Mới"), "danh-sach-moi.yaml")
        let city = try cityRun(roster: folder + "/danh-sach-moi.yaml")
        XCTAssertEqual(city.rosterPath, folder + "/danh-sach-moi.yaml")
        XCTAssertEqual(city.waiversPath, folder + "/waivers.yaml", "the waivers not given: still the folder's own")
        // The given roster is left out by its path, both roster.yaml files by their name.
        XCTAssertEqual(city.files().map(\.path), [folder + "/10001-an.yaml", folder + "/khu/10002-binh.yaml", folder + "/so-do.yaml"])
        XCTAssertEqual(city.companions().roster?.unit("10003")?.name, "Xã Cát Mới")
    }

    func testWithoutCompanionsNothingIsRosteredOrWaived() throws {
        try FileManager.default.removeItem(atPath: folder + "/roster.yaml")
        try FileManager.default.removeItem(atPath: folder + "/waivers.yaml")
        let city = try cityRun()
        XCTAssertNil(city.rosterPath)
        XCTAssertNil(city.waiversPath)
        let audit = city.audit(companions: city.companions(), on: SmallCity.day, today: SmallCity.day)
        XCTAssertNil(audit.rosterSize)
        XCTAssertEqual(audit.notSubmitted.count, 0)
        // Without the waiver, 10002's missing firewall counts: 1 of 2 valid units ready, one firewall to buy.
        XCTAssertEqual(audit.valid, 2)
        XCTAssertEqual(audit.ready, 1)
        XCTAssertEqual(audit.grandTotal, 30_000_000)
    }

    func testTheAuditCountsEveryPathItMetAndEveryRosterUnit() throws {
        let city = try cityRun()
        var seen: [String] = []
        let audit = city.audit(companions: city.companions(), on: SmallCity.day, today: SmallCity.day, each: { seen.append($0.file) })
        XCTAssertEqual(seen.sorted(), [folder + "/10001-an.yaml", folder + "/khu/10002-binh.yaml", folder + "/so-do.yaml"])
        XCTAssertEqual(audit.files, 3)
        XCTAssertEqual(audit.valid, 2)
        XCTAssertEqual(audit.ready, 1)
        XCTAssertEqual(audit.rows.first { $0.code == "10002" }?.outcomes.filter { $0 == .waived }.count, 1, "the waivers file was read")
        XCTAssertEqual(audit.grandTotal, 0, "a waived criterion buys nothing")
        XCTAssertEqual(audit.invalid.map(\.file), [folder + "/so-do.yaml"])
        XCTAssertEqual(audit.invalid.first?.firstErrors.first?.message.en, "a symbolic link, not followed while walking a folder")
        XCTAssertEqual(audit.notSubmitted.map(\.code), ["10003"])
        XCTAssertEqual(audit.rosterSize, 3)
        // The link gives no code: a file outside the roster, beside its three units.
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 3, ready: 1, notReady: 1, invalid: 0, duplicated: 0, notSubmitted: 1, outside: 1))
    }

    func testEveryUnitIsJudgedOnTheRunsDay() throws {
        let city = try cityRun()
        // On 2025-08-15 the ready ward's video test (2025-07-01) is 45 days old, past TC05's 30:
        // neither unit is ready, and each needs the video action.
        let audit = city.audit(companions: city.companions(), on: Day(iso: "2025-08-15")!, today: Day(iso: "2025-08-15")!)
        XCTAssertEqual(audit.valid, 2)
        XCTAssertEqual(audit.ready, 0)
    }

    func testARosterThatDoesNotLoadStopsTheRunBeforeTheWaivers() throws {
        try write("roster: 1\nunits:\n  - { code: 10001 }\n  - { code: \"10001\", name: \"Phường An\" }\n", "roster.yaml")
        let companions = try cityRun().companions()
        XCTAssertFalse(companions.usable)
        XCTAssertEqual(companions.failure?.en, "cannot load the roster \(folder)/roster.yaml")
        XCTAssertEqual(companions.failure?.vi, "không nạp được danh sách đơn vị \(folder)/roster.yaml")
        XCTAssertFalse(companions.diagnostics.isEmpty)
        XCTAssertTrue(companions.diagnostics.allSatisfy { $0.file == folder + "/roster.yaml" }, "the waivers are not read against a broken roster")
    }

    func testWaiversThatDoNotLoadAreNamed() throws {
        try write(waiversText.replacingOccurrences(of: "TC16", with: "TC99"), "waivers.yaml")
        let companions = try cityRun().companions()
        XCTAssertEqual(companions.failure?.en, "cannot load the waivers \(folder)/waivers.yaml")
        XCTAssertTrue(companions.diagnostics.contains { $0.file == folder + "/waivers.yaml" && $0.isError })
        XCTAssertNotNil(companions.roster, "the roster itself loaded")
    }

    func testAHiddenCharacterInAPathIsShownInTheFailure() throws {
        let odd = folder + "/danh\u{202E}sach.yaml"
        try "roster: [".write(toFile: odd, atomically: true, encoding: .utf8)
        let companions = try cityRun(roster: odd).companions()
        XCTAssertEqual(companions.failure?.en, "cannot load the roster \(folder)/danh\\u{202E}sach.yaml")
    }
}
