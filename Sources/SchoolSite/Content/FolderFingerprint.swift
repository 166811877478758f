import Crypto
import Foundation

/// A digest of a post folder's files as the file system describes them
/// (`FileStatus` of each, by name), taken without reading any file, so a
/// rebuild can tell an unchanged post in microseconds. It is taken before the
/// post is read: a file changed while it is read gives a fingerprint that the
/// next build no longer matches.
struct FolderFingerprint: Sendable {
    var digest: String
    /// The folder's entries, sorted, when they had not changed for a `ClockTick`
    /// before the fingerprint: a later fingerprint with the same digest (which
    /// covers the folder's own status) then finds just these, and need not list it.
    var names: [String]?

    /// nil when the folder cannot be fingerprinted safely: it holds a subfolder
    /// (an image in it could change without the folder showing it), or cannot be
    /// listed. Such a post is always read and checked again, as is one whose
    /// folder is a link (which `PostFolder` opens no handle for).
    /// - Parameters:
    ///   - folder: the post's folder (`PostFolder.handle`).
    ///   - approval: the status of the folder's `approval.json`, as the caller just took it.
    ///   - known: `names` of an earlier fingerprint, used instead of listing the folder: the
    ///     digest is then right only if it equals that fingerprint's, which the caller compares.
    init?(of folder: FolderHandle, approval: FileStatus, known: [String]? = nil) {
        let since = ClockTick.recentSince()
        guard let own = folder.status, own.isDirectory else { return nil }
        let names: [String]
        if let known {
            names = known
        } else {
            guard let listed = DirectoryListing.names(in: folder) else { return nil }
            names = listed.sorted()
        }
        var hasher = SHA256()
        hasher.update(own)
        for name in names {
            guard let entry = name == PostLoader.approvalFile ? approval : folder.status(of: name), !entry.isDirectory else { return nil }
            hasher.update(name)
            hasher.update(entry)
            if entry.isLink {
                // Where the link lands, as the build would read it.
                let target = folder.status(of: name, following: true)
                guard target?.isDirectory != true else { return nil }
                if let target { hasher.update(target) } else { hasher.update("dangling") }
            }
        }
        digest = hasher.finalize().hexString
        // Either time: a folder whose modification time was set back still shows a recent change.
        self.names = max(own.modified, own.changed) < since ? names : nil
    }
}
