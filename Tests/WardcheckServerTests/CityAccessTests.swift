import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
@testable import WardcheckServer
import XCTest

/// The city's pages carry every unit's figures: beyond loopback they need the city office's
/// login, a session cookie a script cannot read and another site cannot send. Wrong secrets, for a
/// login or a submission, are slowed per key and per client.
final class CityAccessTests: XCTestCase {
    static let secret = "c1ty-0ffice-secret-2026"

    private func logins() throws -> SubmissionTokens {
        let file = try ServerFixture.temporaryFolder(self).appendingPathComponent("city-tokens.txt")
        try (SubmissionTokens.line(code: "vanphong", secret: Self.secret) + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let (tokens, diagnostics) = SubmissionTokens.loadLogins(path: file.path)
        XCTAssertEqual(diagnostics.map(\.message.en), [], "a CRLF file reads like any other")
        return try XCTUnwrap(tokens)
    }

    func testBeyondLoopbackWithoutLoginsTheCityPagesAreClosed() async throws {
        let settings = try ServerFixture.settings(wards: ServerFixture.wards, publicURL: ExposureTests.publicURL)
        try await ServerFixture.app(settings).test(.router) { client in
            for path in ["/city", "/city/unit/20194"] {
                let response = try await client.get(path)
                XCTAssertEqual(response.status, .forbidden, path)
                XCTAssertTrue(response.text.contains("--city-tokens"), response.text)
                XCTAssertFalse(response.text.contains("Phường Hòa Xuân"))
            }
            let form = try await client.get("/")
            XCTAssertEqual(form.status, .ok, "the form stays open to every unit")
        }
        let bound = try ServerFixture.settings(wards: ServerFixture.wards, host: "0.0.0.0")
        try await ServerFixture.app(bound).test(.router) { client in
            let reply1 = try await client.get("/city")
            XCTAssertEqual(reply1.status, .forbidden, "bound to the network: closed too")
        }
    }

    func testTheCityOfficeLogsInAndOut() async throws {
        let access = CityAccess(logins: try logins())
        let settings = try ServerFixture.settings(wards: ServerFixture.wards, publicURL: ExposureTests.publicURL, cityAccess: access)
        try await ServerFixture.app(settings).test(.router) { client in
            // Not logged in: to the login page, which comes back to where it was going.
            let away = try await client.get("/city/unit/20194?lang=en")
            XCTAssertEqual(away.status, .seeOther)
            XCTAssertEqual(away.headers[.location], "/city/login?lang=en&next=%2Fcity%2Funit%2F20194%3Flang%3Den")
            let page = try await client.get("/city/login?next=%2Fcity%2Funit%2F20194")
            XCTAssertTrue(page.text.contains("data-next=\"/city/unit/20194\""))
            let elsewhere = try await client.get("/city/login?next=https%3A%2F%2Fevil.example")
            XCTAssertTrue(elsewhere.text.contains("data-next=\"/city\""), "never back to another site")

            let wrong = try await client.post("/api/login", json: ["name": "vanphong", "secret": "guess"])
            XCTAssertEqual(wrong.status, .forbidden)
            XCTAssertNil(wrong.headers[.setCookie])
            let right = try await client.post("/api/login", json: ["name": "vanphong", "secret": Self.secret])
            XCTAssertEqual(right.status, .ok)
            let cookie = try XCTUnwrap(right.headers[.setCookie])
            XCTAssertNotNil(cookie.range(of: #"^wardcheck_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$"#, options: .regularExpression), cookie)
            let session = String(cookie.split(separator: ";")[0])

            let city = try await client.get("/city", headers: [.cookie: session])
            XCTAssertEqual(city.status, .ok)
            XCTAssertTrue(city.text.contains("Phường Hòa Xuân"))
            XCTAssertTrue(city.text.contains("href=\"/city/logout\""), "a way to log out")
            let forged = try await client.get("/city", headers: [.cookie: "wardcheck_session=" + String(repeating: "0", count: 64)])
            XCTAssertEqual(forged.status, .seeOther)

            let out = try await client.get("/city/logout", headers: [.cookie: session])
            XCTAssertEqual(out.status, .seeOther)
            XCTAssertTrue(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.get("/city", headers: [.cookie: session])
            XCTAssertEqual(after.status, .seeOther, "the session is over")
        }
    }

    func testASessionEndsWithItsLifetime() async throws {
        let access = CityAccess(logins: try logins(), lifetime: .milliseconds(50))
        let token = try await XCTUnwrapAsync(await access.login(name: "vanphong", secret: Self.secret))
        let during = await access.name(of: token)
        XCTAssertEqual(during, "vanphong")
        try await Task.sleep(for: .milliseconds(120))
        let later = await access.name(of: token)
        XCTAssertNil(later)
    }

    /// Ten wrong secrets a minute, per unit and per client; the eleventh waits (429 Retry-After).
    func testWrongSecretsAreSlowedPerUnitAndPerClient() async throws {
        let now = ManualClock()
        let throttle = Throttle(limit: 10, window: .seconds(60), clock: { now.instant })
        let keys = ["code:20194", "client:203.0.113.7"]
        for _ in 0..<10 {
            let allowed = await throttle.retryAfter(keys)
            XCTAssertNil(allowed)
            await throttle.failed(keys)
        }
        let held = await throttle.retryAfter(keys)
        XCTAssertEqual(held, 60)
        let sameClientOtherUnit = await throttle.retryAfter(["code:20203", "client:203.0.113.7"])
        XCTAssertEqual(sameClientOtherUnit, 60, "the client is held back for every unit")
        let otherClientSameUnit = await throttle.retryAfter(["code:20194", "client:198.51.100.9"])
        XCTAssertEqual(otherClientSameUnit, 60, "and the unit for every client")
        let someoneElse = await throttle.retryAfter(["code:20203", "client:198.51.100.9"])
        XCTAssertNil(someoneElse)
        now.advance(by: .seconds(59))
        let almost = await throttle.retryAfter(keys)
        XCTAssertEqual(almost, 1)
        now.advance(by: .seconds(1))
        let free = await throttle.retryAfter(keys)
        XCTAssertNil(free, "a minute after the first failure, one more try")
        // The old failures are gone with their minute: ten new ones hold the key back again.
        now.advance(by: .seconds(120))
        for _ in 0..<9 { await throttle.failed(keys) }
        let nine = await throttle.retryAfter(keys)
        XCTAssertNil(nine, "nine in this minute: not yet")
        now.advance(by: .seconds(30))
        await throttle.failed(keys)
        let ten = await throttle.retryAfter(keys)
        XCTAssertEqual(ten, 30, "ten in this minute: held until the first nine leave it, 30 s on")
        now.advance(by: .seconds(60))
        _ = await throttle.retryAfter(keys)
        let kept = await throttle.remembered
        XCTAssertEqual(kept, 0, "failures out of the window are forgotten")
    }

    func testTheSubmitRouteAnswers429WithRetryAfter() async throws {
        let setup = try SubmissionTests.setup(self)
        var settings = setup.settings
        settings.throttle = Throttle(limit: 3, window: .seconds(60))
        try await ServerFixture.app(settings).test(.router) { client in
            for _ in 0..<3 {
                let wrong = try await client.post("/api/submit", answers: SubmissionTests.hoaXuan, token: "wrong-secret-0000")
                XCTAssertEqual(wrong.status, .forbidden)
            }
            let held = try await client.post("/api/submit", answers: SubmissionTests.hoaXuan, token: SubmissionTests.secret)
            XCTAssertEqual(held.status, .tooManyRequests, "even the right secret waits while the unit is held back")
            XCTAssertEqual(held.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 && $0 <= 60 }, true)
            // The same client trying another unit is held back too: guessing moves on to no other unit.
            let other = try await client.post("/api/submit", answers: Answers16.ready, token: SubmissionTests.otherSecret)
            XCTAssertEqual(other.status, .tooManyRequests)
        }
        let log = try String(contentsOf: setup.log, encoding: .utf8)
        XCTAssertTrue(log.contains("submission refused status=429 reason=throttled path=/api/submit"), log)
    }

    /// Wrong logins are slowed as wrong secrets are: a login name guessed at is held back, even
    /// from its right secret, and each refusal is logged without the secret tried.
    func testWrongLoginsAreSlowedAndLogged() async throws {
        let log = try ServerFixture.temporaryFolder(self).appendingPathComponent("server.log")
        var settings = try ServerFixture.settings(wards: ServerFixture.wards, publicURL: ExposureTests.publicURL,
                                                  cityAccess: CityAccess(logins: try logins()), log: ServerLog(file: log.path))
        settings.throttle = Throttle(limit: 3, window: .seconds(60))
        try await ServerFixture.app(settings).test(.router) { client in
            for _ in 0..<3 {
                let wrong = try await client.post("/api/login", json: ["name": "vanphong", "secret": "guess-number-one"])
                XCTAssertEqual(wrong.status, .forbidden)
            }
            let held = try await client.post("/api/login", json: ["name": "VanPhong", "secret": Self.secret])
            XCTAssertEqual(held.status, .tooManyRequests, "the name is held back, whatever its case")
            XCTAssertEqual(held.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 && $0 <= 60 }, true)
            XCTAssertNil(held.headers[.setCookie])
        }
        let lines = try String(contentsOf: log, encoding: .utf8)
        XCTAssertEqual(lines.components(separatedBy: "login refused status=403 reason=secret path=/api/login").count - 1, 3, lines)
        XCTAssertEqual(lines.components(separatedBy: "login refused status=429 reason=throttled path=/api/login").count - 1, 1, lines)
        XCTAssertFalse(lines.contains("guess-number-one") || lines.contains(Self.secret), "no secret tried is logged")
    }

    func testTheLogIsRotatedAtItsSize() throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let file = folder.appendingPathComponent("server.log").path
        let log = ServerLog(file: file, maxBytes: 4096)
        for i in 0..<200 { log.record("submission", "refused", [("status", "403"), ("reason", "token"), ("code", "20194"), ("n", String(i))]) }
        let size = { (path: String) -> Int in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        XCTAssertLessThanOrEqual(size(file), 4096)
        XCTAssertLessThanOrEqual(size(file + ".1"), 4096)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(" n=199\n"), "the newest line is in the current file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file + ".2"), "one old file kept, never more")
    }

    func testLogLinesCannotBeForgedOrLong() {
        XCTAssertEqual(ServerLog.safe("a b=c\nd"), "a\\u{20}b\\u{3d}c\\u{a}d")
        XCTAssertEqual(ServerLog.safe("x\u{202E}y"), "x\\u{202e}y")
        XCTAssertEqual(ServerLog.safe(String(repeating: "x", count: 500)).count, 201)
    }

    func testWeakSecretsAreNamed() {
        XCTAssertNotNil(SubmissionTokens.weakness("short"))
        XCTAssertNotNil(SubmissionTokens.weakness("aaaaaaaaaaaaaaaa"))
        XCTAssertNotNil(SubmissionTokens.weakness("  0123456789abcde  "), "15 characters once trimmed")
        XCTAssertNil(SubmissionTokens.weakness("0123456789abcdef"))
    }
}

/// A clock a test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = ContinuousClock.now
    var instant: ContinuousClock.Instant { lock.withLock { now } }
    func advance(by duration: Duration) { lock.withLock { now = now.advanced(by: duration) } }
}

func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
