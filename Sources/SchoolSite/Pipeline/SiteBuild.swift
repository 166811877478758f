import Foundation

/// `schoolsite build`: check every published post as of the build date, and only
/// if none fails, render the site and swap it into the output folder.
///
/// A post unchanged since the last build (by the build cache) is neither read,
/// checked nor rendered again: its result is reused and its page and images are
/// linked from the previous output into the new one. When nothing at all has
/// changed, the output already is what the build would write, and stays as it is;
/// when the newest posts are the same as the feed's last time, they are not read.
public enum SiteBuild {
    public struct Result: Sendable {
        public var report: BuildReport
        /// Where the site was written; nil when the build refused.
        public var output: URL?
    }

    /// - Parameters:
    ///   - outputPath: default `output` inside the site folder.
    ///   - date: default today in the site's time zone.
    public static func run(site sitePath: String, output outputPath: String?, date: Day?) throws(SiteError) -> Result {
        let output = outputFolder(of: SiteDirectory(sitePath), given: outputPath)
        // The site first: a wrong --site is reported as such, and leaves no lock file behind.
        let site = try Site.load(at: sitePath)
        let writer = OutputWriter(site: site.directory, register: site.register.file, output: output)
        // An output folder the build must not replace (the site, or someone's files) is refused
        // before the lock, which would go beside it; `write` checks again where it deletes.
        try writer.requireReplaceable()
        // Loading checked the register against the default output folder; --output may name another.
        if let misplaced = RegisterPlacement.diagnostic(for: site.config.registerPath, at: site.config.registerLocation,
                                                        in: site.directory, output: output) {
            throw SiteError([misplaced])
        }
        // The lock goes beside the output folder. Where --output names folders that do not
        // exist yet, they are made and the lock taken only once the build is to write, so a
        // refused build makes nothing; there is then no previous site, cache or build to wait for.
        var lock: BuildLock?
        defer { withExtendedLifetime(lock) {} }
        if writer.hasParentFolder {
            lock = try BuildLock(for: output)
            writer.removeLeftovers()
        }
        let day = date ?? site.today
        let key = BuildCache.key(for: site)
        let cache = BuildCache.load(for: output, key: key)
        let record = OutputRecord.load(for: output)
        let renderer = SiteRenderer(site: site)
        let postPages = PostPageQueue(renderer: renderer)
        defer { postPages.cancel() }
        var evaluation = Evaluation.evaluate(site, on: day, for: .build, only: nil, cache: cache?.intact(in: output) ?? [:],
                                             published: postPages.add)
        if let cache, cache.isCurrent(for: evaluation, in: output, record: record) {
            return Result(report: BuildReport(evaluation), output: output)
        }
        let previousPages = cache?.intactPages(in: output) ?? [:]
        let (published, feed) = feedEntries(of: &evaluation, site: site, previousPages: previousPages)
        guard !evaluation.hasErrors else { return Result(report: BuildReport(evaluation), output: nil) }
        let posts = evaluation.posts
        let rendered = renderer.render(
            published.map { index, listing in posts[index].cached.map { .unchanged(listing, files: $0.files.map(\.path)) } ?? .read(posts[index].post) },
            feed: feed, previousPages: previousPages, postPages: postPages.pages())
        if lock == nil {
            try writer.makeParentFolders()
            lock = try BuildLock(for: output)
        }
        try writer.write(rendered, record: record) { [evaluation] untouched in
            BuildCache(key: key, evaluation: evaluation, register: site.register, output: output, written: rendered, untouched: untouched)
                .save(for: output, reusing: cache)
        }
        return Result(report: BuildReport(evaluation), output: output)
    }

    /// Where a build of the site writes: `outputPath`, or `output` inside the site
    /// folder; through a symlinked folder to where it points, as the swap replaces
    /// that folder, not the link.
    static func outputFolder(of directory: SiteDirectory, given outputPath: String?) -> URL {
        (outputPath.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? directory.url("output"))
            .standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The feed: unchanged when its newest posts are the previous feed's (by
    /// `feedSignature`), else read (and so checked) and rendered.
    /// - Returns: `evaluation.published`, and the feed's entries.
    static func feedEntries(of evaluation: inout Evaluation, site: Site, previousPages: [String: String])
        -> (published: [(index: Int, listing: PostListing)], feed: FeedEntries) {
        let published = evaluation.published
        if let signature = feedSignature(of: published, in: evaluation), previousPages[AtomFeed.file] == signature {
            return (published, .unchanged(signature: signature))
        }
        let read = readNewest(AtomFeed.entryLimit, of: &evaluation, published: published, site: site)
        return (read, .posts(read.prefix(AtomFeed.entryLimit).map { evaluation.posts[$0.index].post }, signature: feedSignature(of: read, in: evaluation)))
    }

    /// The feed's posts by slug and folder fingerprint, taken before they were
    /// read: the same means the same feed, as the settings are the build cache's
    /// key. nil when one of them has no fingerprint.
    private static func feedSignature(of published: [(index: Int, listing: PostListing)], in evaluation: Evaluation) -> String? {
        var fields = [AtomFeed.file]
        for (index, _) in published.prefix(AtomFeed.entryLimit) {
            guard let fingerprint = evaluation.posts[index].fingerprint else { return nil }
            fields += [evaluation.posts[index].post.slug, fingerprint]
        }
        return PageSignature.fields(fields).sha256
    }

    /// The feed shows the newest posts in full, so those must be read, and what
    /// is read is checked. Each round reads cached posts only, and each of them
    /// is then read or gone (its folder removed meanwhile), so the loop ends.
    /// - Parameter published: `evaluation.published`, which sorting 10,000 posts makes worth passing on.
    /// - Returns: `evaluation.published`, the first `count` read.
    private static func readNewest(_ count: Int, of evaluation: inout Evaluation, published: [(index: Int, listing: PostListing)],
                                   site: Site) -> [(index: Int, listing: PostListing)] {
        var published = published
        while true {
            let cached = Set(published.prefix(count).filter { evaluation.posts[$0.index].cached != nil }.map { evaluation.posts[$0.index].post.slug })
            guard !cached.isEmpty else { return published }
            evaluation.replace(cached, with: Evaluation.evaluate(site, on: evaluation.date, for: .build, only: cached, cache: [:]))
            published = evaluation.published
        }
    }
}
