import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import WardcheckCore
import WardcheckServer
import XCTest

/// The HTTP/1 server's deadlines and cap, over real sockets: a connection that says nothing,
/// half a header, half a body, or idles after its answer is closed; connections past the cap wait.
final class ConnectionLimitTests: XCTestCase {
    /// Short deadlines, so the test measures them in seconds, not minutes.
    static let quick = ConnectionLimits(header: .seconds(1), body: .seconds(2), idle: .seconds(1), maxConnections: 512)

    private func live(_ limits: ConnectionLimits = quick, _ test: @escaping @Sendable (Int) async throws -> Void) async throws {
        var settings = try ServerFixture.settings(limits: limits)
        settings.port = 0
        try await LiveServer.run(settings, test)
    }

    func testAConnectionThatSaysNothingIsClosed() async throws {
        try await live { port in
            let socket = try RawSocket(port: port)
            XCTAssertTrue(socket.closed(within: 4), "closed after the 1 s header deadline")
        }
    }

    func testHalfAHeaderSentSlowlyIsClosedAtTheHeadersDeadline() async throws {
        try await live { port in
            let socket = try RawSocket(port: port)
            // A byte every 300 ms keeps sending, but the header never ends: the deadline is for the
            // whole header, not the gaps between bytes.
            let started = Date()
            for byte in "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8 {
                guard socket.send([byte]) else { break }
                if socket.closed(within: 0.3) { break }
            }
            XCTAssertTrue(socket.closed(within: 3))
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "closed at about 1 s, not after every byte")
        }
    }

    func testHalfABodyIsClosedAtTheBodysDeadline() async throws {
        try await live { port in
            let socket = try RawSocket(port: port)
            XCTAssertTrue(socket.send(Array("POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nformat: 1\n".utf8)))
            XCTAssertFalse(socket.closed(within: 1.2), "the header arrived in time: the body has 2 s")
            XCTAssertTrue(socket.closed(within: 3), "the body never ends")
        }
    }

    func testAnIdleConnectionIsClosedAfterItsAnswer() async throws {
        try await live { port in
            let socket = try RawSocket(port: port)
            XCTAssertTrue(socket.send(Array("GET /assets/wardcheck.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)))
            let answer = socket.receive(within: 2)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200"), answer)
            XCTAssertTrue(socket.closed(within: 3), "kept alive, then idle for more than 1 s")
        }
    }

    func testConnectionsPastTheCapWaitForAPlace() async throws {
        var limits = Self.quick
        limits.maxConnections = 2
        limits.header = .seconds(3)
        try await live(limits) { port in
            let first = try RawSocket(port: port), second = try RawSocket(port: port)
            _ = (first, second)
            try await Task.sleep(for: .milliseconds(300))
            let third = try RawSocket(port: port)
            XCTAssertTrue(third.send(Array("GET /assets/wardcheck.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)))
            XCTAssertEqual(third.receive(within: 1), "", "two connections open: the third is not served")
            // The first two reach their header deadline and go; the third is served then.
            XCTAssertTrue(third.receive(within: 6).hasPrefix("HTTP/1.1 200"))
        }
    }
}

/// A client socket for sending exactly the bytes a test wants, when it wants.
final class RawSocket: @unchecked Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Whether the server closed the connection within `seconds` (what it sends before is read and dropped).
    func closed(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return true }
        }
        return false
    }

    /// What arrives within `seconds`.
    func receive(within seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
            if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// The server as `wardcheck serve` runs it (`buildApplication`), on a free port, for the length of
/// a test. HummingbirdTesting's live mode rebuilds the configuration and drops the cap on open
/// connections, so the cap is measured on the server itself.
enum LiveServer {
    static func run(_ settings: ServerSettings, _ test: @escaping @Sendable (Int) async throws -> Void) async throws {
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(settings) { port in announce.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw POSIXError(.EIO) }
            defer { group.cancelAll() }
            try await test(port)
        }
    }
}
