import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// `GET /`: the form is generated from the facts schema, in Vietnamese or English, with the
/// roster's suggestions, served under a policy that forbids inline script.
final class AssessmentPageTests: XCTestCase {
    func testTheFormHasAControlForEveryFieldAndAFieldsetForEveryBlockOfTheSchema() async throws {
        let schema = try ServerFixture.criteria().schema
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.get("/")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.header("Content-Type"), "text/html; charset=utf-8")
            let page = response.text
            XCTAssertTrue(page.contains("<html lang=\"vi\">"))
            for field in schema.fields {
                if field.type == .block {
                    XCTAssertTrue(page.contains("data-block=\"\(field.path)\""), "no fieldset for \(field.path)")
                    XCTAssertTrue(page.contains("<legend>\(HTMLText.escape(field.label.vi))"), "no Vietnamese legend for \(field.path)")
                } else {
                    XCTAssertTrue(page.contains("name=\"\(field.path)\""), "no control for \(field.path)")
                    if field.path != schema.formatField {
                        XCTAssertTrue(page.contains(HTMLText.escape(field.question?.vi ?? "?")), "no question for \(field.path)")
                    }
                }
            }
        }
    }

    func testControlsFollowTheFieldTypes() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let page = try await client.get("/").text
            // A yes-or-no question: its own two answers, and "not answered" until the office answers.
            XCTAssertTrue(page.contains(#"<legend class="label">Mạng của trụ sở có tường lửa không?</legend>"#), "the question as a person is asked it")
            XCTAssertTrue(page.contains(#"<label><input type="radio" name="security.firewall" value="true"> Đã có tường lửa</label>"#))
            XCTAssertTrue(page.contains(#"<label><input type="radio" name="security.firewall" value="false"> Chưa có tường lửa</label>"#))
            XCTAssertTrue(page.contains(#"<label><input type="radio" name="security.firewall" value="" checked> Chưa trả lời</label>"#))
            // A choice: every value in words, never the value the file holds.
            XCTAssertTrue(page.contains(#"<option value="ward">Phường</option>"#))
            XCTAssertTrue(page.contains(#"<option value="special_zone">Đặc khu</option>"#))
            XCTAssertTrue(page.contains(#"<option value="mountain">Miền núi</option>"#))
            XCTAssertTrue(page.contains(#"<option value="island">Hải đảo</option>"#))
            XCTAssertTrue(page.contains(#"<option value="second_isp">Nhà mạng thứ hai</option>"#))
            XCTAssertTrue(page.contains(#"<option value="none">Chưa có</option>"#))
            XCTAssertTrue(page.contains(#"<option value="4g">4G</option>"#))
            // A number with its unit, a count with a number keypad, a date typed as people write it.
            XCTAssertTrue(page.contains(#"name="power.generator.capacity_kva" type="text" inputmode="decimal" spellcheck="false"><span class="unit" aria-hidden="true">kVA</span>"#))
            XCTAssertTrue(page.contains(#"name="staffing.officials" type="text" inputmode="numeric""#))
            XCTAssertTrue(page.contains(#"name="power.generator.last_test" type="text" spellcheck="false" aria-describedby="h-power.generator.last_test""#))
            XCTAssertTrue(page.contains(#"<p class="hint" id="h-power.generator.last_test">Ghi ngày/tháng/năm, ví dụ 15/10/2026</p>"#))
            // The facts date starts as today, as Vietnamese writes it; the format version is sent, not asked.
            XCTAssertTrue(page.contains("name=\"as_of\" type=\"text\" spellcheck=\"false\" value=\"\(Day.today().written(.vi))\""), page)
            XCTAssertTrue(page.contains(#"<input type="hidden" name="format" value="1">"#))
            // The code's help from the schema, and required questions marked for eyes and screen readers.
            XCTAssertTrue(page.contains(#"<p class="hint" id="h-unit.code">5&#160;chữ số, ví dụ 20194</p>"#))
            XCTAssertTrue(page.contains(#"<label for="f-unit.name">Tên đơn vị <span class="required">(bắt buộc)</span></label>"#))
            XCTAssertTrue(page.contains(#"name="unit.name" type="text" aria-describedby="h-unit.name" aria-required="true">"#))
            // Questions asked only when the criteria's guards apply: the generator's details when there is one.
            let generator = #"data-ask-when="{&quot;fact&quot;:&quot;power.generator.present&quot;,&quot;values&quot;:[&quot;true&quot;]}""#
            for path in ["power.generator.capacity_kva", "power.generator.fuel_hours", "power.generator.last_test"] {
                XCTAssertTrue(page.contains("<div class=\"field\" data-field=\"\(path)\" \(generator)>"), path)
            }
            XCTAssertTrue(page.contains(#"<div class="field" data-field="network.internet.download_mbps" data-ask-when="{&quot;fact&quot;:&quot;network.internet.fibre&quot;,&quot;values&quot;:[&quot;true&quot;]}">"#))
            for always in ["power.generator.present", "unit.terrain", "staffing.officials", "network.internet.upload_mbps"] {
                XCTAssertTrue(page.contains("<div class=\"field\" data-field=\"\(always)\">"), "\(always) is always asked")
            }
            // None of the file's own words.
            for word in ["(true/false)", "YYYY", "`", "trong ngoặc kép", "(ward)"] { XCTAssertFalse(page.contains(word), word) }
        }
    }

    func testEnglishPage() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.get("/?lang=en")
            XCTAssertEqual(response.status, .ok)
            let page = response.text
            XCTAssertTrue(page.contains("<html lang=\"en\">"))
            XCTAssertTrue(page.contains("<legend>Backup generator"))
            XCTAssertTrue(page.contains(#"<option value="ward">Ward</option>"#))
            XCTAssertTrue(page.contains(#"<option value="second_isp">A second ISP</option>"#))
            XCTAssertTrue(page.contains(#"<option value="special_zone">Special zone</option>"#))
            XCTAssertTrue(page.contains(#"value="" checked> Not answered</label>"#))
            XCTAssertTrue(page.contains(#"value="true"> Has a generator</label>"#))
            // "4 Dec 2026", its spaces kept from breaking (a no-break space is read back as a space).
            let today = Day.today().written(.en).replacingOccurrences(of: "\u{00A0}", with: " ")
            XCTAssertTrue(page.contains("value=\"\(today.replacingOccurrences(of: " ", with: "&#160;", options: [], range: today.range(of: " ")))\""), "today as English writes it")
            XCTAssertFalse(page.contains("Máy phát điện dự phòng"))
        }
    }

    func testAnUnknownLanguageIsRefused() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let reply1 = try await client.get("/?lang=fr")
            XCTAssertEqual(reply1.status, .badRequest)
            let reply2 = try await client.get("/?lang=..%2F")
            XCTAssertEqual(reply2.status, .badRequest)
        }
    }

    func testTheRosterSuggestsCodesAndCarriesWhatTheyFillIn() async throws {
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let page = try await client.get("/").text
            XCTAssertTrue(page.contains(#"list="roster" data-roster="code""#))
            XCTAssertEqual(page.components(separatedBy: "<option value=\"2").count - 1, 93, "one suggestion per roster unit")
            // 20352 Xã Bà Nà: commune, mountain, 22 villages (wards/roster.yaml).
            XCTAssertTrue(page.contains(#"<option value="20352" label="20352&#160;— Xã Bà Nà" data-fill="{&quot;unit.code&quot;:&quot;20352&quot;,&quot;unit.name&quot;:&quot;Xã Bà Nà&quot;,&quot;unit.type&quot;:&quot;commune&quot;,&quot;unit.terrain&quot;:&quot;mountain&quot;,&quot;unit.villages&quot;:&quot;22&quot;}"></option>"#))
            XCTAssertTrue(page.contains("href=\"/city\""), "the bar links to the city page")
        }
    }

    func testHostileRosterTextIsEscaped() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        try """
        roster: 1
        units:
          - { code: "20194", name: "<img src=x onerror=alert(1)>\\"'&", type: ward }
        """.write(to: folder.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
        try await ServerFixture.app(try ServerFixture.settings(wards: folder)).test(.router) { client in
            let page = try await client.get("/").text
            XCTAssertFalse(page.contains("<img"))
            XCTAssertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    func testThePageHasNoInlineScriptAndItsPolicyForbidsThem() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.get("/")
            let page = response.text
            let scripts = page.components(separatedBy: "<script").dropFirst()
            XCTAssertEqual(scripts.count, 1)
            XCTAssertTrue(scripts.allSatisfy { $0.hasPrefix(" src=\"/assets/wardcheck.js\" defer></script>") })
            XCTAssertFalse(page.contains(" on") && page.range(of: #"\son[a-z]+="#, options: .regularExpression) != nil, "no inline event handler")
            let policy = try XCTUnwrap(response.header("Content-Security-Policy"))
            XCTAssertTrue(policy.contains("script-src 'self';"))
            XCTAssertTrue(policy.contains("default-src 'none'"))
            XCTAssertTrue(policy.contains("frame-ancestors 'none'"))
            XCTAssertFalse(policy.contains("unsafe"))
            XCTAssertEqual(response.header("X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(response.header("X-Frame-Options"), "DENY")
            XCTAssertEqual(response.header("Referrer-Policy"), "no-referrer")
        }
    }

    func testTheScriptAndStyleAreServedFromTheBinaryAndNameNoFact() async throws {
        let schema = try ServerFixture.criteria().schema
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let script = try await client.get("/assets/wardcheck.js")
            XCTAssertEqual(script.status, .ok)
            XCTAssertEqual(script.header("Content-Type"), "text/javascript; charset=utf-8")
            XCTAssertTrue(script.text.contains("/api/evaluate"))
            let style = try await client.get("/assets/wardcheck.css")
            XCTAssertEqual(style.status, .ok)
            XCTAssertEqual(style.header("Content-Type"), "text/css; charset=utf-8")
            // No path, and no key of the distinctive snake_case kind, as a whole word.
            let names = Set(schema.fields.filter { $0.path.contains(".") }.map(\.path) + schema.fields.filter { $0.key.contains("_") }.map(\.key))
            XCTAssertTrue(names.contains("staffing.officials") && names.contains("capacity_kva"))
            for name in names {
                let wholeWord = "(?<![A-Za-z0-9_.])" + NSRegularExpression.escapedPattern(for: name) + "(?![A-Za-z0-9_])"
                XCTAssertNil(script.text.range(of: wholeWord, options: .regularExpression), "the script names \(name)")
                XCTAssertNil(style.text.range(of: wholeWord, options: .regularExpression), "the style names \(name)")
            }
            XCTAssertFalse(script.text.contains("http://") || script.text.contains("https://"), "nothing fetched from elsewhere")
            let reply3 = try await client.get("/assets/other.js")
            XCTAssertEqual(reply3.status, .notFound)
            let reply4 = try await client.get("/assets/../Package.swift")
            XCTAssertEqual(reply4.status, .notFound)
        }
    }
}

/// The escaping the reports use, for expected text in tests.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
