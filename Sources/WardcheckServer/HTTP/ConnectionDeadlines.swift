import NIOCore
import NIOHTTPTypes

/// How long a connection may take over each part of a request before it is closed: a client that
/// connects and says nothing, sends half a header, stops half-way through a body, or keeps an
/// idle connection open holds a socket and memory that other units need. Each deadline covers
/// the whole part, not the gaps between its bytes: a byte every few seconds does not keep a
/// connection alive.
public struct ConnectionLimits: Sendable {
    /// From the connection's start (or the last answer) to the end of the request's header.
    public var header: TimeAmount
    /// From the header to the end of the body.
    public var body: TimeAmount
    /// After an answer, how long the connection may wait for the next request.
    public var idle: TimeAmount
    /// Connections open at once; more wait to be accepted.
    public var maxConnections: Int

    public init(header: TimeAmount = .seconds(10), body: TimeAmount = .seconds(30), idle: TimeAmount = .seconds(60), maxConnections: Int = 512) {
        self.header = header
        self.body = body
        self.idle = idle
        self.maxConnections = maxConnections
    }
}

/// The channel handler that keeps `ConnectionLimits`' deadlines, after the HTTP/1 decoder.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private var timer: Scheduled<Void>?
    /// Requests whose header was read and whose answer has not been written yet.
    private var unanswered = 0
    private var readingBody = false

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, limits.header) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, limits.header)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            readingBody = true
            arm(context, limits.body)
        case .body:
            break
        case .end:
            readingBody = false
            // While the answer is being made, the server is the one taking its time.
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0, !readingBody { arm(context, limits.idle) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, _ after: TimeAmount) {
        disarm()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: after) {
            channel.close(promise: nil)
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
