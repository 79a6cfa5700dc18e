import Dispatch

/// A value worked out on another core while the command goes on with something else (the
/// folder walked while the criteria and the roster are read; whether `-o` names an input while
/// the units are judged); `value` waits for it.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Set once, before `done` is signalled; read only after waiting for that signal.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            done.signal()
        }
    }

    /// The value, once worked out, given up: for a value read once and not kept (a country's
    /// folder entries) after it is used. No read may follow.
    func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }

    /// The value, once worked out (the signal is given back, so any later read finds it too).
    var value: Value {
        done.wait()
        done.signal()
        // Set before the signal: there is no path to here without it.
        return result!
    }
}
