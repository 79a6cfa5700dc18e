#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the `.yaml`/`.yml` files under a folder with opendir/readdir, and says what it could not
/// read instead of skipping it: a subfolder that cannot be opened, a symbolic link, a pipe or a
/// device with a YAML name. Each of those is a `Skipped` entry, reported and counted like a file
/// that cannot be read.
///
/// Symbolic links are never followed while walking: a link cannot loop the walk, and a ward file
/// submitted as a link to a file elsewhere on the machine (a CI runner's secrets) is not read and
/// quoted in diagnostics. A file named on the command line is the user's choice and is read.
public enum FolderWalk {
    public enum Entry: Sendable, Equatable {
        case file(String)
        case skipped(String, Skipped)

        public var path: String {
            switch self {
            case .file(let path), .skipped(let path, _): return path
            }
        }
    }

    public enum Skipped: Sendable, Equatable {
        case folderUnreadable(reason: String)
        case link
        case notRegular
    }

    public static func isYAMLName(_ name: String) -> Bool {
        // Nearly every name is ASCII: compare its last bytes, ignoring case, without lowercasing it all.
        if let answer = name.utf8.withContiguousStorageIfAvailable(asciiYAMLName), let answer { return answer }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// Whether ASCII bytes end in `.yaml` or `.yml`, any case; nil when the name is not all ASCII.
    private static func asciiYAMLName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func ends(with suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            let tail = bytes[(bytes.count - count)...]
            return zip(tail, UnsafeBufferPointer(start: suffix.utf8Start, count: count)).allSatisfy { byte, expected in
                // `| 0x20` lowers an ASCII letter; the dot is compared as it is.
                (expected == UInt8(ascii: ".") ? byte : byte | 0x20) == expected
            }
        }
        return ends(with: ".yaml") || ends(with: ".yml")
    }

    /// Every YAML file and every skipped path under `folder`, sorted by path.
    public static func yamlFiles(in folder: String) -> [Entry] {
        let base = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var entries: [Entry] = []
        var pending = [base]
        while let current = pending.popLast() {
            guard let directory = opendir(current) else {
                entries.append(.skipped(current, .folderUnreadable(reason: String(cString: strerror(errno)))))
                continue
            }
            while true {
                errno = 0
                guard let entry = readdir(directory) else {
                    if errno != 0 { entries.append(.skipped(current, .folderUnreadable(reason: String(cString: strerror(errno))))) }
                    break
                }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                // Hidden entries are tools' own (`.git`, the submissions' kept versions in `.history`), never ward files.
                if name.hasPrefix(".") { continue }
                // Made at its size: the path is kept for the whole run, and joined with `+` its
                // storage was grown to nearly twice the path's length.
                var path = String()
                path.reserveCapacity(current.utf8.count + 1 + name.utf8.count)
                if current != "/" { path += current }
                path += "/"
                path += name
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    kind = typeOf(info.st_mode)
                }
                switch kind {
                case Int32(DT_DIR):
                    pending.append(path)
                case Int32(DT_REG):
                    if isYAMLName(name) { entries.append(.file(path)) }
                case Int32(DT_LNK):
                    // Only links that would matter are reported: to a folder, or with a YAML name.
                    var info = stat()
                    let isFolder = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                    if isFolder || isYAMLName(name) { entries.append(.skipped(path, .link)) }
                default:
                    if isYAMLName(name) { entries.append(.skipped(path, .notRegular)) }
                }
            }
            closedir(directory)
        }
        return sortedByPath(entries)
    }

    /// Entries in the order `String`'s `<` puts their paths. Nearly every path is ASCII, and for
    /// two ASCII paths that order is their bytes' (a shorter prefix first), compared in one call:
    /// a country's 3,321 paths sorted through `String`'s Unicode-aware comparison took 36 M
    /// instructions, before any unit could be judged.
    static func sortedByPath(_ entries: [Entry]) -> [Entry] {
        var keyed = entries.map { entry -> (entry: Entry, path: String, ascii: Bool) in
            let path = entry.path
            return (entry, path, path.utf8.allSatisfy { $0 < 0x80 })
        }
        keyed.sort { a, b in
            if a.ascii, b.ascii, let less = asciiLess(a.path, b.path) { return less }
            return a.path < b.path
        }
        return keyed.map(\.entry)
    }

    /// `a < b` on the bytes of two ASCII strings; nil when either's bytes are not in one piece.
    private static func asciiLess(_ a: String, _ b: String) -> Bool? {
        a.utf8.withContiguousStorageIfAvailable { x -> Bool? in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        } ?? nil
    }

    /// What a path met outside a walk (a file git lists as changed) would be skipped as, if anything.
    public static func skipped(_ path: String) -> Skipped? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // missing: reported when it is read
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .link
        case S_IFREG: return nil
        case S_IFDIR: return nil
        default: return .notRegular
        }
    }

    private static func typeOf(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_FIFO)
        }
    }
}

extension FolderWalk.Skipped {
    /// What a user is told about the skipped path, and what to do.
    public var message: (Localized, Localized) {
        switch self {
        case .folderUnreadable(let reason):
            return (Localized(vi: "không đọc được thư mục: \(reason); các tệp trong đó chưa được kiểm tra",
                              en: "cannot read the folder: \(reason); the files in it are not checked"),
                    Localized(vi: "cấp quyền đọc thư mục, hoặc bỏ nó ra khỏi thư mục hồ sơ",
                              en: "make the folder readable, or move it out of the ward folder"))
        case .link:
            return (Localized(vi: "liên kết tượng trưng, không được theo khi duyệt thư mục",
                              en: "a symbolic link, not followed while walking a folder"),
                    Localized(vi: "đặt chính tệp vào thư mục, hoặc ghi tên tệp trong lệnh nếu cần kiểm tra",
                              en: "put the file itself in the folder, or name it on the command line to check it"))
        case .notRegular:
            return (Localized(vi: "không phải tệp thường (ống, thiết bị hay socket), không đọc",
                              en: "not a regular file (a pipe, a device or a socket), not read"),
                    Localized(vi: "xoá nó khỏi thư mục hồ sơ", en: "remove it from the ward folder"))
        }
    }
}
