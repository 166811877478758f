import Foundation

/// What the file system says of a file (by `stat`, or `fstat` of one opened): enough to tell
/// the same, unchanged file again. The change time (ctime) is set by the kernel
/// on every write, link or chmod and cannot be set back by a user, so an edit
/// that restores size and modification time is still seen.
struct FileStatus: Sendable, Equatable, CustomStringConvertible {
    var mode: UInt32
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    /// nil when there is nothing at `path`; `following` a symlink to where it lands.
    init?(_ path: String, following: Bool = false) {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        mode = UInt32(info.st_mode)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    var isLink: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFLNK) }

    var description: String { "\(mode):\(device):\(inode):\(size):\(modified):\(changed)" }

    init(mode: UInt32, device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.mode, self.device, self.inode, self.size, self.modified, self.changed) = (mode, device, inode, size, modified, changed)
    }
}
