import Foundation

/// Which file a name leads to: a hard link or a symlink to a file leads to the
/// same device and inode, whatever its name.
public struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
