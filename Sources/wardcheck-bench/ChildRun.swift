#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One run of a program in a fresh child, measured alone: wall time from spawn to exit, and peak
/// memory from `wait4`, which returns the rusage of exactly the child it reaps. That is what
/// `getrusage(RUSAGE_CHILDREN)` cannot give: its `ru_maxrss` is the maximum over every child
/// reaped so far, so a small run measured after a big one would report the big one's peak.
/// wardcheck starts no processes of its own, so the child's figure is the whole run's.
struct ChildRun {
    var seconds: Double
    /// User and system CPU time: steadier than wall time when other work shares the cores.
    var cpuSeconds: Double
    var peakKiB: Int
    /// A shell-style status: the exit code, or 128 + the signal that ended it.
    var status: Int32

    /// Every run sees the same "today" and no colour, so two builds given the same inputs print the same bytes.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["WARDCHECK_TODAY"] = "2026-11-29"
        return environment
    }()

    /// Runs `binary arguments`, standard output and error to the files named (or /dev/null).
    static func run(_ binary: String, _ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null",
                    adding added: [String: String] = [:]) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let envp = environment.merging(added) { _, new in new }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }

        var pid = pid_t()
        let clock = ContinuousClock()
        let started = clock.now
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot run \(binary): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError("wait4: \(String(cString: strerror(errno)))") }
        }
        let elapsed = elapsedSeconds(clock.now - started)
        // Linux reports ru_maxrss in KiB (macOS in bytes).
        #if os(macOS)
        let peak = Int(usage.ru_maxrss) / 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildRun(seconds: elapsed, cpuSeconds: cpu, peakKiB: peak, status: code)
    }
}

func elapsedSeconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
