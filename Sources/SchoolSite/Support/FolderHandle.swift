import Foundation

/// An open folder, to look up what is below it by relative path: the kernel
/// then walks just that path, not the folder's own from `/` again (a rebuild
/// asks after every post's files and every output file, ~40 % dearer by the
/// full path). The handle stays with the folder it opened even if that is
/// moved, so open one just before the look-ups it serves.
final class FolderHandle: Sendable {
    private let descriptor: Int32

    /// nil when `path` is not a folder that can be opened.
    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// What is at `relativePath` ("" for the folder itself), as `FileStatus(_:following:)` tells of a full path.
    func status(of relativePath: String, following: Bool = false) -> FileStatus? {
        var info = stat()
        let found = relativePath.isEmpty ? fstat(descriptor, &info) : fstatat(descriptor, relativePath, &info, following ? 0 : AT_SYMLINK_NOFOLLOW)
        guard found == 0 else { return nil }
        return FileStatus(info)
    }

    /// The folder at `relativePath`, opened for `readdir`; the caller closes it.
    func openDirectory(_ relativePath: String) -> OpaquePointer? {
        let folder = openat(descriptor, relativePath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        guard let stream = fdopendir(folder) else {
            close(folder)
            return nil
        }
        return stream
    }
}
