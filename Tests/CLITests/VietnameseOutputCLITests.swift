import Foundation
import XCTest

/// In Vietnamese outputs every value a reader sees is Vietnamese (units, enum values, booleans,
/// operators), numbers are written the Vietnamese way, and the facts' keys stay as in the file.
final class VietnameseOutputCLITests: XCTestCase {
    private let ba = "Tests/Fixtures/city-plan/submissions/90003-ba.yaml"
    private let bon = "Tests/Fixtures/city-plan/submissions/90004-bon.yaml"

    func testScorecardValuesUnitsAndBooleansAreVietnamese() throws {
        let mot = "Tests/Fixtures/city-plan/submissions/90001-mot.yaml"
        let ready = try WardcheckProcess.run(["check", mot, "--as-of", "2025-07-10"]).stdout
        XCTAssertTrue(ready.contains("Nhiên liệu dự trữ đủ chạy 24 giờ — đạt (cần ít nhất 8 giờ)  (power.generator.fuel_hours, dòng "), ready)
        let out = try WardcheckProcess.run(["check", ba, "--as-of", "2025-07-10"]).stdout
        XCTAssertTrue(out.contains("Bộ lưu điện giữ được 30 phút — đạt (cần ít nhất 15 phút)  (power.ups.runtime_minutes, dòng 14)"), out)
        XCTAssertTrue(out.contains("Có Internet cáp quang  (network.internet.fibre, dòng 5)"), out)
        // 2025-07-10 − 2025-03-25 = 6 + 30 + 31 + 30 + 10 = 107 days.
        XCTAssertTrue(out.contains("Điểm cầu kiểm tra lần cuối ngày 25/03/2025, đã 107 ngày — cần trong vòng 30 ngày  (network.video_conference.last_test, dòng 11)"), out)
        XCTAssertTrue(out.contains("Số liệu ngày 01/04/2025, đánh giá theo ngày 10/07/2025"), out)
        for english in [" h ", " min ", "true", "false", "days", "2025-03-25"] {
            XCTAssertFalse(out.contains(english), "\(english) in: \(out)")
            XCTAssertFalse(ready.contains(english), "\(english) in: \(ready)")
        }
        let none = try WardcheckProcess.run(["check", bon, "--as-of", "2025-07-10"]).stdout
        XCTAssertTrue(none.contains("Chưa có đường truyền dự phòng — cần 4G, 5G, nhà mạng thứ hai hoặc vệ tinh  (network.backup_link, dòng 6)"),
                      "the enum value by the field's own answer, and the values it needs: \(none)")
        let en = try WardcheckProcess.run(["check", ba, "--as-of", "2025-07-10", "--lang", "en"]).stdout
        let readyEn = try WardcheckProcess.run(["check", mot, "--as-of", "2025-07-10", "--lang", "en"]).stdout
        XCTAssertTrue(readyEn.contains("Fuel in stock for 24 h — met (needs at least 8 h)"), readyEn)
        XCTAssertTrue(en.contains("Endpoint last tested on 25\u{00A0}Mar\u{00A0}2025, 107 days ago — needs within 30 days"), en)
        // The requirement already carries its unit: a remedy text must not add it again.
        XCTAssertTrue(out.contains("(lần gần nhất: 25/03/2025 (107 ngày trước), quá 30 ngày)"), out)
        XCTAssertFalse(out.contains("ngày ngày"), out)
        XCTAssertFalse(en.contains("days days"), en)
    }

    func testExplainSaysOperatorsInWordsAndFormulasWithVietnameseNumbers() throws {
        let vi = try WardcheckProcess.run(["explain", ba, "--criterion", "TC13", "--as-of", "2025-07-10"]).stdout
        XCTAssertTrue(vi.contains("staffing.trained [23:12] = 27; yêu cầu ít nhất 27  (⌈0,9 × staffing.officials⌉ = ⌈0,9 × 30⌉ = 27) → đạt"), vi)
        let fuel = try WardcheckProcess.run(["explain", ba, "--criterion", "TC06", "--as-of", "2025-07-10"]).stdout
        XCTAssertTrue(fuel.contains("power.generator.present [13:25] = có; yêu cầu là có → đạt"), fuel)
        XCTAssertTrue(fuel.contains("[unit.terrain = miền núi]"), fuel)
        XCTAssertTrue(fuel.contains("yêu cầu trong vòng 90 ngày"), fuel)
        for code in ["at_least", "is true", "within_days", "mountain"] { XCTAssertFalse(fuel.contains(code), code) }
        let en = try WardcheckProcess.run(["explain", ba, "--criterion", "TC13", "--as-of", "2025-07-10", "--lang", "en"]).stdout
        XCTAssertTrue(en.contains("requires at least 27  (⌈0.9 × staffing.officials⌉ = ⌈0.9 × 30⌉ = 27) → passed"), en)
    }

    func testInitWritesCommentsInTheChosenLanguage() throws {
        let en = try WardcheckProcess.run(["init", "--code", "20194", "--name", "Phường Hòa Xuân", "--type", "ward", "--lang", "en", "-o", "-"])
        XCTAssertEqual(en.status, 0, en.stderr)
        // The editor's schema line comes first (docs/editors.md), then the header in the chosen language.
        let lines = en.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("# yaml-language-server: $schema="), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("# Facts for one unit, format 1, written by `wardcheck init`."), en.stdout)
        XCTAssertTrue(en.stdout.contains("# Administrative unit code (5 digits) — required\n  code: \"20194\""), en.stdout)
        XCTAssertFalse(en.stdout.contains("bắt buộc"))
        XCTAssertFalse(en.stdout.contains("Tệp dữ kiện"))
        let vi = try WardcheckProcess.run(["init", "--code", "20194", "--name", "Phường Hòa Xuân", "--type", "ward", "-o", "-"])
        XCTAssertTrue(vi.stdout.contains("# Mã đơn vị hành chính (5 chữ số) — bắt buộc\n  code: \"20194\""), vi.stdout)
        XCTAssertFalse(vi.stdout.contains("— required"))
    }
}
