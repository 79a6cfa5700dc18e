#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CYAML
import Dispatch
import Foundation

/// The floor: the least any YAML tool built on libyaml must spend on these files. Each file is
/// read with one open/read and run through libyaml's event parser, on as many threads as
/// wardcheck uses (one per core), and nothing else: no tree, no strings, no validation.
/// wardcheck's own time is measured against it.
enum ParseFloor {
    struct Run {
        var seconds: Double
        /// CPU time of the parsing threads (the process's, measured around the parse).
        var cpuSeconds: Double
        var files: Int
        var bytes: Int
        var events: Int
        var failures: Int
    }

    static func run(files: [String], threads: Int) -> Run {
        let next = Counter()
        let totals = Totals()
        let clock = ContinuousClock()
        let cpuBefore = cpuTime()
        let started = clock.now
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var bytes = 0
            var events = 0
            var failures = 0
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer {
                parser.deallocate()
                event.deallocate()
            }
            while true {
                let index = next.take()
                guard index < files.count else { break }
                guard let count = read(files[index], into: &buffer) else { failures += 1; continue }
                bytes += count
                guard yaml_parser_initialize(parser) == 1 else { failures += 1; continue }
                buffer.withUnsafeBufferPointer { input in
                    yaml_parser_set_input_string(parser, input.baseAddress, count)
                    while true {
                        guard yaml_parser_parse(parser, event) == 1 else { failures += 1; break }
                        let type = event.pointee.type
                        yaml_event_delete(event)
                        events += 1
                        if type == YAML_STREAM_END_EVENT { break }
                    }
                }
                yaml_parser_delete(parser)
            }
            totals.add(bytes: bytes, events: events, failures: failures)
        }
        let elapsed = elapsedSeconds(clock.now - started)
        return Run(seconds: elapsed, cpuSeconds: cpuTime() - cpuBefore, files: files.count, bytes: totals.bytes, events: totals.events, failures: totals.failures)
    }

    private static func cpuTime() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The whole file into `buffer` (grown when needed); its length, or nil when it cannot be read.
    private static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var count = 0
        while true {
            if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return count }
            count += n
        }
    }
}

/// Hands out file indices to the threads, one at a time.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

private final class Totals: @unchecked Sendable {
    private(set) var bytes = 0
    private(set) var events = 0
    private(set) var failures = 0
    private let lock = NSLock()

    func add(bytes: Int, events: Int, failures: Int) {
        lock.lock()
        self.bytes += bytes
        self.events += events
        self.failures += failures
        lock.unlock()
    }
}
