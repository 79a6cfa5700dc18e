import Foundation
import XCTest
@testable import WardcheckCore

/// Every form of verdict sentence a ward official reads, in both languages, at each boundary:
/// one operator of the rule language at a time (through `RuleHarness`), in the shipped schema's
/// words. Expected sentences are written out by hand.
final class VerdictSentenceTests: XCTestCase {
    /// The sentence of the criterion's first comparison, judged on 2025-07-05 unless told.
    private func sentence(_ check: String, _ facts: String, on day: String = "2025-07-05") throws -> Localized {
        let harness = try RuleHarness(checks: """
          - id: c
            require: \(check)
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        let result = try harness.result(facts, on: day)
        let comparison = try XCTUnwrap(result.checks.first?.comparisons.first)
        return Verdict(schema: harness.set.schema).sentence(comparison)
    }

    private func assert(_ said: Localized, vi: String, en: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(said.vi, vi, file: file, line: line)
        XCTAssertEqual(said.en, en, file: file, line: line)
    }

    func testAtLeastWithAUnitBelowAtAndAboveTheThreshold() throws {
        let rule = "{ fact: network.internet.download_mbps, at_least: 50 }"
        assert(try sentence(rule, "network: { internet: { download_mbps: 8 } }"),
               vi: "Tốc độ tải xuống 8 Mbps — cần ít nhất 50 Mbps", en: "Download speed 8 Mbps — needs at least 50 Mbps")
        assert(try sentence(rule, "network: { internet: { download_mbps: 50 } }"),
               vi: "Tốc độ tải xuống 50 Mbps — đạt (cần ít nhất 50 Mbps)", en: "Download speed 50 Mbps — met (needs at least 50 Mbps)")
        assert(try sentence(rule, "network: { internet: { download_mbps: 49.5 } }"),
               vi: "Tốc độ tải xuống 49,5 Mbps — cần ít nhất 50 Mbps", en: "Download speed 49.5 Mbps — needs at least 50 Mbps")
        assert(try sentence("{ fact: network.internet.download_mbps, at_least: 1500 }", "network: { internet: { download_mbps: 1000 } }"),
               vi: "Tốc độ tải xuống 1.000 Mbps — cần ít nhất 1.500 Mbps", en: "Download speed 1,000 Mbps — needs at least 1,500 Mbps")
    }

    func testANumberWithAUnitInEachLanguage() throws {
        assert(try sentence("{ fact: power.generator.fuel_hours, at_least: 24 }", "power: { generator: { fuel_hours: 1.5 } }"),
               vi: "Nhiên liệu dự trữ đủ chạy 1,5 giờ — cần ít nhất 24 giờ", en: "Fuel in stock for 1.5 h — needs at least 24 h")
    }

    func testALeftOutFactAndARequirementThatDependsOnAnother() throws {
        // Terrain left out: 24 hours in the mountains and on islands, 8 elsewhere.
        let rule = "{ fact: power.generator.fuel_hours, at_least: { by: unit.terrain, cases: { mountain: 24, island: 24 }, otherwise: 8 } }"
        assert(try sentence(rule, "as_of: 2025-07-05"),
               vi: "Nhiên liệu dự trữ: chưa báo cáo — cần ít nhất 8–24 giờ, tùy theo địa hình",
               en: "Fuel in stock: not reported — needs at least 8–24 h, depending on terrain")
        assert(try sentence(rule, "unit: { terrain: island }\npower: { generator: { fuel_hours: 12 } }"),
               vi: "Nhiên liệu dự trữ đủ chạy 12 giờ — cần ít nhất 24 giờ", en: "Fuel in stock for 12 h — needs at least 24 h")
    }

    func testAComputedRequirementReadsAsItsNumber() throws {
        // ⌈45 ÷ 5⌉ = 9 printers for 45 officials.
        assert(try sentence("{ fact: equipment.printers.working, at_least: { ceil: { divide: [{ fact: staffing.officials }, 5] } } }",
                            "equipment: { printers: { working: 6 } }\nstaffing: { officials: 45 }"),
               vi: "6 máy in đang hoạt động — cần ít nhất 9", en: "6 working printers — needs at least 9")
    }

    func testAtMostMoreThanLessThanAndEquals() throws {
        assert(try sentence("{ fact: network.mobile.villages_without_signal, at_most: 0 }", "network: { mobile: { villages_without_signal: 5 } }"),
               vi: "5 thôn lõm sóng, trắng sóng — cần bằng 0", en: "5 villages without signal — needs 0")
        assert(try sentence("{ fact: network.mobile.villages_without_signal, at_most: 3 }", "network: { mobile: { villages_without_signal: 4 } }"),
               vi: "4 thôn lõm sóng, trắng sóng — cần không quá 3", en: "4 villages without signal — needs at most 3")
        assert(try sentence("{ fact: staffing.officials, more_than: 10 }", "staffing: { officials: 10 }"),
               vi: "10 cán bộ, công chức — cần hơn 10", en: "10 officials — needs more than 10")
        assert(try sentence("{ fact: network.mobile.villages_without_signal, less_than: 2 }", "network: { mobile: { villages_without_signal: 2 } }"),
               vi: "2 thôn lõm sóng, trắng sóng — cần dưới 2", en: "2 villages without signal — needs less than 2")
        assert(try sentence("{ fact: equipment.printers.working, equals: 3 }", "equipment: { printers: { working: 4 } }"),
               vi: "4 máy in đang hoạt động — cần đúng 3", en: "4 working printers — needs exactly 3")
    }

    func testAYesOrNoSaysItsOwnAnswer() throws {
        let rule = "{ fact: power.generator.present, is: true }"
        assert(try sentence(rule, "power: { generator: { present: false } }"), vi: "Chưa có máy phát điện", en: "No generator")
        assert(try sentence(rule, "power: { generator: { present: true } }"), vi: "Đã có máy phát điện", en: "Has a generator")
        assert(try sentence(rule, "as_of: 2025-07-05"), vi: "Máy phát điện: chưa báo cáo", en: "Generator: not reported")
    }

    func testChoicesAmongAnEnumsValues() throws {
        assert(try sentence("{ fact: network.backup_link, is_not: none }", "network: { backup_link: none }"),
               vi: "Chưa có đường truyền dự phòng — cần 4G, 5G, nhà mạng thứ hai hoặc vệ tinh",
               en: "No backup link — needs 4G, 5G, a second ISP or satellite")
        assert(try sentence("{ fact: network.backup_link, is_not: none }", "network: { backup_link: 4g }"),
               vi: "Đường truyền dự phòng 4G", en: "A 4G backup link")
        assert(try sentence("{ fact: unit.terrain, in: [mountain, island] }", "unit: { terrain: lowland }"),
               vi: "Địa hình: đồng bằng — cần miền núi hoặc hải đảo", en: "Terrain: lowland — needs mountain or island")
        assert(try sentence("{ fact: unit.type, not_in: [ward] }", "unit: { type: ward }"),
               vi: "Loại đơn vị: phường — cần xã hoặc đặc khu", en: "Unit type: ward — needs commune or special zone")
        assert(try sentence("{ fact: unit.type, is: ward }", "unit: { type: commune }"),
               vi: "Loại đơn vị: xã — cần phường", en: "Unit type: commune — needs ward")
    }

    /// 2025-07-05 − 2025-05-26 = 5 + 30 + 5 = 40 days; − 2025-06-05 = 30 days; − 2025-07-04 = 1 day.
    func testADateWindowCountedBackFromTheDayJudged() throws {
        let rule = "{ fact: network.video_conference.last_test, within_days: 30 }"
        assert(try sentence(rule, "network: { video_conference: { last_test: 2025-05-26 } }"),
               vi: "Điểm cầu kiểm tra lần cuối ngày 26/05/2025, đã 40 ngày — cần trong vòng 30 ngày",
               en: "Endpoint last tested on 26\u{00A0}May\u{00A0}2025, 40 days ago — needs within 30 days")
        assert(try sentence(rule, "network: { video_conference: { last_test: 2025-06-05 } }"),
               vi: "Điểm cầu kiểm tra lần cuối ngày 05/06/2025, đã 30 ngày — đạt (cần trong vòng 30 ngày)",
               en: "Endpoint last tested on 5\u{00A0}Jun\u{00A0}2025, 30 days ago — met (needs within 30 days)")
        assert(try sentence(rule, "network: { video_conference: { last_test: 2025-07-04 } }"),
               vi: "Điểm cầu kiểm tra lần cuối ngày 04/07/2025, đã 1 ngày — đạt (cần trong vòng 30 ngày)",
               en: "Endpoint last tested on 4\u{00A0}Jul\u{00A0}2025, 1 day ago — met (needs within 30 days)")
        assert(try sentence(rule, "network: { video_conference: { last_test: 2025-07-05 } }"),
               vi: "Điểm cầu kiểm tra lần cuối ngày 05/07/2025, đúng ngày đánh giá — đạt (cần trong vòng 30 ngày)",
               en: "Endpoint last tested on 5\u{00A0}Jul\u{00A0}2025, on the day judged — met (needs within 30 days)")
        // Judged on a day before the test (`--as-of` earlier than the file): not inside the window.
        assert(try sentence(rule, "network: { video_conference: { last_test: 2025-07-05 } }", on: "2025-07-02"),
               vi: "Điểm cầu kiểm tra lần cuối ngày 05/07/2025, sau ngày đánh giá 3 ngày — cần trong vòng 30 ngày",
               en: "Endpoint last tested on 5\u{00A0}Jul\u{00A0}2025, 3 days after the day judged — needs within 30 days")
        assert(try sentence("{ fact: network.video_conference.last_test, within_days: 1 }", "as_of: 2025-07-05"),
               vi: "Ngày kiểm tra điểm cầu: chưa báo cáo — cần trong vòng 1 ngày", en: "Endpoint test date: not reported — needs within 1 day")
    }

    /// What a remedy's text is filled with: values in the schema's words, dates as people write them.
    func testRemedyTextsAreFilledWithPeoplesWords() throws {
        let set = try Repo.loadCriteria()
        let tc05 = try XCTUnwrap(set.criterion("TC05"))
        let facts = try XCTUnwrap(try FactsFixtures.facts(path: try Repo.write("""
            as_of: 2025-07-05
            network: { video_conference: { endpoint: true, last_test: 2025-05-26 } }
            """, test: self)))
        let remedy = try XCTUnwrap(Evaluator(criteria: set).evaluate(tc05, facts: facts, on: Day(iso: "2025-07-05")).remedies.first)
        XCTAssertEqual(remedy.text.vi, "Kết nối thử điểm cầu với thành phố và ghi lại ngày kiểm tra (lần gần nhất: 26/05/2025 (40 ngày trước), quá 30 ngày)")
        XCTAssertEqual(remedy.text.en, "Run a test call with the city and record its date (last: 26\u{00A0}May\u{00A0}2025 (40 days ago), more than 30 days)")
        // A fact left out is asked for by its name, never its key path.
        let tc07 = try XCTUnwrap(set.criterion("TC07"))
        let bare = try XCTUnwrap(try FactsFixtures.facts(path: try Repo.write("as_of: 2025-07-05\n", test: self)))
        let report = try XCTUnwrap(Evaluator(criteria: set).evaluate(tc07, facts: bare, on: nil).remedies.first { $0.kind == .report })
        XCTAssertEqual(report.text.vi, "Báo cáo số liệu còn thiếu: nguồn điện")
        XCTAssertEqual(report.text.en, "Report the missing facts: power")
    }

    func testDaysAsPeopleWriteThem() {
        let day = Day(year: 2026, month: 12, day: 4)!
        XCTAssertEqual(day.written(.vi), "04/12/2026")
        XCTAssertEqual(day.written(.en), "4\u{00A0}Dec\u{00A0}2026", "the month in letters, and no break inside")
        XCTAssertEqual(Day(year: 2025, month: 1, day: 31)!.written(.vi), "31/01/2025")
        XCTAssertEqual(Day(year: 2025, month: 1, day: 31)!.written(.en), "31\u{00A0}Jan\u{00A0}2025")
    }

    func testListsAsPeopleJoinThem() {
        let items = ["a", "b", "c"].map { Localized($0) }
        XCTAssertEqual(FactWords.alternatives(items).vi, "a, b hoặc c")
        XCTAssertEqual(FactWords.alternatives(items).en, "a, b or c")
        XCTAssertEqual(FactWords.list(Array(items.prefix(2))).vi, "a và b")
        XCTAssertEqual(FactWords.list(Array(items.prefix(1))).en, "a")
        XCTAssertEqual(FactWords.lowerFirst("Địa hình"), "địa hình")
        XCTAssertEqual(FactWords.lowerFirst("LAN đến các phòng"), "LAN đến các phòng", "a name in capitals keeps them")
        XCTAssertEqual(FactWords.lowerFirst("Wi-Fi tại bộ phận"), "Wi-Fi tại bộ phận")
    }
}
