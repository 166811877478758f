import Crypto
import Foundation

/// The folders of a tree (the output, or the spare beside it) by their file
/// system data, as one digest: adding, removing or renaming an entry changes
/// its folder's change time, which cannot be set back, so an equal digest shows
/// every folder holds what it held, without listing 10,000 folders.
///
/// The tree's own folder is left out and always listed: moving the tree (the
/// swap, the spare's rename) changes its times. An entry added in the same tick
/// of the clock as a folder's last recorded change would leave both of its
/// times as they were, so a folder whose entries changed at or after `since`
/// (a tick before the build began changing the trees) is listed instead, every
/// time. (Only the modification time counts: an entry added later moves it,
/// even when the change time, set by a rename, stays within one tick.)
struct FolderRecord: Sendable, Equatable {
    var digest: String
    /// Folders whose entries changed at or after `since`.
    var recent: [String]

    /// - Parameter since: nanoseconds since 1970 (`ClockTick.recentSince()`).
    init(_ snapshot: FolderSnapshot, since: Int64) {
        digest = Self.digest(snapshot)
        recent = zip(snapshot.folders, snapshot.statuses).filter { $0.1.modified >= since }.map(\.0)
    }

    /// As the record's file holds it.
    init(digest: String, recent: [String]) {
        (self.digest, self.recent) = (digest, recent)
    }

    /// The tree at `root` as it is now, if it still holds exactly `files` and
    /// `sortedFolders` (those it was recorded with): every folder as recorded, with
    /// the permissions `folderMode`, and the tree's own folder and each recent
    /// one listed to the expected names.
    /// - Parameter sortedFolders: `folders`, sorted.
    func check(files: [String], sortedFolders folders: [String], in root: String, folderMode: UInt32) -> FolderSnapshot? {
        guard let snapshot = FolderSnapshot(sorted: folders, in: root), Self.digest(snapshot) == digest,
              snapshot.statuses.allSatisfy({ $0.mode & 0o777 == folderMode & 0o777 }) else { return nil }
        let listed = [""] + recent
        let expected = OutputPaths.children(of: listed, files: files, folders: folders)
        let same = Array(zip(listed, expected)).parallelMap { folder, names in
            DirectoryListing.tally(in: folder.isEmpty ? root : "\(root)/\(folder)") == names
        }
        return same.allSatisfy { $0 } ? snapshot : nil
    }

    private static func digest(_ snapshot: FolderSnapshot) -> String {
        var hasher = SHA256()
        for (folder, status) in zip(snapshot.folders, snapshot.statuses) {
            hasher.update(folder)
            hasher.update(status)
        }
        return hasher.finalize().hexString
    }
}
