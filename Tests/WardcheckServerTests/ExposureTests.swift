import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import WardcheckCore
import WardcheckReports
import YAMLTree
@testable import WardcheckServer
import XCTest

/// The server behind a TLS proxy on a city's network: Host and Origin checked against
/// `--public-url`, loopback decided by address, the client read from the proxy only, HTTP's
/// methods and codings answered as HTTP says.
final class ExposureTests: XCTestCase {
    static let publicURL = URL(string: "https://wardcheck.danang.example")!

    func testLoopbackIsDecidedByAddressNotSpelling() {
        for loopback in ["127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"] {
            XCTAssertTrue(Exposure.isLoopback(loopback), loopback)
        }
        for beyond in ["0.0.0.0", "::", "10.0.0.5", "192.168.1.10", "128.0.0.1", "::2", "wardcheck.example", "127.0.0.1.evil.example"] {
            XCTAssertFalse(Exposure.isLoopback(beyond), beyond)
        }
        XCTAssertTrue(Exposure(host: "0:0:0:0:0:0:0:1").boundToLoopback, "binds ::1: the Host check stays on")
        XCTAssertFalse(Exposure(host: "0.0.0.0").boundToLoopback)
        XCTAssertTrue(Exposure(host: "0.0.0.0").reachableBeyondLoopback)
        XCTAssertTrue(Exposure(host: "127.0.0.1", publicURL: Self.publicURL).reachableBeyondLoopback, "through a proxy, others reach it")
        XCTAssertFalse(Exposure(host: "127.0.0.1").reachableBeyondLoopback)
    }

    func testHostAndOriginBehindAProxy() {
        let proxied = Exposure(host: "127.0.0.1", publicURL: Self.publicURL)
        // nginx keeps the public Host, or rewrites it to the address it proxies to: both answered.
        XCTAssertTrue(proxied.accepts(host: "wardcheck.danang.example"))
        XCTAssertTrue(proxied.accepts(host: "127.0.0.1"))
        XCTAssertFalse(proxied.accepts(host: "evil.example"), "DNS rebinding: another name pointed at the server")
        // The browser's Origin is the public one, whatever Host the proxy sends.
        XCTAssertTrue(proxied.accepts(origin: "https://wardcheck.danang.example", authority: "127.0.0.1:8080"))
        XCTAssertFalse(proxied.accepts(origin: "http://wardcheck.danang.example", authority: "127.0.0.1:8080"), "not over plain HTTP")
        XCTAssertFalse(proxied.accepts(origin: "https://evil.example", authority: "127.0.0.1:8080"))
        XCTAssertFalse(proxied.accepts(origin: "https://wardcheck.danang.example:8443", authority: "127.0.0.1:8080"))
        let ported = Exposure(host: "127.0.0.1", publicURL: URL(string: "https://localhost:8443")!)
        XCTAssertTrue(ported.accepts(origin: "https://localhost:8443", authority: "127.0.0.1:9000"))
        // Bound to the network without a public address, the Host cannot be known; with one, it is checked.
        XCTAssertTrue(Exposure(host: "0.0.0.0").accepts(host: "10.0.0.5"))
        XCTAssertFalse(Exposure(host: "0.0.0.0", publicURL: Self.publicURL).accepts(host: "10.0.0.5"))
    }

    /// Over real sockets: the Host a proxy forwards, the Origin a browser sends, the client the proxy names.
    func testThroughAProxyBrowsersAreServedAndTheProxyNamesTheClient() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let log = folder.appendingPathComponent("server.log")
        var settings = try ServerFixture.settings(publicURL: Self.publicURL, log: ServerLog(file: log.path))
        settings.port = 0
        try await LiveServer.run(settings) { port in
            let body = #"{"answers": {"unit.code": "20194"}}"#
            func post(host: String, origin: String, forwarded: String? = nil) throws -> Int {
                var request = "POST /api/evaluate HTTP/1.1\r\nHost: \(host)\r\nContent-Type: application/json\r\nOrigin: \(origin)\r\nSec-Fetch-Site: same-origin\r\n"
                if let forwarded { request += "X-Forwarded-For: \(forwarded)\r\n" }
                request += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
                return try RawHTTP.send(request, port: port).status
            }
            XCTAssertEqual(try post(host: "wardcheck.danang.example", origin: "https://wardcheck.danang.example"), 200, "the public Host kept")
            XCTAssertEqual(try post(host: "127.0.0.1:\(port)", origin: "https://wardcheck.danang.example"), 200, "the Host rewritten (nginx's default)")
            XCTAssertEqual(try post(host: "127.0.0.1:\(port)", origin: "https://evil.example", forwarded: "198.51.100.9, 203.0.113.7"), 403)
        }
        // The refusal names the client the proxy added last, not what the client wrote before it.
        let text = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(text.contains("request refused status=403 reason=origin path=/api/evaluate client=203.0.113.7\n"), text)
    }

    func testTheClientIsTheProxysWordOnlyWhenTheProxyIsOnThisMachine() throws {
        func request(_ forwarded: String?) -> Request {
            var fields = HTTPFields()
            if let forwarded { fields[ClientAddress.forwardedFor] = forwarded }
            return Request(head: HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/", headerFields: fields), body: .init(buffer: ByteBuffer()))
        }
        let proxied = Exposure(host: "127.0.0.1", publicURL: Self.publicURL)
        XCTAssertEqual(ClientAddress.of(request("198.51.100.9, 203.0.113.7"), remote: "127.0.0.1:51000", exposure: proxied), "203.0.113.7")
        XCTAssertEqual(ClientAddress.of(request("198.51.100.9"), remote: "10.0.0.8:51000", exposure: proxied), "10.0.0.8", "a peer that is not the local proxy names itself")
        XCTAssertEqual(ClientAddress.of(request("198.51.100.9"), remote: "127.0.0.1:51000", exposure: Exposure(host: "127.0.0.1")), "127.0.0.1",
                       "without a public address there is no proxy to believe")
        XCTAssertEqual(ClientAddress.of(request(nil), remote: "[::1]:8080", exposure: proxied), "::1")
    }

    func testHTTPMethodsMembersAndCodings() async throws {
        let log = try ServerFixture.temporaryFolder(self).appendingPathComponent("server.log")
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards, log: ServerLog(file: log.path))).test(.router) { client in
            // HEAD is GET without a body.
            for path in ["/", "/city", "/assets/wardcheck.css"] {
                let head = try await client.execute(uri: path, method: .head, headers: [:], body: nil)
                XCTAssertEqual(head.status, .ok, path)
                XCTAssertEqual(head.body.readableBytes, 0, path)
                XCTAssertEqual(head.headers[.contentType]?.hasPrefix("text/"), true, path)
            }
            // A known path with another method: 405 and what it allows.
            let deleted = try await client.execute(uri: "/", method: .delete, headers: [:], body: nil)
            XCTAssertEqual(deleted.status, .methodNotAllowed)
            XCTAssertEqual(deleted.headers[.allow], "GET, HEAD")
            let got = try await client.execute(uri: "/api/evaluate", method: .get, headers: [:], body: nil)
            XCTAssertEqual(got.status, .methodNotAllowed)
            XCTAssertEqual(got.headers[.allow], "POST")
            let unit = try await client.execute(uri: "/city/unit/20194", method: .put, headers: [:], body: nil)
            XCTAssertEqual(unit.headers[.allow], "GET, HEAD")
            let nowhere = try await client.execute(uri: "/nowhere", method: .delete, headers: [:], body: nil)
            XCTAssertEqual(nowhere.status, .notFound)
            // An unknown member of the body is refused, not ignored.
            let extra = try await client.post("/api/evaluate", json: ["answers": ["unit.code": "20194"], "anwsers": [:]])
            XCTAssertEqual(extra.status, .badRequest)
            let typed = try await client.post("/api/evaluate", json: ["answers": [:], "typed_in": 5])
            XCTAssertEqual(typed.status, .badRequest)
            let plain = try await client.execute(uri: "/api/evaluate", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x"))
            XCTAssertEqual(plain.status, .unsupportedMediaType)
        }
        // Every refusal is in the log with its status and reason, the answered requests are not.
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { String($0.drop { $0 != " " }.dropFirst()) }
        XCTAssertEqual(lines, [
            "request refused status=405 reason=method path=/ client=-",
            "request refused status=405 reason=method path=/api/evaluate client=-",
            "request refused status=405 reason=method path=/city/unit/20194 client=-",
            "request refused status=404 reason=no-page path=/nowhere client=-",
            "request refused status=400 reason=body path=/api/evaluate client=-",
            "request refused status=400 reason=body path=/api/evaluate client=-",
            "request refused status=415 reason=media-type path=/api/evaluate client=-",
        ])
    }

    func testATransferCodingOtherThanChunkedIsRefused() async throws {
        var settings = try ServerFixture.settings()
        settings.port = 0
        try await LiveServer.run(settings) { port in
            let head = "POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/yaml\r\nConnection: close\r\n"
            let gzip = try RawHTTP.send(head + "Transfer-Encoding: gzip, chunked\r\n\r\na\r\nformat: 1\n\r\n0\r\n\r\n", port: port)
            XCTAssertEqual(gzip.status, 501)
            let chunked = try RawHTTP.send(head + "Transfer-Encoding: chunked\r\n\r\na\r\nformat: 1\n\r\n0\r\n\r\n", port: port)
            XCTAssertEqual(chunked.status, 200)
        }
    }

    /// A megabyte of one line of aliases (each a diagnostic quoting the line) is answered in a
    /// bounded size, not a hundred copies of the megabyte.
    func testEveryAnswerIsBoundedWhateverTheInput() async throws {
        let line = "a: [" + Array(repeating: "*x", count: 340_000).joined(separator: ",") + "]\n"
        let body = ByteBuffer(string: String(line.prefix((1 << 20) - 10)))
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"], body: body)
            XCTAssertEqual(response.status, .ok)
            XCTAssertLessThan(response.body.readableBytes, 200_000, "bounded, whatever the file")
            let json = try response.json()
            let text = try XCTUnwrap(json["check_text"] as? String)
            XCTAssertLessThanOrEqual(text.utf8.count, 64 << 10)
            let opened = (json["opened"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            XCTAssertLessThanOrEqual(opened.count, DiagnosticSink.shownPerFile + 1)
            // An answer typed a megabyte long is quoted in a few dozen characters.
            let long = try await client.post("/api/evaluate", answers: ["staffing.officials": String(repeating: "9x", count: 200_000)]).json()
            XCTAssertLessThan(questions(long)["staffing.officials"]?.count ?? 0, 200)
        }
    }

    /// A line of a megabyte is quoted around its place, the caret under the right character.
    func testALongSourceLineIsQuotedAroundItsPlace() {
        let line = String(repeating: "x", count: 5000) + "!" + String(repeating: "y", count: 5000)
        let sink = DiagnosticSink(file: "long.yaml")
        sink.error(.yamlSyntax, at: Mark(line: 1, column: 5001), Localized("here"))
        let d = sink.finished(source: line + "\n")[0]
        XCTAssertEqual(d.sourceColumn, 5001 - DiagnosticSink.quotedBefore)
        XCTAssertLessThanOrEqual(d.sourceLine?.count ?? 0, DiagnosticSink.quotedBefore + DiagnosticSink.quotedAfter)
        let text = DiagnosticText.render(d, language: .en).split(separator: "\n").map(String.init)
        let quoted = text[2], caret = text[3]
        XCTAssertTrue(quoted.hasPrefix("1 | …x") && quoted.hasSuffix("y…"), quoted)
        let bang = quoted.firstIndex(of: "!").map { quoted.distance(from: quoted.startIndex, to: $0) }
        let hat = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        XCTAssertEqual(bang, hat, "the caret under the place")
    }

    func testCheckTextInAnAnswerIsCutAtALine() {
        let long = (1...5000).map { "line \($0) " + String(repeating: "z", count: 40) }.joined(separator: "\n")
        let cut = Assessment.bounded(long, .vi)
        XCTAssertLessThanOrEqual(cut.utf8.count, Assessment.longestCheckText)
        XCTAssertTrue(cut.hasSuffix(" dòng không hiển thị)\n"), String(cut.suffix(80)))
        XCTAssertEqual(Assessment.bounded("short\n", .vi), "short\n")
    }

    func testRequestsPastTheQueueAreRefusedAtOnce() async throws {
        let gate = EvaluationGate(running: 1, waiting: 1)
        let started = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        async let first: Int? = gate.run {
            started.continuation.yield()
            var iterator = release.stream.makeAsyncIterator()
            _ = await iterator.next()
            return 1
        }
        var iterator = started.stream.makeAsyncIterator()
        _ = await iterator.next()
        async let second: Int? = gate.run { 2 }
        // Wait for the second to be queued behind the first.
        while await gate.load.waiting < 1 { await Task.yield() }
        // The third is refused at once. Were it queued instead, the test must fail, not hang: it
        // runs in its own task, watched for two seconds.
        let third = ThirdRequest()
        Task { await third.answered(await gate.run { 3 }) }
        let deadline = ContinuousClock.now + .seconds(2)
        while await !third.done, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let done = await third.done
        XCTAssertTrue(done, "one running, one waiting: the third is answered at once")
        let value = await third.value
        XCTAssertNil(value, "and refused")
        release.continuation.yield()
        let (a, b) = await (first, second)
        XCTAssertEqual(a, 1)
        XCTAssertEqual(b, 2, "the waiting one ran when the first was done")
        let load = await gate.load
        XCTAssertEqual(load.waiting, 0)
    }
}

/// What the third request of the gate's test was told, when it was.
private actor ThirdRequest {
    var done = false
    var value: Int?
    func answered(_ value: Int?) {
        self.value = value
        done = true
    }
}
