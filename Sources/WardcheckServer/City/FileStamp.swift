import Foundation
import WardcheckCore

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
