import Foundation
import WardcheckCore

/// The criteria loaded on the second core while the first parses the command line: for a
/// `check` of one file, the two together were most of the time a ward office waits. The folder
/// is guessed from the arguments as `--criteria` resolves it; `Session` takes the result only
/// for the folder the parsed options name, and loads any other folder itself, so a wrong guess
/// costs a little work on the other core and changes nothing.
enum CriteriaPrefetch {
    /// The commands that load criteria first thing.
    private static let commands: Set<String> = ["check", "validate", "explain", "verify", "criteria", "init", "audit", "diff", "history", "schema"]

    private final class Slot: @unchecked Sendable {
        let condition = NSCondition()
        var folder: String?
        /// Set by whichever side takes the loading first: the second thread when it starts, or the
        /// first when it needs the criteria before the second thread has started (or never will:
        /// a process out of threads), so nobody waits for work no one is doing.
        var taken = false
        var result: (CriteriaSet?, [Diagnostic])?
    }

    private static let slot = Slot()

    /// The commands that run or count the criteria's examples, which the compiled cache leaves out.
    private static let needExamples: Set<String> = ["verify", "criteria"]

    /// Every other command reads the criteria through the compiled cache (`CompiledCache`): the
    /// YAML is read once per change of the criteria, not once per run. A city's roster goes
    /// through the same cache.
    static let cache: CompiledCache? = {
        let arguments = CommandLine.arguments
        guard arguments.count > 1, !needExamples.contains(arguments[1]) else { return nil }
        return CompiledCache.standard()
    }()

    static func start(_ arguments: [String]) {
        guard arguments.count > 1, commands.contains(arguments[1]) else { return }
        var flag: String?
        for (i, argument) in arguments.enumerated() {
            if argument == "--criteria", i + 1 < arguments.count { flag = arguments[i + 1]; break }
            if argument.hasPrefix("--criteria=") { flag = String(argument.dropFirst("--criteria=".count)); break }
            if argument == "--" { break }
        }
        guard let folder = CriteriaLocation.resolve(flag: flag) else { return }
        slot.condition.lock()
        slot.folder = folder
        slot.condition.unlock()
        Thread.detachNewThread {
            slot.condition.lock()
            let mine = !slot.taken && slot.folder == folder
            slot.taken = true
            slot.condition.unlock()
            guard mine else { return }
            let loaded = CriteriaSet.load(folder: folder, cache: cache)
            slot.condition.lock()
            slot.result = loaded
            slot.condition.broadcast()
            slot.condition.unlock()
        }
    }

    /// The criteria of `folder`: the prefetched ones when that is the folder guessed, else loaded now.
    static func load(folder: String) -> (CriteriaSet?, [Diagnostic]) {
        slot.condition.lock()
        guard slot.folder == folder, slot.taken else {
            // Another folder, or the second thread has not started: load here, and it never will.
            slot.taken = true
            slot.folder = nil
            slot.condition.unlock()
            return CriteriaSet.load(folder: folder, cache: cache)
        }
        while slot.result == nil { slot.condition.wait() }
        let result = slot.result!
        slot.folder = nil
        slot.result = nil
        slot.condition.unlock()
        return result
    }
}
