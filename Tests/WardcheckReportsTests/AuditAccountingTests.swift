import Foundation
@testable import WardcheckReports
import WardcheckCore
import XCTest

/// The audit's headline accounts for every unit of the roster: ready + not ready + invalid +
/// submitted twice + not submitted = the roster's size, in every case. The city is the five-unit
/// fixture (Tests/Fixtures/city, see FixtureCityTests: 10001 ready 16/16; 10002 13/16 needing
/// 93.000.000 ₫; 10003 11/16, stale, 7.500.000 ₫; 10004 an invalid file; 10005 no file), with
/// files added or removed per test. Every figure below is counted by hand from those files.
final class AuditAccountingTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "wardcheck-accounting-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Tests/Fixtures/city").path, toPath: folder)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func audit(_ files: [String]) throws -> Audit {
        let (loadedSet, problems) = CriteriaSet.load(folder: Self.root.appendingPathComponent("criteria").path)
        let set = try XCTUnwrap(loadedSet, problems.map(\.message.en).joined(separator: "\n"))
        let (roster, rosterErrors) = Roster.load(path: folder + "/roster.yaml", schema: set.schema)
        let loaded = try XCTUnwrap(roster, rosterErrors.map(\.message.en).joined())
        let day = Day(iso: "2025-08-01")
        let evaluator = Evaluator(criteria: set, waivers: .none, asOf: day, today: day, roster: loaded)
        let accumulator = AuditAccumulator(criteria: set, roster: loaded, asOf: day)
        for name in files { accumulator.add(UnitReport.check(path: folder + "/" + name, evaluator: evaluator)) }
        return accumulator.finish()
    }

    private func copy(_ from: String, to: String, replacing: [(String, String)] = []) throws {
        var text = try String(contentsOfFile: folder + "/" + from, encoding: .utf8)
        for (old, new) in replacing {
            XCTAssertTrue(text.contains(old), "the fixture holds \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: folder + "/" + to, atomically: true, encoding: .utf8)
    }

    /// 10002 sent twice: it leaves the rows; 1 ready (10001), 1 not ready (10003), 1 invalid
    /// (10004), 1 twice (10002), 1 not submitted (10005): 1 + 1 + 1 + 1 + 1 = 5.
    func testAUnitSubmittedTwiceIsCountedInTheHeadline() throws {
        try copy("10002-binh.yaml", to: "10002-binh-again.yaml")
        let audit = try audit(["10001-an.yaml", "10002-binh.yaml", "10002-binh-again.yaml", "10003-cat.yaml", "10004-dao.yaml"])
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 5, ready: 1, notReady: 1, invalid: 1, duplicated: 1, notSubmitted: 1, outside: 0))
        XCTAssertEqual(audit.accounting.units, 5)
        XCTAssertEqual(audit.duplicates.map(\.code), ["10002"])
        XCTAssertEqual(audit.duplicates.first?.name, "Xã Bình", "named as the roster names it")
        XCTAssertEqual(audit.rows.map(\.code), ["10001", "10003"])
        XCTAssertEqual(AuditSummary.headline(audit, .vi),
                       "1/2 đơn vị đã đánh giá đạt 16/16 (50%), 1 chưa đạt; trong 5 đơn vị của danh sách còn 1 chưa nộp, "
                       + "1 nộp tệp không hợp lệ, 1 nộp trùng nhiều tệp; 1 có số liệu quá hạn; cần mua 7.500.000 ₫.")
        XCTAssertEqual(AuditSummary.headline(audit, .en),
                       "1 of 2 units evaluated are ready (50%), 1 not yet; of the 5 units in the roster, 1 not submitted, "
                       + "1 with an invalid file, 1 with more than one file; 1 with stale facts; to buy: 7,500,000 ₫.")
        XCTAssertEqual(AuditSummary(audit)["duplicated"].map { AuditSummary.text($0.value, .vi) }, "1")
    }

    /// A broken file and a good one for 10004: two files, so the unit is neither judged nor
    /// "invalid" but submitted twice; both files are named, and the broken one keeps its errors.
    /// Ready 1 (10001), not ready 2 (10002, 10003), twice 1, not submitted 1: 5.
    func testABrokenFileAndAGoodOneForOneUnitAreTwoFiles() throws {
        try copy("10002-binh.yaml", to: "10004-dao-fixed.yaml",
                 replacing: [("code: \"10002\", name: \"Xã Bình\", type: commune, terrain: mountain", "code: \"10004\", name: \"Đặc khu Đảo\", type: special_zone, terrain: island")])
        let audit = try audit(["10001-an.yaml", "10002-binh.yaml", "10003-cat.yaml", "10004-dao.yaml", "10004-dao-fixed.yaml"])
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 5, ready: 1, notReady: 2, invalid: 0, duplicated: 1, notSubmitted: 1, outside: 0))
        XCTAssertEqual(audit.duplicates.first?.files.map { ($0 as NSString).lastPathComponent }, ["10004-dao-fixed.yaml", "10004-dao.yaml"])
        XCTAssertEqual(audit.invalid.map(\.code), ["10004"], "the broken file's errors are still listed")
        XCTAssertFalse(audit.rows.contains { $0.code == "10004" })
    }

    /// Only the broken file: nothing judged, so no share and no cost; 4 not submitted + 1 invalid = 5.
    func testAnAuditThatJudgedNoUnitSaysSo() throws {
        let audit = try audit(["10004-dao.yaml"])
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 5, ready: 0, notReady: 0, invalid: 1, duplicated: 0, notSubmitted: 4, outside: 0))
        XCTAssertEqual(AuditSummary.headline(audit, .vi),
                       "Chưa đánh giá được đơn vị nào; trong 5 đơn vị của danh sách còn 4 chưa nộp, 1 nộp tệp không hợp lệ; chưa tính được chi phí.")
        XCTAssertEqual(AuditSummary.headline(audit, .en),
                       "No unit could be evaluated; of the 5 units in the roster, 4 not submitted, 1 with an invalid file; no cost can be worked out yet.")
        XCTAssertEqual(AuditSummary.noPlan(audit, .vi), "Chưa đánh giá được đơn vị nào nên chưa lập được kế hoạch mua sắm.")
    }

    /// A file for 99999, a code the roster lacks: it counts for no unit and is said apart.
    func testAFileOutsideTheRosterIsSaidApart() throws {
        try copy("10001-an.yaml", to: "99999-la.yaml", replacing: [("\"10001\"", "\"99999\"")])
        let audit = try audit(["10001-an.yaml", "99999-la.yaml"])
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 5, ready: 1, notReady: 0, invalid: 0, duplicated: 0, notSubmitted: 4, outside: 1))
        XCTAssertTrue(AuditSummary.headline(audit, .vi).contains("; 1 tệp không thuộc đơn vị nào trong danh sách;"), AuditSummary.headline(audit, .vi))
    }

    /// Every roster unit accounted for: "đủ 5 đơn vị" when all five sent one good file each.
    func testARosterFullyJudgedSaysSo() throws {
        try copy("10002-binh.yaml", to: "10004-dao-fixed.yaml",
                 replacing: [("code: \"10002\", name: \"Xã Bình\", type: commune, terrain: mountain", "code: \"10004\", name: \"Đặc khu Đảo\", type: special_zone, terrain: island")])
        try copy("10002-binh.yaml", to: "10005-en.yaml",
                 replacing: [("code: \"10002\", name: \"Xã Bình\", type: commune, terrain: mountain", "code: \"10005\", name: \"Xã Dừa\", type: commune, terrain: lowland"), ("villages: 8 }", "villages: 5 }")])
        let audit = try audit(["10001-an.yaml", "10002-binh.yaml", "10003-cat.yaml", "10004-dao-fixed.yaml", "10005-en.yaml"])
        XCTAssertEqual(audit.accounting, Audit.Accounting(roster: 5, ready: 1, notReady: 4, invalid: 0, duplicated: 0, notSubmitted: 0, outside: 0))
        XCTAssertTrue(AuditSummary.headline(audit, .vi).hasPrefix("1/5 đơn vị đã đánh giá đạt 16/16 (20%), 4 chưa đạt; đủ 5 đơn vị của danh sách;"),
                      AuditSummary.headline(audit, .vi))
    }

    /// 10002 with no 4G at the office and 5 villages without signal: TC04 asks the telecom
    /// operator for two things, which the plan keeps apart: 5 villages, and the office once.
    /// Never "× 6".
    func testVillagesAndTheOfficeAreNotAddedTogether() throws {
        try copy("10002-binh.yaml", to: "10002-binh.yaml",
                 replacing: [("mobile: { headquarters_4g: true, villages_without_signal: 0 }", "mobile: { headquarters_4g: false, villages_without_signal: 5 }")])
        let audit = try audit(["10002-binh.yaml"])
        let coverage = audit.actions.filter { $0.key == "extend_mobile_coverage" }
        XCTAssertEqual(coverage.map(\.quantity), [1, 5], "the office once, then 5 villages")
        XCTAssertEqual(coverage.map { audit.tasks[$0.task].measured }, [false, true])
        let row = try XCTUnwrap(audit.rows.first)
        let needs = audit.needs(of: row, role: "telecom").map { AuditLayout.need($0, audit, .vi) }
        XCTAssertEqual(needs, ["Phủ sóng di động", "Phủ sóng di động: 5 thôn lõm sóng, trắng sóng"])
        XCTAssertEqual(audit.needs(of: row, role: "telecom").map { AuditLayout.need($0, audit, .en) },
                       ["Extend mobile coverage", "Extend mobile coverage: 5 villages without signal"])
    }
}
