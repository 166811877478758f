import Foundation

/// The posts that the site's output folder shows as they are now: the last build
/// published them (its build cache says so, whatever has changed since in the
/// settings, the register or the theme), their files there are still as it
/// wrote them, and their folders are as they were then. `status` tells these,
/// published, from posts due but not built yet, approved.
///
/// A post the cache cannot hold (one whose folder has a subfolder) is never
/// among them, nor one whose output file was changed since the build (even by
/// `touch`). Without the cache (deleted, or no build yet) none is.
enum LivePosts {
    /// - Parameters:
    ///   - cache: the build cache beside `output`, read under any key.
    ///   - evaluation: the site reviewed; a post's fingerprint it took is not taken again.
    static func slugs(of site: Site, output: URL, cache: BuildCache?, evaluation: Evaluation) -> Set<String> {
        guard let cache else { return [] }
        let taken = Dictionary(evaluation.posts.compactMap { evaluated in evaluated.fingerprint.map { (evaluated.post.slug, $0) } },
                               uniquingKeysWith: { first, _ in first })
        let built = cache.intact(in: output).filter { $0.value.state == .published }
        let live = Array(built).parallelMap { slug, entry -> String? in
            let fingerprint = taken[slug] ?? fingerprint(of: slug, in: site, known: entry.folderNames)
            return fingerprint == entry.fingerprint ? slug : nil
        }
        return Set(live.compactMap { $0 })
    }

    /// With the folder's entries as the build found them: the digest covers the
    /// folder's own status, so it differs if they changed.
    private static func fingerprint(of slug: String, in site: Site, known: [String]?) -> String? {
        let folder = PostFolder(slug, in: site.directory)
        guard let handle = folder.handle, let approval = folder.approval else { return nil }
        return FolderFingerprint(of: handle, approval: approval, known: known)?.digest
    }
}
