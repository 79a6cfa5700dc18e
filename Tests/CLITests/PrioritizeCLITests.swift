import Foundation
import XCTest

/// `wardcheck prioritize` on the five-unit fixture city (Tests/Fixtures/city, judged on
/// 2025-08-01; its figures by hand in FixtureCityTests and FixtureCityPrioritizationTests):
/// 10001 is ready; 10002 Xã Bình needs 5 computers (75.000.000) and 3 printers (18.000.000),
/// 93.000.000 in all, and its office must stock fuel; 10003 Xã Cát holds a waiver (TC04) and left
/// TC16 out, so money cannot make it ready, but its 5 signatures (TC12, 7.500.000) can be bought.
final class PrioritizeCLITests: XCTestCase {
    private static let city = ["prioritize", "Tests/Fixtures/city", "--as-of", "2025-08-01"]
    private static let today = ["WARDCHECK_TODAY": "2025-08-01"]

    private func json(_ budget: String) throws -> [String: Any] {
        let run = try WardcheckProcess.run(Self.city + ["--budget", budget, "--format", "json"], environment: Self.today)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
    }

    /// 100.000.000: 10002 made ready for 93.000.000; the 7.000.000 left is short of 7.500.000.
    func testAHundredMillionMakesXaBinhReady() throws {
        let report = try json("100.000.000")
        XCTAssertEqual(report["schema"] as? String, "wardcheck.prioritize/1")
        XCTAssertEqual(report["budget"] as? Int, 100_000_000)
        XCTAssertEqual(report["spent"] as? Int, 93_000_000)
        XCTAssertEqual(report["left"] as? Int, 7_000_000)
        XCTAssertEqual(report["ready_before"] as? Int, 1)
        XCTAssertEqual(report["ready_after"] as? Int, 2)
        let units = try XCTUnwrap(report["units"] as? [[String: Any]])
        XCTAssertEqual(units.map { $0["code"] as? String }, ["10002"])
        XCTAssertEqual(units.first?["name"] as? String, "Xã Bình")
        XCTAssertEqual(units.first?["cost"] as? Int, 93_000_000)
        let purchases = try XCTUnwrap(units.first?["purchases"] as? [[String: Any]])
        XCTAssertEqual(purchases.map { $0["item"] as? String }, ["computer", "printer"])
        XCTAssertEqual(purchases.map { $0["quantity"] as? Int }, [5, 3])
        XCTAssertEqual(purchases.map { $0["total"] as? Int }, [75_000_000, 18_000_000])
        let actions = try XCTUnwrap(units.first?["actions"] as? [[String: Any]])
        XCTAssertEqual(actions.map { $0["action"] as? String }, ["stock_fuel"])
        XCTAssertEqual((report["criteria_funded"] as? [Any])?.count, 0)
        let blocked = try XCTUnwrap(report["blocked"] as? [[String: Any]])
        XCTAssertEqual(blocked.map { $0["code"] as? String }, ["10003"])
        XCTAssertEqual(blocked.first?["waived"] as? [String], ["TC04"])
        XCTAssertEqual(blocked.first?["not_reported"] as? [String], ["TC16"])
    }

    /// 100.500.000 = 93.000.000 + 7.500.000: Xã Bình ready, then Xã Cát's signatures; nothing left.
    func testTheRestBuysXaCatsSignatures() throws {
        let report = try json("100500000")
        XCTAssertEqual(report["spent"] as? Int, 100_500_000)
        XCTAssertEqual(report["left"] as? Int, 0)
        let funded = try XCTUnwrap(report["criteria_funded"] as? [[String: Any]])
        XCTAssertEqual(funded.map { "\($0["code"] ?? "") \($0["criterion"] ?? "")" }, ["10003 TC12"])
        XCTAssertEqual(funded.first?["cost"] as? Int, 7_500_000)
    }

    /// Every format carries the same figures, in people's words: no ISO date, no true/false, no key.
    func testEveryFormatSaysTheSame() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        for format in ["text", "csv", "markdown", "html"] {
            let file = folder.appendingPathComponent("p.\(format)")
            let run = try WardcheckProcess.run(Self.city + ["--budget", "100.500.000", "--format", format, "-o", file.path], environment: Self.today)
            XCTAssertEqual(run.status, 0, run.stderr)
            let text = try String(contentsOf: file, encoding: .utf8)
            for figure in ["100.500.000", "93.000.000", "7.500.000", "Xã Bình", "Xã Cát", "TC12", "TC04"] {
                XCTAssertTrue(text.contains(figure), "\(format) shows \(figure)")
            }
            for word in ["2025-08-01", "true", "false", "stock_fuel", "digital_signature"] {
                XCTAssertFalse(text.contains(word), "\(format) shows \(word)")
            }
        }
        for format in ["xlsx", "docx"] {
            let file = folder.appendingPathComponent("p.\(format)")
            let run = try WardcheckProcess.run(Self.city + ["--budget", "100.500.000", "--format", format, "-o", file.path], environment: Self.today)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(Array(try Data(contentsOf: file).prefix(2)), [0x50, 0x4B], "\(format) is a zip package")
        }
    }

    /// The headline, in both languages: 1 more unit, from 1 to 2, for 93.000.000.
    func testTheHeadlineInBothLanguages() throws {
        let vi = try WardcheckProcess.run(Self.city + ["--budget", "100.000.000"], environment: Self.today)
        XCTAssertEqual(vi.status, 0, vi.stderr)
        XCTAssertTrue(vi.stdout.contains("Với ngân sách 100.000.000 ₫: 1 đơn vị đạt thêm 16/16 (từ 1 lên 2) với 93.000.000 ₫; còn lại 7.000.000 ₫."), vi.stdout)
        let en = try WardcheckProcess.run(Self.city + ["--budget", "100000000", "--lang", "en"], environment: Self.today)
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stdout.contains("With a budget of 100,000,000 ₫: 1 more unit reaches 16/16 (from 1 to 2) for 93,000,000 ₫; 7,000,000 ₫ left."), en.stdout)
    }

    /// A budget that is not a whole, non-negative number of đồng is a usage error, said in the run's language.
    func testABudgetIsReadStrictly() throws {
        for bad in ["-1", "1,5", "1.5", "1.50.000", "abc", "1e9", "99999999999999999999", "007", "1.500.000 ₫"] {
            let run = try WardcheckProcess.run(Self.city + ["--budget=" + bad], environment: Self.today)
            XCTAssertEqual(run.status, 64, "\(bad): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("--budget cần một số đồng không âm"), "\(bad): \(run.stderr)")
        }
        // An empty value is refused by the argument parser itself, also as a usage error.
        XCTAssertEqual(try WardcheckProcess.run(Self.city + ["--budget="], environment: Self.today).status, 64)
        let en = try WardcheckProcess.run(Self.city + ["--budget", "lots", "--lang", "en"], environment: Self.today)
        XCTAssertEqual(en.status, 64)
        XCTAssertTrue(en.stderr.contains("--budget takes a non-negative whole number of đồng"), en.stderr)
    }

    /// 100.500.000 with 7.000.000 of it for the signature provider: Xã Bình's 93.000.000 comes
    /// from the other 93.500.000; Xã Cát's signatures (7.500.000) exceed the provider's share.
    func testASharePerParty() throws {
        let run = try WardcheckProcess.run(Self.city + ["--budget", "100.500.000", "--budget-for", "signature_provider=7.000.000", "--format", "json"],
                                           environment: Self.today)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["spent"] as? Int, 93_000_000)
        XCTAssertEqual((report["criteria_funded"] as? [Any])?.count, 0)
        XCTAssertEqual(report["budget_for"] as? [String: Int], ["signature_provider": 7_000_000])
        XCTAssertEqual(report["spent_by"] as? [String: Int], ["city_procurement": 93_000_000])

        let unknown = try WardcheckProcess.run(Self.city + ["--budget", "1.000", "--budget-for", "nobody=1"], environment: Self.today)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("danh mục không có bên nobody"), unknown.stderr)
        let over = try WardcheckProcess.run(Self.city + ["--budget", "1.000", "--budget-for", "telecom=2.000"], environment: Self.today)
        XCTAssertEqual(over.status, 64)
        XCTAssertTrue(over.stderr.contains("vượt quá --budget"), over.stderr)
    }

    /// The README's example, on the shipped sample judged on 2026-11-15: its figures as quoted
    /// there (checked by hand against `audit --format json` of the same day: 8 units ready; the 60
    /// cheapest of the units money can make ready fit 1.500.000.000, 8 of them at no cost).
    func testTheReadmeExampleOnTheSample() throws {
        let day = ["WARDCHECK_TODAY": "2026-11-15"]
        let run = try WardcheckProcess.run(["prioritize", "wards", "--budget", "1.500.000.000", "--as-of", "2026-11-15", "--format", "json"],
                                           environment: day)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["ready_before"] as? Int, 8)
        XCTAssertEqual(report["ready_after"] as? Int, 68)
        XCTAssertEqual(report["spent_on_units"] as? Int, 1_458_700_000)
        XCTAssertEqual(report["spent_on_criteria"] as? Int, 37_400_000)
        XCTAssertEqual(report["left"] as? Int, 3_900_000)
        XCTAssertEqual((report["criteria_funded"] as? [Any])?.count, 11)
        XCTAssertEqual((report["waiting"] as? [Any])?.count, 12)
        XCTAssertEqual((report["blocked"] as? [Any])?.count, 7)
        let text = try WardcheckProcess.run(["prioritize", "wards", "--budget", "1.500.000.000", "--as-of", "2026-11-15"], environment: day)
        XCTAssertTrue(text.stdout.contains("Với ngân sách 1.500.000.000 ₫: 60 đơn vị đạt thêm 16/16 (từ 8 lên 68; 8 trong số đó không cần mua gì, chỉ cần các bên thực hiện việc) với 1.458.700.000 ₫; 11 tiêu chí ở 10 đơn vị khác với 37.400.000 ₫; còn lại 3.900.000 ₫."), text.stdout)
    }
}
