/// How many requests are checked and scored at once, and how many may wait for a turn. Checking
/// takes memory in proportion to the file (up to the 1 MiB body limit and the YAML loader's
/// limits), far more than the body that waits: with the checks bounded here and the waiting
/// bodies by the cap on connections, so is the server's memory, however many arrive together.
/// The server lets one request wait per open connection; beyond the queue a request is refused at
/// once (503 with Retry-After), never left to pile up.
public actor EvaluationGate {
    public let running: Int
    public let waiting: Int
    private var busy = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    public init(running: Int, waiting: Int) {
        self.running = max(1, running)
        self.waiting = max(0, waiting)
    }

    /// Runs `work` when a turn comes; nil, at once, when the queue is full.
    public func run<T: Sendable>(_ work: @Sendable () async -> T) async -> T? {
        if busy >= running {
            guard queue.count < waiting else { return nil }
            await withCheckedContinuation { queue.append($0) }
        } else {
            busy += 1
        }
        // A turn handed over by `leave` keeps `busy` as it was: the leaving request's place is this one's.
        defer { leave() }
        return await work()
    }

    private func leave() {
        if queue.isEmpty {
            busy -= 1
        } else {
            queue.removeFirst().resume()
        }
    }

    /// Requests being checked now, and waiting: for tests and the bench.
    public var load: (running: Int, waiting: Int) { (busy, queue.count) }
}
