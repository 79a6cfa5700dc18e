import HTTPTypes
import Hummingbird
import WardcheckCore

/// The rules every request meets before any route, and the headers every response carries.
///
/// - On a loopback address the Host must be a loopback name: a page elsewhere cannot reach this
///   server by pointing its own domain at 127.0.0.1 (DNS rebinding).
/// - A request that changes or computes anything (every POST) must come from this server's own
///   pages: a browser's `Sec-Fetch-Site` must say same-origin, and an `Origin`, when sent, must be
///   this host. Requests from tools (curl, the tests) send neither and are judged by the routes.
/// - Every response forbids framing, content sniffing and referrers, and carries a
///   Content-Security-Policy that allows scripts from this server only (no inline script at all).
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

    /// Host names a loopback server answers to; nil when it listens beyond the machine.
    let loopbackNames: Set<String>?

    init(host: String) {
        let loopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
        loopbackNames = loopback ? ["localhost", "127.0.0.1", "[::1]", host.contains(":") ? "[\(host)]" : host] : nil
    }

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        let language = Routes.requestedLanguage(request) ?? .vi
        let api = request.uri.path.hasPrefix("/api/")
        var response: Response
        if let refusal = refusal(request) {
            response = Reply.failure(.forbidden, refusal, language, api: api)
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                response = Reply.failure(.notFound, Localized(vi: "không có trang này", en: "no such page"), language, api: api)
            } catch let error as HTTPError where error.status == .methodNotAllowed {
                response = Reply.failure(.methodNotAllowed, Localized(vi: "phương thức không được nhận", en: "method not allowed"), language, api: api)
            } catch {
                context.logger.error("request failed: \(String(describing: error))")
                response = Reply.failure(.internalServerError, Refusal.internalError, language, api: api)
            }
        }
        if response.headers[Self.policyField] == nil { response.headers[Self.policyField] = Policy.strict.header }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[Self.openerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        return response
    }

    private func refusal(_ request: Request) -> Localized? {
        let authority = request.head.authority?.lowercased()
        if let loopbackNames, let authority, !loopbackNames.contains(Self.hostName(authority)) {
            return Refusal.host
        }
        guard request.method != .get, request.method != .head else { return nil }
        if let site = request.headers[Self.fetchSite]?.lowercased(), site != "same-origin", site != "none" {
            return Refusal.crossSite
        }
        if let origin = request.headers[.origin]?.lowercased() {
            guard let authority, origin == "http://" + authority || origin == "https://" + authority else { return Refusal.crossSite }
        }
        return nil
    }

    /// "127.0.0.1:8080" → "127.0.0.1", "[::1]:8080" → "[::1]".
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("[") { return authority.firstIndex(of: "]").map { String(authority[...$0]) } ?? authority }
        return authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? authority
    }
}
