import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage, and who is asking, for the submission log.
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// "203.0.113.7:51234", or nil when the request did not come over a socket (tests).
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        if let address = source.channel.remoteAddress, let ip = address.ipAddress {
            remoteAddress = address.port.map { ip.contains(":") ? "[\(ip)]:\($0)" : "\(ip):\($0)" } ?? ip
        } else {
            remoteAddress = nil
        }
    }
}
