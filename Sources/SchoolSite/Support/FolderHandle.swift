import CFileSystem
import Foundation

/// An open folder, to look up what is below it by relative path: the kernel
/// then walks just that path, not the folder's own from `/` again (a rebuild
/// asks after every post's files and every output file, ~40 % dearer by the
/// full path). The handle stays with the folder it opened even if that is
/// moved, so open one just before the look-ups it serves.
final class FolderHandle: Sendable {
    /// For `openat` and `fstatat` (an O_PATH descriptor: it serves look-ups only).
    let descriptor: Int32

    /// nil when `path` is not a folder; not `following`, also when it is a link to one.
    /// - Parameter parent: where a relative `path` is looked up from; nil for the working folder.
    init?(_ path: String, in parent: FolderHandle? = nil, following: Bool = true) {
        let descriptor = schoolsite_open_folder(parent?.descriptor ?? AT_FDCWD, path, following ? 1 : 0)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The folder's own status.
    var status: FileStatus? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    /// What is at `relativePath`, as `FileStatus(_:following:)` tells of a full path.
    /// nil for a path from `/`, which the look-up would take outside the folder.
    func status(of relativePath: String, following: Bool = false) -> FileStatus? {
        guard relativePath.utf8.first != UInt8(ascii: "/") else { return nil }
        var info = stat()
        guard fstatat(descriptor, relativePath, &info, following ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStatus(info)
    }

    /// The folder itself opened for `readdir`; the caller closes it.
    func openForListing() -> OpaquePointer? {
        let folder = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        guard let stream = fdopendir(folder) else {
            close(folder)
            return nil
        }
        return stream
    }
}
