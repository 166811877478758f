/// A post with its state and policy findings on the evaluation day.
public struct EvaluatedPost: Sendable {
    public var post: Post
    /// nil when the post cannot be read well enough to tell (bad front matter).
    public var state: PostState?
    public var diagnostics: [Diagnostic]
    /// Set when the result came from the build cache: the post was then not read.
    var cached: BuildCache.Entry? = nil
    /// The post folder's fingerprint, taken before it was read (when there is a cache to match it against).
    var fingerprint: String? = nil
    /// The post folder's entries, when its fingerprint can be taken again without listing it (`FolderFingerprint.names`).
    var folderNames: [String]? = nil

    /// The post as the news list shows it, read or cached.
    var listing: PostListing? { cached?.listing ?? post.listing }

    /// The post's date, read or cached.
    var date: Day? { post.frontMatter?.date ?? cached?.listing?.date }

    /// The order the site lists posts in (`PostListing.isListed`): newest first, unreadable dates last.
    public func isNewer(than other: EvaluatedPost) -> Bool {
        PostListing.isListed((date, post.slug), before: (other.date, other.post.slug))
    }
}

/// The outcome of checking a site's posts as of one day: what `build`, `check`
/// and `preview` report, and what `build` renders when there is no error.
public struct Evaluation: Sendable {
    public enum Purpose: Sendable {
        /// `build`: drafts skipped unread; published posts must pass, scheduled ones warn.
        case build
        /// `check` and `preview`: every post, drafts included.
        case review
    }

    /// What of each post that was read the evaluation keeps once its findings are made.
    enum Retention {
        /// Everything: `preview` shows it, `sar` and `approve` read it.
        case wholePost
        /// What the pages need (`Post.keepOnlyWhatRenders`): a build.
        case whatRenders
        /// Findings, state and listing (`Post.keepOnlyFindings`): `check` and `status`.
        case findings
    }

    public var date: Day
    public var posts: [EvaluatedPost]

    // These read fields through indices: a closure over the posts themselves
    // copies each (a large struct), which showed in a no-change rebuild's profile.
    public var diagnostics: [Diagnostic] { posts.indices.flatMap { posts[$0].diagnostics }.sorted() }
    public var hasErrors: Bool { posts.indices.contains { posts[$0].diagnostics.hasErrors } }

    public func slugs(in state: PostState) -> [String] {
        posts.indices.compactMap { posts[$0].state == state ? posts[$0].post.slug : nil }
    }

    /// Published posts, newest first (by date, then slug), as the site lists them:
    /// where each is in `posts`, as a build has 10,000 of them to go through, not copies.
    /// The indices hold until `posts` changes (`replace`).
    var published: [(index: Int, listing: PostListing)] {
        let listings = posts.indices.map { posts[$0].state == .published ? posts[$0].listing : nil }
        let order = listings.indices.filter { listings[$0] != nil }.sorted { listings[$0]!.isNewer(than: listings[$1]!) }
        return order.map { ($0, listings[$0]!) }
    }

    /// Takes the results of `other` in place of the posts `slugs` here; one that
    /// `other` does not have any more (its folder is gone) is dropped.
    mutating func replace(_ slugs: Set<String>, with other: Evaluation) {
        let replacements = Dictionary(other.posts.map { ($0.post.slug, $0) }, uniquingKeysWith: { first, _ in first })
        posts = posts.compactMap { slugs.contains($0.post.slug) ? replacements[$0.post.slug] : $0 }
    }

    /// Checks the site's posts as of `date`. `only` limits it to some slugs (`check POST…`).
    public static func evaluate(_ site: Site, on date: Day, for purpose: Evaluation.Purpose, only: Set<String>? = nil) -> Evaluation {
        evaluate(site, on: date, for: purpose, only: only, cache: [:])
    }

    /// `check` and `status`: every post as `evaluate(_:on:for: .review)` finds it,
    /// except that a post the last build of the site's `output/` checked and found
    /// clean, unchanged since and holding on `date`, is taken from that build's
    /// cache without being read. The cache is only read.
    ///
    /// Only published and scheduled results are taken: a build checks those as
    /// a review does, but never checks an expired post, which a review reports.
    public static func review(_ site: Site, on date: Day, only: Set<String>? = nil) -> Evaluation {
        review(site, on: date, only: only, cache: BuildCache.load(for: SiteBuild.outputFolder(of: site.directory, given: nil), key: BuildCache.key(for: site)))
    }

    /// - Parameter cache: a build cache already read; used only if made under the site's key.
    static func review(_ site: Site, on date: Day, only: Set<String>? = nil, cache: BuildCache?) -> Evaluation {
        let usable = cache?.key == BuildCache.key(for: site) ? cache : nil
        let checked = usable?.posts.filter { $0.value.state == .published || $0.value.state == .scheduled } ?? [:]
        return evaluate(site, on: date, for: .review, only: only, cache: checked, keeping: .findings)
    }

    /// - Parameters:
    ///   - cache: earlier results by slug; one whose post folder is
    ///     unchanged and that holds on `date` is taken without reading the post.
    ///   - retention: nil for what the purpose needs: what renders for a build, else the whole post.
    ///   - published: called with each post read that is published and has no error, as soon as it
    ///     is checked and trimmed (on the thread that checked it): the build starts on its page.
    static func evaluate(_ site: Site, on date: Day, for purpose: Evaluation.Purpose, only: Set<String>?,
                         cache: [String: BuildCache.Entry], keeping retention: Retention? = nil,
                         published: (@Sendable (Post) -> Void)? = nil) -> Evaluation {
        let retention = retention ?? (purpose == .build ? .whatRenders : .wholePost)
        let context = PolicyContext(site: site, date: date)
        let readDrafts = purpose == .review
        // Opened once, and every post listed and read through it: one evaluation sees
        // one folder, even if content/posts is replaced meanwhile (as `preview` runs).
        guard let postsFolder = FolderHandle(site.directory.path(PostLoader.postsFolder)) else { return Evaluation(date: date, posts: []) }
        let evaluated = PostLoader.folders(in: postsFolder, only: only).parallelMap { slug in
            // Drafts are never fingerprinted: a build does not look inside them, so no cache holds one.
            let approvalLooked = purpose == .build || !cache.isEmpty
            let folder = approvalLooked ? PostFolder(slug, in: site.directory, postsFolder: postsFolder) : nil
            let approval = folder?.approval
            let cached = cache[slug]
            let fingerprint = folder?.handle.flatMap { handle in approval.flatMap { folderFingerprint(of: handle, approval: $0, cached: cached) } }
            if let fingerprint, let entry = cached, entry.fingerprint == fingerprint.digest, entry.sensitivity.holds(on: date) {
                return EvaluatedPost(post: Post(unread: slug, isDraft: false), state: entry.state, diagnostics: [],
                                     cached: entry, fingerprint: fingerprint.digest, folderNames: fingerprint.names)
            }
            var post = PostLoader.loadPost(slug: slug, from: site.directory, postsFolder: postsFolder, config: site.config, readDrafts: readDrafts,
                                           isDraft: approvalLooked ? approval == nil : nil, renderHTML: retention != .findings)
            let state = PostState.of(post, on: date)
            let diagnostics = findings(for: post, state: state, purpose: purpose, context: context)
            switch retention {
            case .wholePost: break
            case .whatRenders: post.keepOnlyWhatRenders()
            case .findings: post.keepOnlyFindings()
            }
            if state == .published && !diagnostics.hasErrors { published?(post) }
            return EvaluatedPost(post: post, state: state, diagnostics: diagnostics, fingerprint: fingerprint?.digest, folderNames: fingerprint?.names)
        }
        return Evaluation(date: date, posts: evaluated)
    }

    /// Without listing the folder when the cache knows its entries and it is unchanged (the same digest).
    private static func folderFingerprint(of folder: FolderHandle, approval: FileStatus, cached: BuildCache.Entry?) -> FolderFingerprint? {
        if let cached, let names = cached.folderNames,
           let known = FolderFingerprint(of: folder, approval: approval, known: names), known.digest == cached.fingerprint {
            return known
        }
        return FolderFingerprint(of: folder, approval: approval)
    }

    /// Which findings count, and how much, depends on the post's state (SPEC §8):
    /// a build refuses on published posts, warns about scheduled ones and ignores
    /// expired ones; a review reports every post, expired ones as warnings.
    private static func findings(for post: Post, state: PostState?, purpose: Purpose, context: PolicyContext) -> [Diagnostic] {
        switch (purpose, state) {
        case (.build, .draft), (.build, .expired):
            return []
        case (.build, .scheduled), (.review, .expired):
            return Policy.check(post, in: context).map(\.asWarning)
        default:
            return Policy.check(post, in: context)
        }
    }
}
