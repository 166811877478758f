import Crypto
import Foundation

/// A digest of a post folder's files as the file system describes them
/// (name, type, inode, size, modification and change times), taken without
/// reading any file, so a rebuild can tell an unchanged post in microseconds.
///
/// The change time (ctime) is set by the kernel on every write and cannot be
/// set back by a user, so an edit that restores the modification time is still
/// seen. The fingerprint is taken before the post is read: a file changed while
/// it is read gives a fingerprint that the next build no longer matches.
enum FolderFingerprint {
    /// nil when the folder cannot be fingerprinted safely: it is a link, holds
    /// a subfolder (an image in it could change without the folder showing it),
    /// or cannot be listed. Such a post is always read and checked again.
    static func of(_ folder: String, in site: SiteDirectory) -> String? {
        let path = site.url(folder).path
        guard let own = status(path, following: false), own.st_mode & S_IFMT == S_IFDIR else { return nil }
        var hasher = SHA256()
        add(own, to: &hasher)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        for name in names.sorted() {
            guard let entry = status("\(path)/\(name)", following: false) else { return nil }
            hasher.update(data: Data(name.utf8) + [0])
            add(entry, to: &hasher)
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                return nil
            case S_IFLNK:
                // Where the link lands, as the build would read it.
                if let target = status("\(path)/\(name)", following: true) {
                    guard target.st_mode & S_IFMT != S_IFDIR else { return nil }
                    add(target, to: &hasher)
                } else {
                    hasher.update(data: Data("dangling".utf8))
                }
            default:
                break
            }
        }
        return hasher.finalize().hexString
    }

    private static func status(_ path: String, following: Bool) -> stat? {
        var info = stat()
        return (following ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
    }

    private static func add(_ info: stat, to hasher: inout SHA256) {
        let fields: [Int64] = [
            Int64(info.st_mode), Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size),
            Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec),
        ]
        fields.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
}
