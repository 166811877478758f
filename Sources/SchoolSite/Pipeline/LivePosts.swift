/// The posts that the site's output folder shows as they are now: the last build
/// published them (its build cache says so, whatever has changed since in the
/// settings, the register or the theme), their files there are still as it
/// wrote them, and their folders are as they were then. `status` tells these,
/// published, from posts due but not built yet, approved.
///
/// A post the cache cannot hold (one whose folder has a subfolder) is never
/// among them, nor one whose output file was changed since the build (even by
/// `touch`). Without the cache (deleted, or no build yet) none is.
public enum LivePosts {
    /// - Parameter outputPath: the output folder, as `build --output` takes it (default `output/` in the site).
    public static func slugs(of site: Site, output outputPath: String? = nil) -> Set<String> {
        let output = SiteBuild.outputFolder(of: site.directory, given: outputPath)
        guard let cache = BuildCache.load(for: output, key: nil) else { return [] }
        let built = cache.intact(in: output).filter { $0.value.state == .published }
        let live = Array(built).parallelMap { slug, entry -> String? in
            let folder = PostLoader.folder(of: slug)
            // The folder's entries as the build found them: the digest covers the folder's own status, so it differs if they changed.
            guard let approval = FileStatus(site.directory.path("\(folder)/\(PostLoader.approvalFile)")),
                  FolderFingerprint(of: folder, in: site.directory, approval: approval, known: entry.folderNames)?.digest == entry.fingerprint else { return nil }
            return slug
        }
        return Set(live.compactMap { $0 })
    }
}
