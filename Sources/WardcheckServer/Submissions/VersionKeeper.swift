import Foundation
import WardcheckCore

/// How the version a submission replaces is kept, so that none is ever lost:
///
/// - **git**: the submissions folder is inside a git work tree (the city's record, which
///   `wardcheck history` and `diff --git` read). Each accepted submission is committed, through
///   the `git` command, with the unit as its author: "Nộp số liệu 20194 (20194-hoa-xuan.yaml)".
///   Only that file is committed; whatever else the work tree holds is left as it is.
/// - **a copy**: elsewhere, the previous file is copied first to `.history/CODE/TIMESTAMP.yaml`
///   in the submissions folder (a hidden folder the audit does not read).
/// Why a submission could not be saved with its record, in words.
struct KeepFailure: Error, Sendable {
    var message: Localized
}

enum VersionKeeper: Sendable {
    case git(GitProcess)
    case copies(folder: String)
    /// The folder is in a git repository that git will not use (another user's, "dubious
    /// ownership"; a broken one; git missing): the server must not start and quietly keep copies
    /// where the city expects commits.
    case unusable(repository: String, why: Localized)

    static func `for`(folder: String) -> VersionKeeper {
        let existing = nearestFolder(folder)
        // Decided by the `.git` on disk first: with none, copies; with one, git must confirm the
        // work tree, and anything else it says (or an answer that is not "true") stops the server
        // rather than quietly keeping copies where the city expects commits.
        guard let repository = repository(around: existing) else {
            return .copies(folder: (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/.history")
        }
        do {
            let answer = try GitProcess(folder: existing).text(["rev-parse", "--is-inside-work-tree"]).trimmingCharacters(in: .whitespacesAndNewlines)
            if answer == "true" { return .git(GitProcess(folder: folder)) }
            return .unusable(repository: repository, why: Localized(
                vi: "git không xác nhận thư mục nằm trong kho (trả lời «\(answer)»)", en: "git does not confirm the folder is in a work tree (it answered «\(answer)»)"))
        } catch let failure as GitProcess.Failure {
            return .unusable(repository: repository, why: failure.message)
        } catch {
            return .unusable(repository: repository, why: Localized(error.localizedDescription))
        }
    }

    /// The folder, or its nearest ancestor that exists (a submissions folder not made yet).
    private static func nearestFolder(_ folder: String) -> String {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        while !(FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.path
    }

    /// The folder holding `.git` at or above `folder`, if any.
    private static func repository(around folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            if url.path == "/" { return nil }
            url.deleteLastPathComponent()
        }
    }

    var description: Localized {
        switch self {
        case .git: return Localized(vi: "mỗi lần nộp là một commit git", en: "each submission is a git commit")
        case .copies(let folder): return Localized(vi: "bản trước được giữ trong \(folder)", en: "previous versions are kept in \(folder)")
        case .unusable(let repository, _): return Localized(vi: "git không dùng được kho \(repository)", en: "git cannot use the repository \(repository)")
        }
    }

    /// Why submissions cannot be kept, for the server to say at start and refuse to run.
    var problem: Localized? {
        guard case .unusable(let repository, let why) = self else { return nil }
        return Localized(vi: "thư mục nộp nằm trong kho git \(repository) nhưng git không dùng được kho này, nên không lần nộp nào được ghi lại: ",
                         en: "the submissions folder is in the git repository \(repository), which git cannot use, so no submission could be recorded: ")
            + why
            + Localized(vi: "\nSửa kho, hoặc chạy máy chủ bằng người dùng sở hữu kho.", en: "\nRepair the repository, or run the server as the user who owns it.")
    }

    /// Before the new file is written: the previous one copied aside (copies), or nothing (git
    /// keeps it in its history). Returns the kept copy's path.
    func beforeWriting(_ target: String, previous: Data?, code: String) throws -> String? {
        if let problem { throw KeepFailure(message: problem) }
        guard case .copies(let history) = self, let previous else { return nil }
        let folder = history + "/" + code
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw KeepFailure(message: Localized(vi: "không tạo được thư mục \(folder)", en: "cannot create \(folder)"))
        }
        // A timestamp to the millisecond, and a counter if two land in the same one.
        let stamp = Self.stamp(Date())
        var path = folder + "/" + stamp + ".yaml"
        var n = 1
        while FileManager.default.fileExists(atPath: path) {
            n += 1
            path = folder + "/" + stamp + "-\(n).yaml"
        }
        do {
            try AtomicFile.write(previous, to: path)
        } catch {
            throw KeepFailure(message: error.message)
        }
        return path
    }

    /// After the new file is written: the commit that records it (git), or nil (copies).
    func afterWriting(_ target: String, code: String, client: String) throws -> String? {
        guard case .git(let git) = self else { return nil }
        do {
            _ = try git.run(["add", "--", target])
            // The same file again: nothing to record, and nothing lost.
            if git.succeeds(["diff", "--cached", "--quiet", "--", target]) { return try? git.text(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) }
            let name = URL(fileURLWithPath: target).lastPathComponent
            _ = try git.run(["-c", "user.name=wardcheck serve", "-c", "user.email=wardcheck@localhost", "-c", "commit.gpgsign=false",
                             "commit", "--quiet", "--no-verify", "--only",
                             "--author", "Đơn vị \(code) <\(code)@wardcheck.invalid>",
                             "-m", "Nộp số liệu \(code) (\(name))\n\nqua wardcheck serve, từ \(client)",
                             "--", target])
            return try git.text(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let failure as GitProcess.Failure {
            // Leave the index as it was before `add`.
            _ = try? git.run(["reset", "--quiet", "--", target])
            throw KeepFailure(message: Localized(vi: "git không ghi được lần nộp: ", en: "git could not record the submission: ") + failure.message)
        }
    }

    /// A kept copy that is no longer needed, because the submission did not land.
    func forget(_ kept: String?) {
        if let kept { unlink(kept) }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.string(from: date)
    }
}
