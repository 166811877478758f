import Crypto
import Foundation

/// A digest of a post folder's files as the file system describes them
/// (`FileStatus` of each, by name), taken without reading any file, so a
/// rebuild can tell an unchanged post in microseconds. It is taken before the
/// post is read: a file changed while it is read gives a fingerprint that the
/// next build no longer matches.
enum FolderFingerprint {
    /// nil when the folder cannot be fingerprinted safely: it is a link, holds
    /// a subfolder (an image in it could change without the folder showing it),
    /// or cannot be listed. Such a post is always read and checked again.
    /// - Parameter approval: the status of the folder's `approval.json`, as the caller just took it.
    static func of(_ folder: String, in site: SiteDirectory, approval: FileStatus) -> String? {
        let path = site.path(folder)
        guard let own = FileStatus(path), own.isDirectory,
              let names = DirectoryListing.names(in: path) else { return nil }
        var described = [own.description]
        for name in names.sorted() {
            guard let entry = name == PostLoader.approvalFile ? approval : FileStatus("\(path)/\(name)"), !entry.isDirectory else { return nil }
            described.append("\(name)\u{0}\(entry)")
            if entry.isLink {
                // Where the link lands, as the build would read it.
                let target = FileStatus("\(path)/\(name)", following: true)
                guard target?.isDirectory != true else { return nil }
                described.append(target?.description ?? "dangling")
            }
        }
        return described.joined(separator: "\n").sha256
    }
}
