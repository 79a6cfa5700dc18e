import Crypto
import Foundation
import WardcheckCore

/// Who may read the city's pages (`/city`, `/city/unit/CODE`), which carry every unit's figures:
/// the city office, by the logins of `--city-tokens FILE` (hashed as the units' secrets are). A
/// login gives a session: a random token in a cookie that is HttpOnly (no script reads it),
/// SameSite=Strict (no other site sends it) and Secure behind HTTPS, kept in memory for
/// `lifetime` and forgotten on logout or restart.
public actor CityAccess {
    public nonisolated let logins: SubmissionTokens
    public nonisolated let lifetime: Duration
    /// Sessions kept at most; past that the oldest are ended first.
    public nonisolated let capacity: Int
    private var sessions: [String: (name: String, ends: ContinuousClock.Instant)] = [:]

    public static let cookieName = "wardcheck_session"

    public init(logins: SubmissionTokens, lifetime: Duration = .seconds(8 * 3600), capacity: Int = 1000) {
        self.logins = logins
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    /// A new session for a right name and secret; nil otherwise.
    func login(name: String, secret: String) -> String? {
        guard logins.accepts(secret, for: name) else { return nil }
        let now = ContinuousClock.now
        sessions = sessions.filter { $0.value.ends > now }
        if sessions.count >= capacity, let oldest = sessions.min(by: { $0.value.ends < $1.value.ends }) {
            sessions[oldest.key] = nil
        }
        var generator = SystemRandomNumberGenerator()
        let token = SubmissionTokens.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        sessions[token] = (name, now + lifetime)
        return token
    }

    /// The login name a session token belongs to, while it lasts.
    func name(of token: String?) -> String? {
        guard let token, let session = sessions[token] else { return nil }
        guard session.ends > ContinuousClock.now else {
            sessions[token] = nil
            return nil
        }
        return session.name
    }

    func logout(_ token: String?) {
        if let token { sessions[token] = nil }
    }

    /// The session's token in a request's cookies.
    nonisolated static func token(in cookies: String?) -> String? {
        guard let cookies else { return nil }
        for part in cookies.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == cookieName { return String(pair[1]) }
        }
        return nil
    }

    /// The `Set-Cookie` value that starts a session, or (token nil) ends it.
    nonisolated func cookie(_ token: String?, secure: Bool) -> String {
        var value = "\(Self.cookieName)=\(token ?? ""); Path=/; HttpOnly; SameSite=Strict"
        value += token == nil ? "; Max-Age=0" : "; Max-Age=\(lifetime.components.seconds)"
        if secure { value += "; Secure" }
        return value
    }
}
