import Hummingbird
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

    public init(criteria: CriteriaSet, city: CityFiles, submissions: SubmissionDesk? = nil,
                host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 1 << 20) {
        self.criteria = criteria
        self.city = city
        self.submissions = submissions
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
    }
}

/// The router: the request policy first, then the routes.
public func buildRouter(_ settings: ServerSettings) -> Router<ServeContext> {
    let router = Router(context: ServeContext.self)
    router.add(middleware: RequestPolicy(host: settings.host))
    Routes(settings: settings).register(on: router)
    return router
}

/// The application, listening on the settings' host and port; `onListening` gets the port
/// actually bound (the system picks one for port 0).
public func buildApplication(_ settings: ServerSettings, onListening: @escaping @Sendable (Int) async -> Void = { _ in })
    -> some ApplicationProtocol {
    var logger = Logger(label: "wardcheck-serve")
    logger.logLevel = .warning
    return Application(
        router: buildRouter(settings),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? settings.port) },
        logger: logger
    )
}
