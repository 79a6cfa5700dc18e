import Foundation

/// The wards folder as git remembers it: which commits changed it, and its files at any revision.
/// Everything is asked of git itself (`log`, `rev-parse`, `ls-tree`, `cat-file`); nothing here
/// reads `.git`, and nothing changes the repository, its index or its working tree.
public struct WardsRepository: Sendable {
    /// A commit on the main line of history and the day git records it was committed, in the
    /// committer's own time zone (the day the office saw on its calendar).
    public struct Commit: Sendable, Equatable {
        public var id: String
        public var day: Day

        public init(id: String, day: Day) {
            self.id = id
            self.day = day
        }

        public var short: String { String(id.prefix(7)) }
    }

    public let git: GitProcess
    /// The wards folder relative to the repository root ("" for the root itself).
    public let path: String
    /// The folder as the user named it, for messages and file labels.
    public let shownPath: String

    /// Finds the repository that holds `path` (a folder, relative to the current folder or absolute).
    public init(path: String, executable: String = "git") throws {
        let here = GitProcess(executable: executable)
        let top: String
        do {
            top = try here.text(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines)
        } catch let failure as GitProcess.Failure {
            throw GitProcess.Failure(message: Localized(
                vi: "thư mục hiện tại không nằm trong một kho git (\(failure.message.vi))",
                en: "the current folder is not inside a git repository (\(failure.message.en))"))
        }
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let relative: String
        if absolute == root {
            relative = ""
        } else if absolute.hasPrefix(root + "/") {
            relative = String(absolute.dropFirst(root.count + 1))
        } else {
            throw GitProcess.Failure(message: Localized(vi: "\(path) nằm ngoài kho git \(root)", en: "\(path) is outside the git repository \(root)"))
        }
        self.git = GitProcess(folder: root, executable: executable)
        self.path = relative
        self.shownPath = path
    }

    /// A revision as a commit, or a failure that says how to get it.
    public func commit(_ revision: String) throws -> Commit {
        try Self.refuseOption(revision)
        let line: String
        do {
            line = try git.text(["log", "-1", "--format=%H %cs", revision + "^{commit}", "--"])
        } catch {
            throw GitProcess.Failure(message: Localized(
                vi: "không có commit `\(revision)` trong kho này (lấy về trước, ví dụ git fetch origin)",
                en: "`\(revision)` is not a commit in this repository (fetch it first, e.g. git fetch origin)"))
        }
        guard let commit = Self.parseCommit(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw GitProcess.Failure(message: Localized("git log: \(line)"))
        }
        return commit
    }

    /// The main-line commits up to `revision` that changed the wards folder, newest first. Side
    /// branches are left out (`--first-parent`): the folder's state at a merge is what counted.
    public func commits(upTo revision: String) throws -> [Commit] {
        try Self.refuseOption(revision)
        _ = try commit(revision)
        var arguments = ["--literal-pathspecs", "log", "--first-parent", "--format=%H %cs", revision, "--"]
        if !path.isEmpty { arguments.append(path) }
        return try git.text(arguments).split(separator: "\n").compactMap { Self.parseCommit(String($0)) }
    }

    /// The id of the wards folder's tree at a commit; nil when the folder did not exist there.
    public func tree(at commit: String) throws -> String? {
        if path.isEmpty {
            return try git.text(["rev-parse", "--verify", "--quiet", commit + "^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // One entry, "<mode> <type> <id>\t<path>", or nothing when the path is absent there.
        let entry = try git.text(["--literal-pathspecs", "ls-tree", commit, "--", path]).split(separator: "\t").first ?? ""
        let fields = entry.split(separator: " ")
        guard fields.count == 3 else { return nil }
        guard fields[1] == "tree" else {
            throw GitProcess.Failure(message: Localized(vi: "\(shownPath) ở \(commit.prefix(7)) không phải thư mục", en: "\(shownPath) at \(commit.prefix(7)) is not a folder"))
        }
        return String(fields[2])
    }

    /// Writes the YAML files of a tree under `folder`, as they were committed, and returns their
    /// paths relative to it. Symbolic links and submodules are skipped: a link could point
    /// anywhere, and only committed text is audited.
    @discardableResult
    public func export(tree: String, to folder: String) throws -> [String] {
        let listing = try git.run(["ls-tree", "-r", "-z", tree])
        var files: [(object: String, path: String)] = []
        for record in listing.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let head = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let name = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            guard head.count == 3, head[1] == "blob", head[0] != "120000" else { continue }
            let lowered = name.lowercased()
            guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { continue }
            guard !name.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { continue }
            files.append((String(head[2]), name))
        }
        guard !files.isEmpty else { return [] }
        let request = Data(files.map { $0.object + "\n" }.joined().utf8)
        let contents = try git.run(["cat-file", "--batch", "--buffer"], input: request)
        var folders: Set<String> = []
        var cursor = contents.startIndex
        for file in files {
            // "<object> <type> <size>\n<bytes>\n"
            guard let newline = contents[cursor...].firstIndex(of: 0x0A) else { throw truncated() }
            let header = String(decoding: contents[cursor..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == file.object, let size = Int(header[2]) else { throw truncated() }
            let start = contents.index(after: newline)
            guard contents.distance(from: start, to: contents.endIndex) >= size + 1 else { throw truncated() }
            let end = contents.index(start, offsetBy: size)
            let parent = (file.path as NSString).deletingLastPathComponent
            if !parent.isEmpty, folders.insert(parent).inserted {
                try FileManager.default.createDirectory(atPath: folder + "/" + parent, withIntermediateDirectories: true)
            }
            try Self.write(contents[start..<end], to: folder + "/" + file.path)
            cursor = contents.index(after: end)
        }
        return files.map(\.path)
    }

    /// A plain write of bytes to a new file: Foundation's writers cost more than the audit here.
    private static func write(_ bytes: Data.SubSequence, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw GitProcess.Failure(message: Localized(vi: "không ghi được \(path)", en: "cannot write \(path)")) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw GitProcess.Failure(message: Localized(vi: "không ghi được \(path)", en: "cannot write \(path)")) }
                offset += written
            }
        }
    }

    private func truncated() -> GitProcess.Failure {
        GitProcess.Failure(message: Localized(vi: "git cat-file trả về dữ liệu không đầy đủ", en: "git cat-file returned incomplete data"))
    }

    /// A revision that starts with `-` would be read by git as an option.
    private static func refuseOption(_ revision: String) throws {
        if revision.hasPrefix("-") || revision.isEmpty {
            throw GitProcess.Failure(message: Localized(vi: "`\(revision)` không phải một phiên bản (revision)", en: "`\(revision)` is not a revision"))
        }
    }

    private static func parseCommit(_ line: String) -> Commit? {
        let parts = line.split(separator: " ")
        guard parts.count == 2, parts[0].count >= 40, let day = Day(iso: String(parts[1])) else { return nil }
        return Commit(id: String(parts[0]), day: day)
    }
}
