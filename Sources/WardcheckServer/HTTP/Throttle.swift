import Foundation

/// Slows down guessing: wrong secrets (a unit's, or the city office's login) are counted per key
/// (the unit code or login name, and the client's address), and a key with `limit` failures in
/// the last `window` is refused (429) until the oldest of them is out of the window. Only
/// failures count, so a unit that knows its secret is never slowed by a guesser's tries on
/// another unit, and a right secret does not reset anything a guesser could use.
public actor Throttle {
    public let limit: Int
    public let window: Duration
    /// Keys remembered at most; past that the keys with the oldest failures are forgotten first.
    public let capacity: Int
    private let clock: @Sendable () -> ContinuousClock.Instant
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    public init(limit: Int = 10, window: Duration = .seconds(60), capacity: Int = 10_000,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.limit = max(1, limit)
        self.window = window
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// Whole seconds to wait before any of `keys` may try again; nil when none is held back.
    public func retryAfter(_ keys: [String]) -> Int? {
        let now = clock()
        var wait: Duration = .zero
        for key in keys {
            guard var times = failures[key] else { continue }
            times.removeAll { now - $0 >= window }
            failures[key] = times.isEmpty ? nil : times
            // Held back until enough failures leave the window to bring the count under the limit.
            if times.count >= limit { wait = max(wait, window - (now - times[times.count - limit])) }
        }
        guard wait > .zero else { return nil }
        let (seconds, attoseconds) = wait.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }

    /// Failures remembered, over every key: for the tests, that memory is given back.
    var remembered: Int { failures.values.reduce(0) { $0 + $1.count } }

    /// One more failure for each key.
    public func failed(_ keys: [String]) {
        let now = clock()
        for key in keys { failures[key, default: []].append(now) }
        if failures.count > capacity {
            // Forget a tenth at a time, the keys whose last failure is oldest: a flood of addresses
            // costs one sort per thousand of them, not one per failure.
            failures = failures.filter { !$0.value.allSatisfy { now - $0 >= window } }
            let excess = failures.count - capacity * 9 / 10
            if excess > 0 {
                let oldest = failures.sorted { ($0.value.last ?? now) < ($1.value.last ?? now) }.prefix(excess)
                for (key, _) in oldest { failures[key] = nil }
            }
        }
    }
}
