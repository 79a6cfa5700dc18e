import Dispatch
import Foundation

/// Runs git itself as a subprocess, never through a shell and never by reading `.git`: the
/// repository format is git's business. Output and error are read at the same time, so neither
/// pipe can fill up and stall git.
public struct GitProcess: Sendable {
    /// Why git could not give an answer, in words for the user.
    public struct Failure: Error, Sendable {
        public var message: Localized
    }

    public let folder: String?
    public let executable: String

    /// `folder`: where git runs (nil: the current folder). `executable`: found through PATH.
    public init(folder: String? = nil, executable: String = "git") {
        self.folder = folder
        self.executable = executable
    }

    /// Runs git and returns its standard output; a non-zero exit becomes a `Failure` carrying git's own words.
    public func run(_ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Paths in output are written raw (no octal quoting), so Vietnamese file names read back as they are.
        process.arguments = [executable, "-c", "core.quotepath=off"] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        var environment = ProcessInfo.processInfo.environment
        // Messages in a fixed language, and no pager or prompt that could wait for a person.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // Input goes through a temporary file, not a pipe: a pipe git closed early would
        // kill this process with SIGPIPE on the next write.
        var inputFile: URL?
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        if let input {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-git-\(UUID().uuidString)")
            do {
                try input.write(to: url)
            } catch {
                throw Failure(message: Localized(vi: "không ghi được tệp tạm: \(error.localizedDescription)",
                                                 en: "cannot write a temporary file: \(error.localizedDescription)"))
            }
            inputFile = url
            process.standardInput = try? FileHandle(forReadingFrom: url)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        // Foundation's waitUntilExit polls every 50 ms on Linux; a history runs git a few times per
        // reading, so the exit is waited for through the termination handler instead.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(message: Localized(vi: "không chạy được git: \(error.localizedDescription)",
                                             en: "cannot run git: \(error.localizedDescription)"))
        }
        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        // The handler may run before the exit status is stored; this returns at once when it is,
        // and otherwise keeps a failing git from reading as a success with no output.
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: errorBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let said = text.isEmpty ? "git \(arguments.joined(separator: " ")): exit \(process.terminationStatus)" : text
            throw Failure(message: Localized(said))
        }
        return output
    }

    /// Standard output as text.
    public func text(_ arguments: [String]) throws -> String {
        String(decoding: try run(arguments), as: UTF8.self)
    }

    /// Whether git succeeds, for questions such as "does this path exist at this revision".
    public func succeeds(_ arguments: [String]) -> Bool {
        (try? run(arguments)) != nil
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
