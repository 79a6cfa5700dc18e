import HTTPTypes
import Hummingbird

/// Who is asking, for the log and for slowing guessers: the address the connection comes from,
/// or, when that is the proxy on this machine in front of `--public-url`, the address the proxy
/// says it received the request from (the last one it added to `X-Forwarded-For`; the ones before
/// it are whatever the client wrote, and never trusted). Nothing else may name a client.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func of(_ request: Request, remote: String?, exposure: Exposure) -> String {
        let peer = remote.map(host) ?? "-"
        guard exposure.publicURL != nil, Exposure.isLoopback(peer) else { return peer }
        let forwarded = request.headers[values: forwardedFor].joined(separator: ",")
        guard let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty else { return peer }
        return last
    }

    /// "203.0.113.7:51234" → "203.0.113.7", "[::1]:8080" → "::1".
    static func host(_ address: String) -> String {
        if address.hasPrefix("[") {
            return address.firstIndex(of: "]").map { String(address[address.index(after: address.startIndex)..<$0]) } ?? address
        }
        let parts = address.split(separator: ":")
        return parts.count == 2 ? String(parts[0]) : address
    }
}
