import Foundation

/// Where the server can be reached from, and so what it must check: a server bound to loopback
/// answers only loopback names (against DNS rebinding) and the public address of the proxy in
/// front of it; a server reachable beyond the machine (`--public-url`, or bound to a network
/// address) keeps the city's pages behind the city office's credentials.
public struct Exposure: Sendable {
    /// The address browsers use, through the proxy: `https://wardcheck.danang.gov.vn`.
    public let publicURL: URL?
    /// Whether the address the server listens on is a loopback address (decided by address, not spelling).
    public let boundToLoopback: Bool

    public init(host: String, publicURL: URL? = nil) {
        self.publicURL = publicURL
        self.boundToLoopback = Self.isLoopback(host)
    }

    /// Whether anyone but this machine may reach the pages.
    public var reachableBeyondLoopback: Bool { publicURL != nil || !boundToLoopback }

    /// Cookies are sent over HTTPS only when the browser reaches the server over HTTPS.
    public var secure: Bool { publicURL?.scheme?.lowercased() == "https" }

    /// The public host name, lower case, without port.
    var publicHost: String? { publicURL?.host?.lowercased() }

    /// `https://wardcheck.example` (with its port only when not the scheme's own): what a browser sends as `Origin`.
    var publicOrigin: String? {
        guard let url = publicURL, let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        if let port = url.port, port != (scheme == "https" ? 443 : 80) { return "\(scheme)://\(shownHost):\(port)" }
        return "\(scheme)://\(shownHost)"
    }

    /// Loopback names a loopback-bound server answers to.
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    /// Whether a `Host` (host name, no port) may be answered. Bound to loopback: a loopback name
    /// or the public host. Bound beyond: the public host when there is one; any otherwise (the
    /// server cannot know what names point at it, and says so when it starts).
    func accepts(host name: String) -> Bool {
        let name = name.lowercased()
        if let publicHost, name == publicHost || name == "[\(publicHost)]" { return true }
        if boundToLoopback { return Self.loopbackNames.contains(name) || Self.isLoopback(name.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) }
        return publicURL == nil
    }

    /// Whether a browser's `Origin` is this server's own pages: the public origin, or (bound to
    /// loopback, the page opened directly) the origin of the `Host` it was asked under.
    func accepts(origin: String, authority: String?) -> Bool {
        let origin = origin.lowercased()
        if let publicOrigin, origin == publicOrigin { return true }
        guard let authority = authority?.lowercased(), boundToLoopback || publicURL == nil else { return false }
        return origin == "http://" + authority || origin == "https://" + authority
    }

    /// Whether an address is one of this machine's loopback addresses, by its value: 127.0.0.0/8,
    /// ::1 in any spelling (`0:0:0:0:0:0:0:1`), ::ffff:127.x.y.z, or the name `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            // An IPv4 loopback address mapped into IPv6.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return bytes[12] == 127 }
        }
        return false
    }
}
