import ArgumentParser
import Foundation
import WardcheckCore

/// `--changed-since REV`: only the ward files that differ between REV and the working tree,
/// as `git diff REV` sees them. In CI the working tree is the pull request's head, so
/// `--changed-since origin/main` checks what the pull request changes. Untracked files are not
/// included: `git add` a new file first (a pre-commit hook sees staged files anyway).
struct ChangedSinceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Chỉ kiểm tra tệp .yaml/.yml đã thêm hoặc sửa giữa REV của git và cây làm việc / only the .yaml/.yml files added or modified between git REV and the working tree.",
        valueName: "REV"))
    var changedSince: String?

    /// The files to check: the command line expanded as usual, or with `--changed-since` the
    /// changed ward files under it (default `.`). Deleted files are listed on stderr; when
    /// nothing changed, says so. A git failure stops the run with exit 2.
    func files(_ inputs: [String], language: Language) throws -> [WardInput] {
        guard let changedSince else {
            let expanded = WardFiles.expand(inputs)
            try WardFiles.requireSome(expanded, inputs, language)
            return expanded
        }
        let vi = language == .vi
        let changes: ChangedFiles
        do {
            changes = try ChangedFiles.since(changedSince, under: inputs.isEmpty ? ["."] : inputs)
        } catch let failure as ChangedFiles.Failure {
            printError("wardcheck: --changed-since \(shown(changedSince)): "
                + failure.message.text(language))
            throw ExitCode(ExitStatus.invalidInput)
        }
        for path in changes.deleted {
            printError(vi ? "đã xoá, không kiểm tra: \(shown(path))" : "deleted, not checked: \(shown(path))")
        }
        if changes.checked.isEmpty {
            printError(vi ? "wardcheck: không có tệp .yaml/.yml nào được thêm hoặc sửa so với \(shown(changedSince))"
                          : "wardcheck: no .yaml/.yml file added or modified since \(shown(changedSince))")
        }
        // Git lists what the pull request changed, links included: walked, not named, so not followed.
        return changes.checked.map { path in
            FolderWalk.skipped(path).map { WardInput(.skipped(path, $0)) } ?? WardInput(file: path)
        }
    }
}

/// The ward files `git diff --name-status --no-renames REV -- PATHS` reports.
struct ChangedFiles: Equatable {
    /// Added, modified or otherwise still present: these are checked.
    var checked: [String] = []
    var deleted: [String] = []

    struct Failure: Error {
        var message: Localized
    }

    static func since(_ revision: String, under paths: [String], git: String = "git") throws -> ChangedFiles {
        guard !revision.hasPrefix("-") else { throw Failure(message: Localized(vi: "`\(shown(revision))` không phải một phiên bản (revision)", en: "`\(shown(revision))` is not a revision")) }
        // Paths come back relative to the repository root; the prefix turns them back into
        // paths relative to where wardcheck runs, as the user typed them.
        let prefix = try run(git, ["rev-parse", "--show-prefix"]).trimmingCharacters(in: .newlines)
        let root = try run(git, ["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines)
        do {
            _ = try run(git, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
        } catch {
            throw Failure(message: Localized(
                vi: "không có commit `\(shown(revision))` trong kho này (lấy về trước, ví dụ git fetch origin; trong CI dùng checkout với fetch-depth: 0)",
                en: "`\(shown(revision))` is not a commit in this repository (fetch it first, e.g. git fetch origin; in CI check out with fetch-depth: 0)"))
        }
        let output = try run(git, ["-c", "core.quotepath=off", "--literal-pathspecs", "diff", "--name-status", "--no-renames", "-z",
                                   revision, "--"] + paths)
        var changes = ChangedFiles()
        var fields = output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init).makeIterator()
        while let status = fields.next(), let name = fields.next() {
            let lowered = name.lowercased()
            guard FolderWalk.isYAMLName(lowered),
                  !CityRun.companionNames.contains(URL(fileURLWithPath: name).lastPathComponent) else { continue }
            let path = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : root + "/" + name
            if status.hasPrefix("D") {
                changes.deleted.append(path)
            } else {
                changes.checked.append(path)
            }
        }
        changes.checked.sort()
        changes.deleted.sort()
        return changes
    }

    /// Runs git with the arguments given, never through a shell; its stderr becomes the failure.
    private static func run(_ git: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Failure(message: Localized(vi: "không chạy được git: \(error.localizedDescription)", en: "cannot run git: \(error.localizedDescription)"))
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: Localized(text.isEmpty ? "git \(arguments.joined(separator: " ")): exit \(process.terminationStatus)" : text))
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}
