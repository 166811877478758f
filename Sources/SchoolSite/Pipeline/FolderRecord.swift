import Crypto
import Foundation

/// The output folder and every folder in it that holds the site's files, by
/// their file system data, as one digest: adding, removing or renaming an entry
/// changes its folder's change time, which cannot be set back, so an equal
/// digest shows the output holds no more than the build left, without listing
/// 10,000 folders.
///
/// An entry added in the same tick of the clock as the build's own last change
/// to a folder's entries (file systems keep times as coarsely as 2 s) would
/// leave both of its times as they were, so a folder whose entries changed
/// that shortly before the record is listed instead, every time. (Only the
/// modification time counts: an entry added later moves it, even when the
/// change time, set by the swap's rename, stays within one tick.)
struct FolderRecord: Codable, Sendable, Equatable {
    var digest: String
    /// Folders ("" for the output folder) whose entries changed within a `ClockTick` of the record.
    var recent: [String]

    init?(of files: [String], in output: String) {
        // The clock first: a folder changed while the statuses are taken counts as recent.
        let since = ClockTick.recentSince()
        let folders = [""] + OutputPaths.folders(of: files).sorted()
        let statuses = folders.parallelMap { FileStatus($0.isEmpty ? output : "\(output)/\($0)") }
        var hasher = SHA256()
        recent = []
        for (folder, status) in zip(folders, statuses) {
            guard let status, status.isDirectory else { return nil }
            hasher.update(folder)
            hasher.update(status)
            if status.modified >= since { recent.append(folder) }
        }
        digest = hasher.finalize().hexString
    }
}
