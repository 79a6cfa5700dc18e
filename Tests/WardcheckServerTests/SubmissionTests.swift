import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// `POST /api/submit`: only with `--accept-submissions`, only a unit's own file, only with its
/// secret, only a valid file, atomically, logged; without the flag the server writes nothing.
final class SubmissionTests: XCTestCase {
    static let secret = "7f3c2a9e4b1d8f60a5c3e2b1d0f9e8a7"
    static let otherSecret = "0123456789abcdef0123456789abcdef"

    struct Setup {
        var city: URL
        var log: URL
        var settings: ServerSettings
    }

    /// A copy of the sample city with secrets for 20194 (which has a file) and 99001 (which does not).
    func setup() throws -> Setup { try Self.setup(self) }

    static func setup(_ test: XCTestCase) throws -> Setup {
        let city = try ServerFixture.cityCopy(test)
        let schema = try ServerFixture.criteria().schema
        let tokensFile = city.deletingLastPathComponent().appendingPathComponent("tokens.txt")
        let lines = [
            "# secrets of the units, hashed",
            SubmissionTokens.line(code: "20194", secret: Self.secret),
            SubmissionTokens.line(code: "99001", secret: Self.otherSecret),
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: tokensFile, atomically: true, encoding: .utf8)
        let (tokens, diagnostics) = SubmissionTokens.load(path: tokensFile.path, schema: schema)
        XCTAssertEqual(diagnostics.count, 0)
        let log = city.deletingLastPathComponent().appendingPathComponent("submissions.log")
        let desk = SubmissionDesk(folder: city.appendingPathComponent("submissions").path, tokens: try XCTUnwrap(tokens), schema: schema)
        return Setup(city: city, log: log, settings: try ServerFixture.settings(wards: city, submissions: desk, log: ServerLog(file: log.path)))
    }

    /// The 20194 sample unit's facts as the form holds them.
    static let hoaXuan = Answers16.with(["unit.code": "20194", "unit.name": "Phường Hòa Xuân", "unit.villages": "10", "as_of": "2025-07-05"])

    func testWithoutTheFlagTheServerWritesNothing() async throws {
        let city = try ServerFixture.cityCopy(self)
        let before = try ServerFixture.snapshot(city)
        try await ServerFixture.app(try ServerFixture.settings(wards: city)).test(.router) { client in
            let response = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret)
            XCTAssertEqual(response.status, .notFound)
            let reply1 = try await client.post("/api/evaluate", answers: Self.hoaXuan)
            XCTAssertEqual(reply1.status, .ok)
            let reply2 = try await client.post("/api/yaml", answers: Self.hoaXuan)
            XCTAssertEqual(reply2.status, .ok)
            let reply3 = try await client.get("/")
            XCTAssertFalse(reply3.text.contains("id=\"submit-button\""), "no submit button either")
        }
        XCTAssertEqual(try ServerFixture.snapshot(city), before)
    }

    func testAUnitReplacesItsOwnFileAtomicallyAndIsLogged() async throws {
        let setup = try setup()
        let file = setup.city.appendingPathComponent("submissions/20194-hoa-xuan.yaml")
        let before = try ServerFixture.snapshot(setup.city)
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let reply4 = try await client.get("/")
            XCTAssertTrue(reply4.text.contains("id=\"submit-button\""))
            let response = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret)
            XCTAssertEqual(response.status, .ok, response.text)
            let json = try response.json()
            XCTAssertEqual(json["saved"] as? String, "20194-hoa-xuan.yaml", "the unit's existing file, not a second one")
            XCTAssertEqual(json["message"] as? String, "Đã nộp: thành phố đã nhận tệp của đơn vị 20194.")
            let expected = try await client.post("/api/yaml", answers: Self.hoaXuan).text
            XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), expected)
            // The city page reads it at once: still one file for 20194, and it is the new one.
            let unit = try await client.get("/city/unit/20194").text
            XCTAssertTrue(unit.contains("Số liệu ngày 05/07/2025"), unit)
        }
        var after = try ServerFixture.snapshot(setup.city)
        after["submissions/20194-hoa-xuan.yaml"] = before["submissions/20194-hoa-xuan.yaml"]
        // Outside git, the version before is kept beside it, byte for byte, in the hidden .history folder.
        let kept = after.keys.filter { $0.hasPrefix("submissions/.history/20194/") }
        XCTAssertEqual(kept.count, 1, "\(after.keys.sorted())")
        XCTAssertEqual(kept.first.flatMap { after[$0] }, before["submissions/20194-hoa-xuan.yaml"], "the previous file, kept whole")
        for key in kept { after[key] = nil }
        XCTAssertEqual(after, before, "no other file changed, no temporary file left")
        let log = try String(contentsOf: setup.log, encoding: .utf8)
        XCTAssertEqual(log.split(separator: "\n").count, 1)
        XCTAssertNotNil(log.range(of: #" submission accepted code=20194 file=20194-hoa-xuan\.yaml client=- bytes=[0-9]+ version=\.history/20194/[0-9T.]+Z\.yaml\n"#,
                                  options: .regularExpression), log)
    }

    func testAUnitWithoutAFileGetsOneNamedByItsCode() async throws {
        let setup = try setup()
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let response = try await client.post("/api/submit", answers: Answers16.ready, token: Self.otherSecret)
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(try response.json()["saved"] as? String, "99001.yaml")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: setup.city.appendingPathComponent("submissions/99001.yaml").path))
    }

    func testAWrongSecretOrAnotherUnitsSecretIsRefusedAndNothingIsWritten() async throws {
        let setup = try setup()
        let before = try ServerFixture.snapshot(setup.city)
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let wrong = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret + "0")
            XCTAssertEqual(wrong.status, .forbidden)
            XCTAssertEqual((try wrong.json()["error"] as? [String: Any])?["message"] as? String, "mã bí mật không đúng cho đơn vị này")
            // 99001's secret cannot save 20194's file.
            let reply5 = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.otherSecret)
            XCTAssertEqual(reply5.status, .forbidden)
            // A unit with no secret at all, even with a real one of another unit.
            let stranger = Self.hoaXuan.merging(["unit.code": "20203"]) { $1 }
            let reply6 = try await client.post("/api/submit", answers: stranger, token: Self.secret)
            XCTAssertEqual(reply6.status, .forbidden)
            let reply7 = try await client.post("/api/submit", answers: Self.hoaXuan)
            XCTAssertEqual(reply7.status, .unauthorized, "no secret")
            let reply8 = try await client.post("/api/submit", answers: Self.hoaXuan, token: "")
            XCTAssertEqual(reply8.status, .unauthorized)
        }
        XCTAssertEqual(try ServerFixture.snapshot(setup.city), before)
        let log = try String(contentsOf: setup.log, encoding: .utf8)
        // Every refusal, with its status and reason: three wrong secrets, two with none.
        XCTAssertEqual(log.components(separatedBy: "submission refused status=403 reason=token path=/api/submit").count - 1, 3, log)
        XCTAssertEqual(log.components(separatedBy: "submission refused status=401 reason=no-secret path=/api/submit").count - 1, 2, log)
        XCTAssertFalse(log.contains(Self.secret), "the log never holds a secret")
    }

    func testPathsInTheCodeAreRefusedBeforeAnySecretIsChecked() async throws {
        let setup = try setup()
        let before = try ServerFixture.snapshot(setup.city)
        try await ServerFixture.app(setup.settings).test(.router) { client in
            for code in ["../20194", "20194/../../x", "/etc/passwd", "20194\u{0}", "２０１９４"] {
                let response = try await client.post("/api/submit", answers: Self.hoaXuan.merging(["unit.code": code]) { $1 }, token: Self.secret)
                XCTAssertEqual(response.status, .badRequest, code)
            }
        }
        XCTAssertEqual(try ServerFixture.snapshot(setup.city), before)
    }

    func testAnInvalidFileIsNotSaved() async throws {
        let setup = try setup()
        let before = try ServerFixture.snapshot(setup.city)
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let response = try await client.post("/api/submit", answers: Self.hoaXuan.merging(["staffing.trained": "99"]) { $1 }, token: Self.secret)
            XCTAssertEqual(response.status, .unprocessableContent)
            let json = try response.json()
            // More trained than there are officials: a question, and nothing the unit typed is dropped on the way to the city.
            let assessment = try XCTUnwrap(json["assessment"] as? [String: Any])
            XCTAssertEqual(questions(assessment)["staffing.trained"], "Số cán bộ được tập huấn (99) lớn hơn số cán bộ, công chức (45)")
            XCTAssertEqual(json["error"].flatMap { ($0 as? [String: Any])?["message"] as? String },
                           "Chưa nộp được: còn câu hỏi cần trả lời hoặc mục bắt buộc chưa điền. Hãy hoàn tất rồi nộp lại.")
        }
        XCTAssertEqual(try ServerFixture.snapshot(setup.city), before)
    }

    /// Every POST route, not only the one that writes: cross-site requests and other media types are refused.
    func testEveryPostRouteRefusesCrossSiteRequestsAndOtherMediaTypes() async throws {
        let setup = try setup()
        let before = try ServerFixture.snapshot(setup.city)
        let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
        try await ServerFixture.app(setup.settings).test(.router) { client in
            for route in ["/api/evaluate", "/api/yaml", "/api/upload", "/api/submit"] {
                let crossSite = try await client.post(route, answers: Self.hoaXuan, token: Self.secret, headers: [fetchSite: "cross-site"])
                XCTAssertEqual(crossSite.status, .forbidden, route)
                let otherOrigin = try await client.post(route, answers: Self.hoaXuan, token: Self.secret, headers: [.origin: "http://evil.example"])
                XCTAssertEqual(otherOrigin.status, .forbidden, route)
                let form = try await client.post(route, answers: Self.hoaXuan, token: Self.secret, headers: [.contentType: "application/x-www-form-urlencoded"])
                XCTAssertEqual(form.status, .unsupportedMediaType, route)
                let plain = try await client.post(route, answers: Self.hoaXuan, token: Self.secret, headers: [.contentType: "text/plain"])
                XCTAssertEqual(plain.status, .unsupportedMediaType, route)
                XCTAssertEqual(plain.header("X-Content-Type-Options"), "nosniff", route)
            }
        }
        XCTAssertEqual(try ServerFixture.snapshot(setup.city), before)
    }

    func testBadRequestsToSubmitAreRefused() async throws {
        let setup = try setup()
        let before = try ServerFixture.snapshot(setup.city)
        let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
        try await ServerFixture.app(setup.settings).test(.router) { client in
            let plain = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret, headers: [.contentType: "text/plain"])
            XCTAssertEqual(plain.status, .unsupportedMediaType)
            let form = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret,
                                             headers: [.contentType: "application/x-www-form-urlencoded"])
            XCTAssertEqual(form.status, .unsupportedMediaType)
            let crossSite = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret, headers: [fetchSite: "cross-site"])
            XCTAssertEqual(crossSite.status, .forbidden)
            let otherOrigin = try await client.post("/api/submit", answers: Self.hoaXuan, token: Self.secret, headers: [.origin: "https://evil.example"])
            XCTAssertEqual(otherOrigin.status, .forbidden)
            let huge = Self.hoaXuan.merging(["contact.name": String(repeating: "x", count: 2 << 20)]) { $1 }
            let reply9 = try await client.post("/api/submit", answers: huge, token: Self.secret)
            XCTAssertEqual(reply9.status, .contentTooLarge)
            let reply10 = try await client.post("/api/submit?lang=../", answers: Self.hoaXuan, token: Self.secret)
            XCTAssertEqual(reply10.status, .badRequest)
        }
        XCTAssertEqual(try ServerFixture.snapshot(setup.city), before)
    }
}
