import HTTPTypes
import Hummingbird
import WardcheckCore

/// The rules every request meets before any route, and the headers every response carries.
///
/// - The Host must be one this server answers (`Exposure`): on loopback a loopback name or the
///   public host, so that a page elsewhere cannot reach the server by pointing its own domain at
///   127.0.0.1 (DNS rebinding).
/// - A request that changes or computes anything (every POST) must come from this server's own
///   pages: a browser's `Sec-Fetch-Site` must say same-origin, and an `Origin`, when sent, must
///   be the public origin (or, on loopback, the Host's). Requests from tools (curl, the tests)
///   send neither and are judged by the routes.
/// - A body in a transfer coding other than chunked is refused (501): the body read would not be
///   the body sent.
/// - HEAD is answered as GET, without a body; a known path asked with another method is 405 with `Allow`.
/// - Every response forbids framing, content sniffing and referrers, and carries a
///   Content-Security-Policy that allows scripts from this server only (no inline script at all).
/// - Every refusal (4xx) and every failure (5xx) is logged, with its status and reason.
struct RequestPolicy: RouterMiddleware {
    typealias Context = ServeContext

    /// How strict a page's policy is. The city page is the audit report as written to a file,
    /// with its style sheet inline, so it alone allows inline styles; it has no script.
    enum Policy {
        case strict, inlineStyles

        var header: String {
            let style = self == .strict ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'"
            return "default-src 'none'; script-src 'self'; \(style); img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        }
    }

    static let policyField = HTTPField.Name.contentSecurityPolicy
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let openerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    /// Why a route refused a request, for the log; never sent to the client.
    static let reasonField = HTTPField.Name("Wardcheck-Reason")!

    let settings: ServerSettings
    let table: RouteTable

    private var exposure: Exposure { settings.exposure }

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        let language = Routes.requestedLanguage(request) ?? .vi
        let path = request.uri.path
        let api = path.hasPrefix("/api/")
        var response: Response
        var reason: String?
        if let (status, refusal, why) = refusal(request) {
            response = Reply.failure(status, refusal, language, api: api)
            reason = why
        } else {
            // HEAD is GET without the body (each GET route answers HEAD too): the same status and
            // headers, for checks and proxies.
            let head = request.method == .head
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                let allowed = table.methods(for: path)
                if allowed.isEmpty {
                    response = Reply.failure(.notFound, Localized(vi: "không có trang này", en: "no such page"), language, api: api)
                    reason = "no-page"
                } else {
                    reason = "method"
                    response = Reply.failure(.methodNotAllowed, Localized(vi: "phương thức không được nhận", en: "method not allowed"), language, api: api)
                    response.headers[.allow] = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
                }
            } catch {
                context.logger.error("request failed: \(String(describing: error))")
                response = Reply.failure(.internalServerError, Refusal.internalError, language, api: api)
                reason = "error"
            }
            if head { response.body = .init() }
        }
        reason = reason ?? response.headers[Self.reasonField]
        response.headers[Self.reasonField] = nil
        record(request, context: context, response: response, reason: reason)
        if response.headers[Self.policyField] == nil { response.headers[Self.policyField] = Policy.strict.header }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[Self.openerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        return response
    }

    private func refusal(_ request: Request) -> (HTTPResponse.Status, Localized, String)? {
        let authority = request.head.authority?.lowercased()
        if let authority, !exposure.accepts(host: Self.hostName(authority)) {
            return (.forbidden, Refusal.host, "host")
        }
        if let coding = request.headers[.transferEncoding], coding.lowercased().trimmingCharacters(in: .whitespaces) != "chunked" {
            return (.notImplemented, Refusal.transferCoding, "transfer-coding")
        }
        guard request.method != .get, request.method != .head else { return nil }
        if let site = request.headers[Self.fetchSite]?.lowercased(), site != "same-origin", site != "none" {
            return (.forbidden, Refusal.crossSite, "cross-site")
        }
        if let origin = request.headers[.origin], !exposure.accepts(origin: origin, authority: authority) {
            return (.forbidden, Refusal.crossSite, "origin")
        }
        return nil
    }

    /// What the city must be able to account for: every refusal and every failure, with its status
    /// and reason (the routes log what they accept). The log is rotated at its size, so a flood of
    /// refusals costs disk space only up to that; submissions themselves are recorded in git.
    private func record(_ request: Request, context: ServeContext, response: Response, reason: String?) {
        let path = request.uri.path
        let status = response.status.code
        guard status >= 400 else { return }
        let kind = path == "/api/submit" ? "submission" : path == "/api/login" ? "login" : "request"
        // Failed: the server could not do what it should (500); refused: it would not (a 501 coding, a 503 queue included).
        settings.log.record(kind, status == 500 ? "failed" : "refused", [
            ("status", String(status)), ("reason", reason ?? "-"), ("path", path),
            ("client", ClientAddress.of(request, remote: context.remoteAddress, exposure: exposure)),
        ])
    }

    /// "127.0.0.1:8080" → "127.0.0.1", "[::1]:8080" → "[::1]".
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("[") { return authority.firstIndex(of: "]").map { String(authority[...$0]) } ?? authority }
        return authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? authority
    }
}

/// Which methods each path of the server answers, for 405's `Allow`; `:name` stands for any one component.
struct RouteTable: Sendable {
    private var entries: [(components: [Substring], method: HTTPRequest.Method)] = []

    init(_ routes: [(String, HTTPRequest.Method)]) {
        entries = routes.map { ($0.0.split(separator: "/"), $0.1) }
    }

    func methods(for path: String) -> [HTTPRequest.Method] {
        let components = path.split(separator: "/")
        var out: [HTTPRequest.Method] = []
        for entry in entries where entry.components.count == components.count
            && zip(entry.components, components).allSatisfy({ $0.hasPrefix(":") || $0 == $1 }) && !out.contains(entry.method) {
            out.append(entry.method)
        }
        return out
    }
}
