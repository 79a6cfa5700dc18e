import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import WardcheckCore

/// What the server runs with, loaded and checked before it listens.
public struct ServerSettings: Sendable {
    public var criteria: CriteriaSet
    /// The city's folder (for the city page and the units' pages) and its roster and waivers
    /// (for the form's roster suggestions and for waivers in every scorecard).
    public var city: CityFiles
    /// Where units save their files; nil unless `--accept-submissions`, and then nothing is ever written.
    public var submissions: SubmissionDesk?
    public var host: String
    public var port: Int
    /// The largest request body read. A facts file is a few kilobytes; 1 MiB is the loader's own limit.
    public var bodyLimit: Int
    /// Where the server can be reached from: what Host and Origin it answers, whether the city's pages need a login.
    public var exposure: Exposure
    /// The city office's logins; nil: the city's pages are open on loopback, and closed beyond it.
    public var cityAccess: CityAccess?
    /// Deadlines and the cap on open connections.
    public var limits: ConnectionLimits
    /// Requests checked at once, and waiting.
    public var gate: EvaluationGate
    /// Wrong secrets and logins, slowed per key.
    public var throttle: Throttle
    public var log: ServerLog

    public init(criteria: CriteriaSet, city: CityFiles, submissions: SubmissionDesk? = nil,
                host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 1 << 20,
                publicURL: URL? = nil, cityAccess: CityAccess? = nil, limits: ConnectionLimits = ConnectionLimits(),
                gate: EvaluationGate? = nil, throttle: Throttle = Throttle(), log: ServerLog = ServerLog()) {
        self.criteria = criteria
        self.city = city
        self.submissions = submissions
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.exposure = Exposure(host: host, publicURL: publicURL)
        self.cityAccess = cityAccess
        self.limits = limits
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // As many may wait as connections may be open: the cap on connections (each holding at most
        // one body) bounds what waits; the gate bounds what is being checked, the costly part.
        self.gate = gate ?? EvaluationGate(running: max(2, cores), waiting: limits.maxConnections)
        self.throttle = throttle
        self.log = log
    }
}

/// The router: the request policy first, then the routes.
public func buildRouter(_ settings: ServerSettings) -> Router<ServeContext> {
    let router = Router(context: ServeContext.self)
    let routes = Routes(settings: settings)
    router.add(middleware: RequestPolicy(settings: settings, table: routes.table))
    routes.register(on: router)
    return router
}

/// The application, listening on the settings' host and port; `onListening` gets the port
/// actually bound (the system picks one for port 0).
public func buildApplication(_ settings: ServerSettings, onListening: @escaping @Sendable (Int) async -> Void = { _ in })
    -> some ApplicationProtocol {
    var logger = Logger(label: "wardcheck-serve")
    logger.logLevel = .warning
    let limits = settings.limits
    return Application(
        router: buildRouter(settings),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadlines(limits: limits)])),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil,
                             availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? settings.port) },
        logger: logger
    )
}
