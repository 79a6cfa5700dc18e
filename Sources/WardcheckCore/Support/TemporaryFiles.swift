#if canImport(Glibc)
import Glibc
private let setSignal = Glibc.signal
#elseif canImport(Darwin)
import Darwin
private let setSignal = Darwin.signal
#endif
import Foundation

/// Temporary files that must not outlive the run. A report is written to a temporary file and
/// renamed into place; if the run is interrupted (Ctrl-C, a CI job cancelled: SIGINT, SIGTERM,
/// SIGHUP) in between, a handler removes every registered temporary file and then lets the signal
/// end the process as it would have. A signal the caller chose to ignore stays ignored.
public enum TemporaryFiles {
    private static let capacity = 32
    /// C strings, so the handler can unlink them without allocating: only async-signal-safe calls
    /// (unlink, signal, raise) run in the handler.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// The signals after which no temporary file may remain.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Remembers `path` until `unregister`; returns its slot, or nil when all are taken (the
    /// file is then still removed on every error path, only not on a signal).
    public static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        installHandlers()
        for slot in 0..<capacity where slots[slot] == nil {
            slots[slot] = strdup(path)
            return slot
        }
        return nil
    }

    public static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    /// Removes every registered file now: what the signal handler does before re-raising.
    public static func removeAll() {
        for slot in 0..<capacity {
            if let path = slots[slot] { unlink(path) }
        }
    }

    /// The handler installed for `signals` (for tests: it must be the one in place).
    public static let handler: @convention(c) (Int32) -> Void = { signal in
        TemporaryFiles.removeAll()
        // Restore the default action and raise again, so the exit status says which signal ended the run.
        _ = setSignal(signal, SIG_DFL)
        raise(signal)
    }

    /// Whether `handler` is the action in place for `signal` now.
    public static func isInstalled(for signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        let installed = current.__sigaction_handler.sa_handler
        #else
        let installed = current.__sigaction_u.__sa_handler
        #endif
        guard let installed else { return false }
        return unsafeBitCast(installed, to: Int.self) == unsafeBitCast(handler, to: Int.self)
    }

    private static func isDefault(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let current = action.__sigaction_handler.sa_handler
        #else
        let current = action.__sigaction_u.__sa_handler
        #endif
        guard let current else { return true }  // SIG_DFL is the null handler
        return unsafeBitCast(current, to: Int.self) == 0
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = slots
        // Any exit before a report is committed (a write that failed on another thread, a part
        // that could not be read back) leaves no temporary file: committed files are unregistered.
        atexit { TemporaryFiles.removeAll() }
        for number in signals {
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0 else { continue }
            // SIG_IGN (a job started with nohup, or in the background of a script) stays ignored,
            // and a handler someone else installed stays theirs.
            guard isDefault(current) else { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}
