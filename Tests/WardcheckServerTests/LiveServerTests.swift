import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// Requests over a real socket to a running server: the Host a browser sends, and the remote
/// address the submission log records, which the in-process router tests cannot set.
final class LiveServerTests: XCTestCase {
    func testALoopbackServerAnswersLoopbackNamesOnly() async throws {
        var settings = try ServerFixture.settings()
        settings.port = 0
        try await ServerFixture.app(settings).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)"] {
                XCTAssertEqual(try RawHTTP.send("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", port: port).status, 200, host)
            }
            // DNS rebinding: another site's name pointed at 127.0.0.1.
            for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example"] {
                let refused = try RawHTTP.send("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", port: port)
                XCTAssertEqual(refused.status, 403, host)
                XCTAssertTrue(refused.text.contains("X-Content-Type-Options: nosniff") || refused.text.lowercased().contains("x-content-type-options: nosniff"))
            }
        }
    }

    /// A body sent in chunks declares no length: the limit is kept while reading.
    func testAChunkedBodyOverTheLimitIsRefusedWhileRead() async throws {
        var settings = try ServerFixture.settings(bodyLimit: 4096)
        settings.port = 0
        try await ServerFixture.app(settings).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let chunk = String(repeating: "x", count: 3000)
            let head = "POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/yaml\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            let chunked = head + "bb8\r\n\(chunk)\r\nbb8\r\n\(chunk)\r\n0\r\n\r\n"
            XCTAssertEqual(try RawHTTP.send(chunked, port: port).status, 413)
            let small = head + "a\r\nformat: 1\n\r\n0\r\n\r\n"
            XCTAssertEqual(try RawHTTP.send(small, port: port).status, 200)
        }
    }

    func testAnAcceptedSubmissionIsLoggedWithTheRemoteAddress() async throws {
        let city = try ServerFixture.cityCopy(self)
        let schema = try ServerFixture.criteria().schema
        let tokensFile = city.deletingLastPathComponent().appendingPathComponent("tokens.txt")
        try (SubmissionTokens.line(code: "20194", secret: SubmissionTests.secret) + "\n").write(to: tokensFile, atomically: true, encoding: .utf8)
        let tokens = try XCTUnwrap(SubmissionTokens.load(path: tokensFile.path, schema: schema).0)
        let log = city.deletingLastPathComponent().appendingPathComponent("submissions.log")
        let desk = SubmissionDesk(folder: city.appendingPathComponent("submissions").path, tokens: tokens, schema: schema)
        var settings = try ServerFixture.settings(wards: city, submissions: desk, log: ServerLog(file: log.path))
        settings.port = 0
        try await ServerFixture.app(settings).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let body = try JSONSerialization.data(withJSONObject: ["answers": SubmissionTests.hoaXuan, "token": SubmissionTests.secret])
            let request = "POST /api/submit HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
                + "Origin: http://127.0.0.1:\(port)\r\nSec-Fetch-Site: same-origin\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
                + String(decoding: body, as: UTF8.self)
            let response = try RawHTTP.send(request, port: port)
            XCTAssertEqual(response.status, 200, response.text)
        }
        let line = try String(contentsOf: log, encoding: .utf8)
        XCTAssertNotNil(line.range(of: #"submission accepted code=20194 file=20194-hoa-xuan\.yaml client=127\.0\.0\.1 bytes=[0-9]+ version=\S+\n"#,
                                   options: .regularExpression), line)
    }
}

/// One HTTP exchange over a plain socket, with exactly the bytes given.
enum RawHTTP {
    struct Reply {
        var status: Int
        var text: String
    }

    static func send(_ request: String, port: Int) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw POSIXError(.EPIPE) }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return Reply(status: status, text: text)
    }
}
