import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// `POST /api/evaluate`: the form's answers are written as the facts file and scored by the
/// command line's engine; what comes back is that engine's scorecard and diagnostics.
final class EvaluateTests: XCTestCase {
    func testAReadyWardScoresSixteenOfSixteen() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.post("/api/evaluate", answers: Answers16.ready)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.header("Content-Type"), "application/json; charset=utf-8")
            XCTAssertEqual(response.header("Cache-Control"), "no-store")
            let json = try response.json()
            XCTAssertEqual(json["valid"] as? Bool, true)
            XCTAssertEqual(json["passed"] as? Int, 16)
            XCTAssertEqual(json["ready"] as? Bool, true)
            XCTAssertEqual(json["summary"] as? String, "16/16 tiêu chí đạt — ĐẠT")
            XCTAssertEqual(json["file"] as? String, "99001.yaml")
            XCTAssertEqual(Set(outcomes(json).values), ["passed"])
            XCTAssertEqual(outcomes(json).count, 16)
            XCTAssertTrue(diagnostics(json).isEmpty)
        }
    }

    /// 38 computers and 6 printers for 45 officials, a 3 kVA generator: worked by hand from the
    /// criteria — TC08 needs 45 − 38 = 7 computers, TC10 ⌈45 ÷ 5⌉ − 6 = 3 printers, TC06 one
    /// generator of at least 5 kVA; 7 × 15,000,000 + 3 × 6,000,000 + 45,000,000 = 168,000,000 ₫.
    func testAFailingUnitGetsItsCriteriaAndRemediesWithQuantitiesAndCosts() async throws {
        let answers = Answers16.with([
            "equipment.computers.working": "38", "security.protected_computers": "38",
            "equipment.printers.working": "6", "power.generator.capacity_kva": "3",
        ])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(json["passed"] as? Int, 13)
            XCTAssertEqual(json["ready"] as? Bool, false)
            XCTAssertEqual(json["summary"] as? String, "13/16 tiêu chí đạt — CHƯA ĐẠT")
            let failed = outcomes(json).filter { $0.value == "failed" }.keys.sorted()
            XCTAssertEqual(failed, ["TC06", "TC08", "TC10"])
            let bought = remedies(json).map { "\($0["criterion"]!) \($0["key"]!) \($0["quantity"] ?? "-") \($0["cost"]!)" }
            XCTAssertEqual(bought, ["TC06 generator 1 45000000", "TC08 computer 7 105000000", "TC10 printer 3 18000000"])
            XCTAssertEqual(json["total_cost"] as? Int, 168_000_000)
            let html = try XCTUnwrap(json["scorecard_html"] as? String)
            XCTAssertTrue(html.contains("<span class=\"score\">13/16</span>"))
            XCTAssertTrue(html.contains("Công suất máy phát (kVA): <span class=\"observed\">3 kVA &lt; 5 kVA</span>"))
            XCTAssertTrue(html.contains("Mua thêm 7 máy tính (hiện 38 máy cho 45 cán bộ)"))
            XCTAssertTrue(html.contains("Mua thêm 3 máy in (hiện 6 máy, cần 9)"))
            XCTAssertTrue(html.contains("168.000.000 ₫"))
        }
    }

    func testAMissingFactIsNotReportedWithALinkToItsField() async throws {
        let answers = Answers16.with(["equipment.printers.working": nil])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(outcomes(json)["TC10"], "not_reported")
            XCTAssertEqual(json["passed"] as? Int, 15)
            let report = remedies(json).filter { $0["kind"] as? String == "report" }
            XCTAssertEqual(report.count, 1)
            XCTAssertEqual(report.first?["facts"] as? [String], ["equipment.printers.working"])
            let html = try XCTUnwrap(json["scorecard_html"] as? String)
            XCTAssertTrue(html.contains("Số máy in đang hoạt động <code>equipment.printers.working</code> — <span class=\"o-not_reported\">chưa báo cáo</span> · <a href=\"#f-equipment.printers.working\">điền</a>"))
            let text = try XCTUnwrap(json["check_text"] as? String)
            XCTAssertTrue(text.contains("equipment.printers.working: chưa báo cáo (thêm vào khối equipment.printers, dòng "), text)
        }
    }

    func testEnglishAnswers() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate?lang=en", answers: Answers16.with(["power.generator.capacity_kva": "3"])).json()
            XCTAssertEqual(json["summary"] as? String, "15/16 criteria met — NOT READY")
            XCTAssertTrue((json["scorecard_html"] as? String ?? "").contains("Replace the 3 kVA generator with one of at least 5 kVA"))
        }
    }

    /// Each mistake is reported by the validator, as `validate` reports it, at the field it concerns.
    func testDiagnosticsArePlacedAtTheirFields() async throws {
        let answers = Answers16.with([
            "staffing.trained": "50",
            "security.firewall": "yes",
            "equipment.printers.working": "4,5",
            "network.video_conference.last_test": "05/07/2025",
            "unit.code": "2019",
        ])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(json["valid"] as? Bool, false)
            XCTAssertEqual(json["summary"] as? String, "Chưa chấm được — 5 lỗi cần sửa")
            let found = Dictionary(uniqueKeysWithValues: diagnostics(json).map { ($0.field, $0) })
            XCTAssertEqual(Set(found.keys), ["staffing.trained", "security.firewall", "equipment.printers.working",
                                             "network.video_conference.last_test", "unit.code"])
            XCTAssertEqual(found["staffing.trained"]?.code, "WC112")
            XCTAssertEqual(found["security.firewall"]?.code, "WC103")
            XCTAssertEqual(found["security.firewall"]?.hint, "viết true hoặc false (có lẽ ý là true)")
            XCTAssertEqual(found["equipment.printers.working"]?.code, "WC104")
            XCTAssertEqual(found["equipment.printers.working"]?.message, "equipment.printers.working: `4,5` không phải số nguyên")
            XCTAssertEqual(found["network.video_conference.last_test"]?.code, "WC106")
            XCTAssertEqual(found["network.video_conference.last_test"]?.hint, "viết ngày theo dạng năm-tháng-ngày: 2025-07-05")
            XCTAssertEqual(found["unit.code"]?.code, "WC109")
            XCTAssertTrue((json["scorecard_html"] as? String ?? "").contains("Chưa chấm được"))
        }
    }

    /// An answer cannot add keys to the file: line breaks and YAML punctuation stay inside its value.
    func testAnswersCannotChangeTheShapeOfTheFile() async throws {
        let answers = Answers16.with([
            "security.firewall": nil,
            "equipment.printers.working": "1\nsecurity:\n  firewall: true",
            "unit.name": "Phường \"A\": #1\nsecurity: {}",
        ])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let yaml = try await client.post("/api/yaml", answers: answers).text
            XCTAssertEqual(yaml.components(separatedBy: "\nsecurity:").count - 1, 1, "one security block: \(yaml)")
            XCTAssertTrue(yaml.contains("  name: \"Phường \\\"A\\\": #1\\nsecurity: {}\"\n"), yaml)
            // Each is refused at its own field, as `validate` refuses them in a file; the firewall
            // stays unanswered, not reported, not true.
            let json = try await client.post("/api/evaluate", answers: answers).json()
            let found = diagnostics(json).map { "\($0.field) \($0.code)" }.sorted()
            XCTAssertEqual(found, ["equipment.printers.working WC104", "unit.name WC114"])
            // Quotes, a colon and a hash in one line are a name like any other, read back exactly.
            let named = try await client.post("/api/evaluate", answers: Answers16.with(["unit.name": "Phường \"A\": #1"])).json()
            XCTAssertEqual(named["name"] as? String, "Phường \"A\": #1")
        }
    }

    func testMalformedBodiesAreRefused() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let notJSON = try await client.execute(uri: "/api/evaluate", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: "answers=1"))
            XCTAssertEqual(notJSON.status, .badRequest)
            XCTAssertEqual((try notJSON.json()["error"] as? [String: Any])?["status"] as? Int, 400)
            let reply1 = try await client.post("/api/evaluate", json: ["answers": ["staffing.officials": 45]])
            XCTAssertEqual(reply1.status, .badRequest, "numbers are sent as text")
            let reply2 = try await client.post("/api/evaluate", json: ["nothing": true])
            XCTAssertEqual(reply2.status, .badRequest)
            let unknown = try await client.post("/api/evaluate", answers: ["unit.nam": "x", "power": "y"])
            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertTrue(unknown.text.contains("`power`, `unit.nam`"))
            let reply3 = try await client.post("/api/evaluate?lang=xx", answers: [:])
            XCTAssertEqual(reply3.status, .badRequest)
        }
    }

    func testOtherContentTypesAreRefusedWith415() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/yaml"] {
                let response = try await client.post("/api/evaluate", answers: Answers16.ready, headers: [.contentType: type])
                XCTAssertEqual(response.status, .unsupportedMediaType, type)
            }
            let none = try await client.execute(uri: "/api/evaluate", method: .post, headers: [:], body: ByteBuffer(string: "{}"))
            XCTAssertEqual(none.status, .unsupportedMediaType)
            let charset = try await client.post("/api/evaluate", answers: Answers16.ready, headers: [.contentType: "application/json; charset=utf-8"])
            XCTAssertEqual(charset.status, .ok)
        }
    }

    func testOversizedBodiesAreRefusedWith413() async throws {
        try await ServerFixture.app(try ServerFixture.settings(bodyLimit: 4096)).test(.router) { client in
            let big = Answers16.with(["unit.name": String(repeating: "x", count: 5000)])
            let response = try await client.post("/api/evaluate", answers: big)
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertTrue(response.text.contains("4096"))
            let reply4 = try await client.post("/api/evaluate", answers: Answers16.ready)
            XCTAssertEqual(reply4.status, .ok, "under the limit")
        }
    }

    func testCrossSitePostsAreRefused() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            for site in ["cross-site", "same-site"] {
                let response = try await client.post("/api/evaluate", answers: Answers16.ready, headers: [HTTPField.Name("Sec-Fetch-Site")!: site])
                XCTAssertEqual(response.status, .forbidden, site)
            }
            for origin in ["http://evil.example", "null", "http://localhost.evil.example"] {
                let response = try await client.post("/api/evaluate", answers: Answers16.ready, headers: [.origin: origin])
                XCTAssertEqual(response.status, .forbidden, origin)
            }
            let same = try await client.post("/api/evaluate", answers: Answers16.ready,
                                              headers: [HTTPField.Name("Sec-Fetch-Site")!: "same-origin", .origin: "http://localhost"])
            XCTAssertEqual(same.status, .ok)
            // A cross-site GET of a page is an ordinary link, and allowed.
            let reply5 = try await client.get("/", headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            XCTAssertEqual(reply5.status, .ok)
        }
    }
}
