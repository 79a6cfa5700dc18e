import Foundation

/// What a cache needs to know that a file changed: its inode, size and modification time.
/// A file rewritten atomically (a new inode) or edited in place (a new time or size) both differ.
struct FileStamp: Hashable, Sendable {
    var path: String
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    /// nil when the file does not exist or cannot be read: that too is a change worth noticing.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(path: path, inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}

/// The facts files of a city's folder, as `wardcheck audit DIR` reads them: every *.yaml and
/// *.yml below it, in a stable order, without the audit's companion files.
enum WardFolder {
    static let companions: Set<String> = ["roster.yaml", "waivers.yaml"]

    static func facts(in folder: String, excluding: Set<String>) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let lowered = relative.lowercased()
            guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { continue }
            let path = base + "/" + relative
            if companions.contains(URL(fileURLWithPath: relative).lastPathComponent) { continue }
            if excluding.contains(standardised(path)) { continue }
            files.append(path)
        }
        return files.sorted()
    }

    static func standardised(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
