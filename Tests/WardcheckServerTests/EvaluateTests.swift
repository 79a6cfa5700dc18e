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
            let html = readable(try XCTUnwrap(json["scorecard_html"] as? String))
            XCTAssertTrue(html.contains("<span class=\"score\">13/16</span>"))
            XCTAssertTrue(html.contains("<li>Máy phát công suất 3 kVA — cần ít nhất 5 kVA</li>"), html)
            XCTAssertTrue(html.contains("<li>38 máy tính đang hoạt động — cần ít nhất 45</li>"), html)
            XCTAssertTrue(html.contains("Mua thêm 7 máy tính (hiện 38 máy cho 45 cán bộ)"))
            XCTAssertTrue(html.contains("Mua thêm 3 máy in (hiện 6 máy, cần 9)"))
            XCTAssertTrue(html.contains("7 × 15.000.000 ₫ = 105.000.000 ₫"))
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
            XCTAssertEqual(report.first?["text"] as? String, "Báo cáo số liệu còn thiếu: số máy in đang hoạt động", "the fact by its name")
            let html = try XCTUnwrap(json["scorecard_html"] as? String)
            XCTAssertTrue(html.contains("<span class=\"o-not_reported\">Số máy in đang hoạt động: chưa báo cáo</span> · <a href=\"#f-equipment.printers.working\">trả lời câu hỏi này</a>"), html)
            XCTAssertFalse(html.contains("equipment.printers.working</"), "no key path for people")
            // The file view, for whoever keeps the files: the key path and where to add it.
            let text = try XCTUnwrap(json["check_text"] as? String)
            XCTAssertTrue(text.contains("Số máy in đang hoạt động: chưa báo cáo  (equipment.printers.working: thêm vào khối equipment.printers, dòng "), text)
        }
    }

    func testEnglishAnswers() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate?lang=en", answers: Answers16.with(["power.generator.capacity_kva": "3"])).json()
            XCTAssertEqual(json["summary"] as? String, "15/16 criteria met — NOT READY")
            let html = readable(json["scorecard_html"] as? String ?? "")
            XCTAssertTrue(html.contains("Replace the 3 kVA generator with one of at least 5 kVA"), html)
            XCTAssertTrue(html.contains("<li>A 3 kVA generator — needs at least 5 kVA</li>"), html)
        }
    }

    /// What cannot be read, or cannot be held by the file, is a question at its field, and the rest is
    /// still scored. By hand: 50 trained for 45 officials is set aside (TC13 not reported), 4,5
    /// printers is no count (TC10 not reported), "2019" is no code (a required answer missing);
    /// `yes` is the firewall's yes and 05/07/2025 the 5th of July, the facts date (TC16, TC05 pass): 14/16.
    func testAnswersThatCannotBeReadAreQuestionsAndTheRestIsScored() async throws {
        let answers = Answers16.with([
            "staffing.trained": "50",
            "security.firewall": "yes",
            "equipment.printers.working": "4,5",
            "network.video_conference.last_test": "05/07/2025",
            "unit.code": "2019",
        ])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(json["scored"] as? Bool, true)
            XCTAssertEqual(json["valid"] as? Bool, false, "the file as it stands has no code: `validate` would refuse it")
            XCTAssertEqual(json["summary"] as? String, "14/16 tiêu chí đạt — CHƯA ĐẠT · còn 1 mục bắt buộc")
            XCTAssertEqual(json["score_line"] as? String, "14/16 tiêu chí đạt — CHƯA ĐẠT")
            let asked = questions(json)
            XCTAssertEqual(Set(asked.keys), ["staffing.trained", "equipment.printers.working", "unit.code"])
            XCTAssertEqual(asked["staffing.trained"], "Số cán bộ được tập huấn (50) lớn hơn số cán bộ, công chức (45)")
            XCTAssertEqual(asked["equipment.printers.working"], "«4,5»: ô này đếm số lượng, cần một số nguyên, ví dụ 12.")
            XCTAssertEqual(asked["unit.code"], "«2019» không phải là mã đơn vị. 5 chữ số, ví dụ 20194.")
            XCTAssertEqual(outcomes(json)["TC13"], "not_reported")
            XCTAssertEqual(outcomes(json)["TC10"], "not_reported")
            XCTAssertEqual(outcomes(json)["TC16"], "passed")
            XCTAssertEqual(outcomes(json)["TC05"], "passed")
            XCTAssertEqual((json["required_missing"] as? [[String: Any]])?.compactMap { $0["label"] as? String }, ["Mã đơn vị"])
            let shown = try XCTUnwrap(json["shown"] as? [String: String])
            XCTAssertEqual(shown["network.video_conference.last_test"], "05/07/2025")
            XCTAssertEqual(shown["security.firewall"], "true")
            XCTAssertNil(shown["staffing.trained"], "an answer set aside is not scored")
            // The file view of the downloadable file: what `wardcheck check` would say of it.
            let codes = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertEqual(codes, ["WC110"], "only the missing code: every other answer the file holds is valid")
        }
    }

    /// The roster is the city's record: an answer that contradicts it is a question, and the
    /// roster's own value is what is scored meanwhile.
    func testAnAnswerTheRosterContradictsIsAQuestion() async throws {
        // wards/roster.yaml: 20352 Xã Bà Nà is a commune in the mountains.
        let answers = Answers16.with(["unit.code": "20352", "unit.name": "Xã Bà Nà", "unit.type": "ward", "unit.terrain": "mountain"])
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(questions(json)["unit.type"], "Loại đơn vị «phường» khác danh sách đơn vị của thành phố («xã»)")
            XCTAssertEqual(json["scored"] as? Bool, true)
            XCTAssertNil((json["shown"] as? [String: String])?["unit.type"], "set aside, the roster's value is judged")
        }
    }

    func testQuestionsInEnglishAndAnswersKeptFromTheOtherLanguage() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let english = try await client.post("/api/evaluate?lang=en", answers: Answers16.with(["equipment.printers.working": "1.500"])).json()
            XCTAssertEqual(questions(english)["equipment.printers.working"], "«1.500»: 1.5 or 1,500? A count is a whole number: if you mean 1,500, write 1,500.")
            // Typed on the Vietnamese page, read on the English one: 1.000 is a thousand, 1,5 one and a half.
            let kept = try await client.post("/api/evaluate?lang=en", json: ["typed_in": "vi", "answers": Answers16.with([
                "network.internet.download_mbps": "1.000", "power.generator.fuel_hours": "24,5", "as_of": "05/07/2025"])]).json()
            let shown = try XCTUnwrap(kept["shown"] as? [String: String])
            XCTAssertEqual(shown["network.internet.download_mbps"], "1,000")
            XCTAssertEqual(shown["power.generator.fuel_hours"], "24.5")
            XCTAssertEqual(shown["as_of"], "5 Jul 2025")
            XCTAssertEqual(kept["passed"] as? Int, 16)
            let bad = try await client.post("/api/evaluate", json: ["typed_in": "fr", "answers": Answers16.ready])
            XCTAssertEqual(bad.status, .badRequest)
        }
    }

    /// The file keeps YAML's forms whatever was typed, and answers to questions that do not apply are not written.
    func testTheDownloadKeepsYAMLsFormsAndLeavesOutWhatDoesNotApply() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let yaml = try await client.post("/api/yaml", answers: Answers16.with([
                "network.internet.download_mbps": "1.000", "power.generator.fuel_hours": "1,5", "power.ups.runtime_minutes": "10 phút",
                "unit.code": "\"99001\"", "as_of": "05/07/2025", "power.generator.present": "false",
            ])).text
            XCTAssertTrue(yaml.contains("    download_mbps: 1000\n"), yaml)
            XCTAssertTrue(yaml.contains("    runtime_minutes: 10\n"), yaml)
            XCTAssertTrue(yaml.contains("  code: \"99001\"\n"), yaml)
            XCTAssertTrue(yaml.contains("\nas_of: 2025-07-05\n"), yaml)
            // No generator: its capacity, fuel and test date, though answered, are not asked and not written.
            XCTAssertTrue(yaml.contains("    present: false\n    # "), yaml)
            XCTAssertFalse(yaml.contains("fuel_hours: 1.5") || yaml.contains("capacity_kva: 10"), yaml)
        }
    }

    func testAnEmptyFormIsScoredWithoutAQuestion() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.post("/api/evaluate", answers: [:]).json()
            XCTAssertEqual(json["scored"] as? Bool, true)
            XCTAssertEqual(json["passed"] as? Int, 0)
            XCTAssertEqual(questions(json), [:], "nothing typed, nothing asked")
            XCTAssertEqual((json["required_missing"] as? [[String: Any]])?.compactMap { $0["field"] as? String },
                           ["unit.code", "unit.name", "unit.type", "as_of"])
            XCTAssertEqual(json["summary"] as? String, "0/16 tiêu chí đạt — CHƯA ĐẠT · còn 4 mục bắt buộc")
        }
    }

    /// An answer cannot add keys to the file: line breaks and YAML punctuation stay inside its value,
    /// or the answer is a question and stays out of the file.
    func testAnswersCannotChangeTheShapeOfTheFile() async throws {
        let answers = Answers16.with([
            "security.firewall": nil,
            "equipment.printers.working": "1\nsecurity:\n  firewall: true",
            "unit.name": "Phường \"A\": #1\nsecurity: {}",
        ])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let yaml = try await client.post("/api/yaml", answers: answers).text
            XCTAssertEqual(yaml.components(separatedBy: "\nsecurity:").count - 1, 1, "one security block: \(yaml)")
            XCTAssertTrue(yaml.contains("\n  firewall:\n"), "the firewall stays unanswered: \(yaml)")
            let json = try await client.post("/api/evaluate", answers: answers).json()
            XCTAssertEqual(Set(questions(json).keys), ["equipment.printers.working", "unit.name"])
            XCTAssertEqual(questions(json)["unit.name"], "Tên đơn vị: có ký tự ẩn hoặc xuống dòng")
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
