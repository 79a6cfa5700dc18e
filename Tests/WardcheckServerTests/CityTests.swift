import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// `GET /city` and `GET /city/unit/CODE`: the audit report of the city's folder with a page per
/// unit, read from the files as they are at the time of the request.
final class CityTests: XCTestCase {
    func testTheCityPageIsTheAuditReportWithALinkPerUnit() async throws {
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let response = try await client.get("/city")
            XCTAssertEqual(response.status, .ok)
            let page = response.text
            // wards/README.md: 93 units in the roster, 88 files submitted, 5 not submitted, one invalid file.
            XCTAssertTrue(page.contains("<dt>Đơn vị trong danh sách</dt><dd>93</dd>"), page)
            XCTAssertTrue(page.contains("<dt>Tệp đã nộp</dt><dd>88</dd>"))
            XCTAssertTrue(page.contains("<dt>Chưa nộp số liệu</dt><dd>5</dd>"))
            XCTAssertTrue(page.contains("<th scope=\"row\" class=\"name\"><a href=\"/city/unit/20194\">Phường Hòa Xuân</a></th>"))
            XCTAssertTrue(page.contains("<td><a href=\"/city/unit/20473\">Xã Quế Sơn</a></td>"), "the invalid file, by its unit's name, links to its unit too")
            // In words, with the line to look at; no folder of the server's, and no contact name or phone.
            XCTAssertTrue(page.contains("<td>Dòng 32: Mục Nguồn điện có tên «genrator», có phải «generator» (Máy phát điện dự phòng)?</td>"), page)
            XCTAssertFalse(page.contains("error[WC") || page.contains("WC101"), "no diagnostic code")
            XCTAssertFalse(page.contains(ServerFixture.wards.path) || page.contains("submissions/"))
            // Phường Hòa Xuân's contact (wards/submissions/20194-hoa-xuan.yaml), a unit the audit judges.
            XCTAssertFalse(page.contains("Võ Hữu Tài") || page.contains("3002"), "personal data stays off a page anyone on the network can open")
            // The way back to the form and the other language, and red for a city far from ready.
            XCTAssertTrue(page.contains("<nav class=\"top\" aria-label=\"Các trang\"><a href=\"/\">Tự đánh giá</a>"))
            XCTAssertTrue(page.contains("<a href=\"/city?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"))
            // Eight units ranked first with 16 (the ranking shows them), far under half: red.
            XCTAssertTrue(page.contains("<div class=\"figure bad\"><dt>Đạt 16/16</dt><dd>8</dd></div>"))
            // The report's own style sheet is inline, so this page alone allows inline styles; never scripts.
            let policy = try XCTUnwrap(response.header("Content-Security-Policy"))
            XCTAssertTrue(policy.contains("style-src 'self' 'unsafe-inline'"))
            XCTAssertTrue(policy.contains("script-src 'self';"))
            XCTAssertFalse(page.contains("<script"))
            let english = try await client.get("/city?lang=en").text
            XCTAssertTrue(english.contains("<a href=\"/city/unit/20194?lang=en\">Phường Hòa Xuân</a>"), english)
            XCTAssertTrue(english.contains("Units in the roster"))
        }
    }

    func testTheCityPageReadsTheFolderAsTheAuditDoes() async throws {
        // One city run for `audit` and the server: a link in the folder is not followed but
        // counted and named as an invalid file, as `wardcheck audit` counts it.
        let folder = try ServerFixture.cityCopy(self)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/so-do.yaml", withDestinationPath: folder.path + "/submissions/20194-hoa-xuan.yaml")
        try await ServerFixture.app(try ServerFixture.settings(wards: folder)).test(.router) { client in
            let page = try await client.get("/city").text
            XCTAssertTrue(page.contains("<dt>Tệp đã nộp</dt><dd>89</dd>"), page)
            // Said as a sentence with what to do, and no line to look at: the problem is the whole file.
            XCTAssertTrue(page.contains("<tr><td>so-do.yaml</td><td></td><td></td><td class=\"num\">1</td><td>Liên kết tượng trưng, không được theo khi duyệt thư mục — đặt chính tệp vào thư mục, hoặc ghi tên tệp trong lệnh nếu cần kiểm tra</td></tr>"), page)
        }
    }

    func testEveryPageHasOneFrameAndOnePalette() async throws {
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let served = try await client.get("/assets/wardcheck.css").text
            let city = try await client.get("/city").text
            let form = try await client.get("/").text
            // The colours declared first (`:root`), name by name.
            func palette(_ text: String) -> [String: String] {
                guard let start = text.range(of: ":root {"), let end = text[start.upperBound...].range(of: "}") else { return [:] }
                var found: [String: String] = [:]
                for declaration in text[start.upperBound..<end.lowerBound].split(separator: ";") {
                    let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    if parts.count == 2 { found[parts[0]] = parts[1] }
                }
                return found
            }
            let colours = palette(served)
            XCTAssertEqual(colours, palette(city), "the report page and the form in the same colours")
            // Failed in the same red, waived in the same blue, on the form and in the report.
            XCTAssertEqual(colours["--failed"], "#b42318")
            XCTAssertEqual(colours["--waived"], "#0b5cad")
            XCTAssertEqual(colours["--not_evaluable"], "#6e40c9")
            // The same head on both: language, viewport, generator, in that order.
            let head = "<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"wardcheck serve\">"
            XCTAssertTrue(city.hasPrefix("<!DOCTYPE html>\n" + head), String(city.prefix(300)))
            XCTAssertTrue(form.hasPrefix("<!DOCTYPE html>\n" + head), String(form.prefix(300)))
            // The top bar's links are 44 px targets on every page, from the one rule.
            XCTAssertTrue(served.contains("nav.top a { color: #fff; display: inline-flex; align-items: center; min-height: 44px; min-width: 44px;"))
            XCTAssertTrue(city.contains("nav.top a { color: #fff; display: inline-flex; align-items: center; min-height: 44px; min-width: 44px;"))
        }
    }

    func testAUnitPageShowsItsScorecard() async throws {
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            // 20705 Xã Trà Leng: TC04 waived until 2027-06-30 (wards/README.md); judged on the city's
            // day, 2026-11-15, its video-conference test of 2026-10-09 is 37 days old, over 30: TC05 fails.
            let waived = try await client.get("/city/unit/20705")
            XCTAssertEqual(waived.status, .ok)
            XCTAssertTrue(waived.text.contains("<span class=\"score\">14/16</span>"))
            XCTAssertTrue(waived.text.contains("data-criterion=\"TC04\" data-outcome=\"waived\""))
            XCTAssertTrue(waived.text.contains("data-criterion=\"TC05\" data-outcome=\"failed\""))
            XCTAssertTrue(waived.text.contains("đánh giá theo ngày 15/11/2026"))
            // The invalid file: its errors, no score.
            let invalid = try await client.get("/city/unit/20473").text
            XCTAssertTrue(invalid.contains("Chưa chấm được"))
            XCTAssertTrue(invalid.contains("<li>Tường lửa: «yes» không phải câu trả lời có hoặc không</li>"), invalid)
            XCTAssertTrue(invalid.contains("<details class=\"technical\"><summary>Chi tiết kỹ thuật (cho người sửa tệp)</summary>"))
            XCTAssertTrue(invalid.contains("<code>20473-que-son.yaml:63:13: error[WC103]</code>"), "the file's name only, folded away")
            XCTAssertFalse(invalid.contains("submissions/"))
            // In the roster, no file.
            let missing = try await client.get("/city/unit/20441")
            XCTAssertEqual(missing.status, .ok)
            XCTAssertTrue(missing.text.contains("Chưa nộp số liệu"))
            XCTAssertTrue(missing.text.contains("Xã Thăng Trường (20441)"))
        }
    }

    func testUnitCodesAreCheckedBeforeAnyFileIsLookedFor() async throws {
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let reply1 = try await client.get("/city/unit/99999")
            XCTAssertEqual(reply1.status, .notFound, "well formed, but no such unit")
            for code in ["2019", "201944", "abcde", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "20194%00", "20194.yaml"] {
                let reply2 = try await client.get("/city/unit/\(code)")
                XCTAssertEqual(reply2.status, .badRequest, code)
            }
            let reply3 = try await client.get("/city/unit/../../etc/passwd")
            XCTAssertEqual(reply3.status, .notFound)
            let reply4 = try await client.get("/city?lang=de")
            XCTAssertEqual(reply4.status, .badRequest)
        }
    }

    func testPagesFollowTheFilesAsTheyChange() async throws {
        let city = try ServerFixture.cityCopy(self)
        let file = city.appendingPathComponent("submissions/20194-hoa-xuan.yaml")
        try await ServerFixture.app(try ServerFixture.settings(wards: city)).test(.router) { client in
            // 16/16 on its own date, 2026-11-01; on the city's day its video-conference test is 37 days old.
            let before = try await client.get("/city/unit/20194").text
            XCTAssertTrue(before.contains("<span class=\"score\">15/16</span>"), before)
            let cityBefore = try await client.get("/city").text

            // The office turns its firewall off: TC16 fails at once, on both pages.
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains("firewall: true"))
            try text.replacingOccurrences(of: "firewall: true", with: "firewall: false").write(to: file, atomically: true, encoding: .utf8)
            let after = try await client.get("/city/unit/20194").text
            XCTAssertTrue(after.contains("<span class=\"score\">14/16</span>"))
            XCTAssertTrue(after.contains("data-criterion=\"TC16\" data-outcome=\"failed\""))
            let cityAfter = try await client.get("/city").text
            XCTAssertNotEqual(cityBefore, cityAfter)

            // A file removed: the unit is no longer submitted.
            try FileManager.default.removeItem(at: file)
            let gone = try await client.get("/city").text
            XCTAssertTrue(gone.contains("<dt>Chưa nộp số liệu</dt><dd>6</dd>"))
        }
    }

    func testWithoutAFolderThereIsNoCityPage() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.get("/city")
            XCTAssertEqual(response.status, .notFound)
            XCTAssertNotNil(response.header("Content-Security-Policy"), "even a 404 carries the policy")
            let reply5 = try await client.get("/city/unit/20194")
            XCTAssertEqual(reply5.status, .notFound)
            let reply6 = try await client.get("/")
            XCTAssertFalse(reply6.text.contains("href=\"/city\""))
        }
    }

    func testABrokenRosterIsReportedNotGuessed() async throws {
        let city = try ServerFixture.cityCopy(self)
        try await ServerFixture.app(try ServerFixture.settings(wards: city)).test(.router) { client in
            let reply7 = try await client.get("/city")
            XCTAssertEqual(reply7.status, .ok)
            try "roster: 1\nunits:\n  - { code: \"20194\" }\n".write(to: city.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
            let broken = try await client.get("/city")
            XCTAssertEqual(broken.status, .serviceUnavailable)
            XCTAssertTrue(broken.text.contains("roster.yaml:3"), broken.text)
        }
    }

    func testHostileWardTextIsEscapedOnTheUnitPage() async throws {
        let city = try ServerFixture.temporaryFolder(self)
        var text = try String(contentsOf: ServerFixture.root.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\"", with: "name: \"<script>alert('x')</script>\"")
        try text.write(to: city.appendingPathComponent("99001.yaml"), atomically: true, encoding: .utf8)
        try await ServerFixture.app(try ServerFixture.settings(wards: city)).test(.router) { client in
            let unit = try await client.get("/city/unit/99001").text
            XCTAssertFalse(unit.contains("<script>alert"))
            XCTAssertTrue(unit.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            let page = try await client.get("/city").text
            XCTAssertFalse(page.contains("<script>alert"))
        }
    }
}
