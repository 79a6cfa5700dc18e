import Dispatch
import Foundation

/// Runs per-file work on every core. `map` keeps results in input order (for the files a user
/// names); `stream` hands each result to a reducer as soon as it is ready and keeps nothing,
/// so an audit of thousands of files holds only what the reducer keeps.
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
