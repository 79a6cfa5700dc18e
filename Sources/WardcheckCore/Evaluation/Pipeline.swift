import Dispatch
import Foundation

/// Runs per-file work on every core. `map` keeps results in input order (for the files a user
/// names); `stream` hands each result to a reducer as soon as it is ready and keeps nothing,
/// so an audit of thousands of files holds only what the reducer keeps; `ordered` hands results
/// over in input order as soon as they can be, holding only the few that finished early.
public enum Pipeline {
    public static func map<T: Sendable>(_ inputs: [String], _ transform: @escaping @Sendable (String) -> T) -> [T] {
        let slots = Slots<T>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.set(index, transform(inputs[index]))
        }
        return slots.values
    }

    public static func stream<T: Sendable>(_ inputs: [String], _ transform: @escaping @Sendable (String) -> T,
                                           into reduce: @escaping (T) -> Void) {
        let lock = NSLock()
        nonisolated(unsafe) let reduce = reduce
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result = transform(inputs[index])
            lock.lock()
            reduce(result)
            lock.unlock()
        }
    }

    /// `stream`, with each input's place in `inputs` given to the transform.
    public static func stream<T: Sendable>(_ inputs: [String], _ transform: @escaping @Sendable (Int, String) -> T,
                                           into reduce: @escaping (T) -> Void) {
        let lock = NSLock()
        nonisolated(unsafe) let reduce = reduce
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result = transform(index, inputs[index])
            lock.lock()
            reduce(result)
            lock.unlock()
        }
    }

    /// Like `map`, but each result goes to `consume` in input order as soon as every earlier one
    /// has, and is then dropped: a report written unit by unit holds a handful of units, not all.
    /// A worker that gets more than `window` files ahead of the oldest unfinished one waits, so a
    /// slow file cannot make the others pile up. `consume` runs under a lock, one call at a time.
    public static func ordered<T: Sendable>(_ inputs: [String], window: Int = 64, _ transform: @escaping @Sendable (String) -> T,
                                            consume: @escaping (T) -> Void) {
        let queue = OrderedHandOver<T>(window: max(1, window), consume: consume)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            queue.waitForRoom(index)
            queue.finished(index, transform(inputs[index]))
        }
    }
}

private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T] { storage.map { $0! } }
}

/// Results waiting for the ones before them, and the next index to hand over.
private final class OrderedHandOver<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Int: T] = [:]
    private var next = 0
    private let window: Int
    private let consume: (T) -> Void

    init(window: Int, consume: @escaping (T) -> Void) {
        self.window = window
        self.consume = consume
    }

    /// Blocks while `index` is too far ahead. concurrentPerform hands indices out in order, so
    /// the oldest unfinished index is always being worked on and the wait always ends.
    func waitForRoom(_ index: Int) {
        condition.lock()
        while index >= next + window { condition.wait() }
        condition.unlock()
    }

    func finished(_ index: Int, _ value: T) {
        condition.lock()
        defer { condition.unlock() }
        waiting[index] = value
        var handed = false
        while let ready = waiting.removeValue(forKey: next) {
            consume(ready)
            next += 1
            handed = true
        }
        if handed { condition.broadcast() }
    }
}
