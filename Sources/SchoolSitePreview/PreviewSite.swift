import SchoolSite

/// The site as the preview serves it: every post rendered through the same
/// pipeline as `build`, drafts, scheduled and expired ones included, each
/// post page carrying its banner.
struct PreviewSite: Sendable {
    /// One line of the preview's own index.
    struct Entry: Sendable {
        var evaluated: EvaluatedPost
        /// Whether the post has a page (its front matter could be read).
        var hasPage: Bool
        var slug: String { evaluated.post.slug }
        var title: String { evaluated.post.frontMatter?.title.value ?? evaluated.post.slug }
    }

    var directory: SiteDirectory
    /// The consent register's file, never served, under any name or as a copy.
    var register: RegisterFile?
    var config: SiteConfig
    var date: Day
    /// The rendered site's files by path.
    var files: [String: OutputFile]
    /// Every post folder, newest first.
    var entries: [Entry]

    /// Loads, checks and renders the site as of `date` (default: today in the site's time zone).
    static func render(at sitePath: String, on date: Day?) throws(SiteError) -> PreviewSite {
        let site = try Site.load(at: sitePath)
        let day = date ?? site.today
        let evaluation = Evaluation.evaluate(site, on: day, for: .review)
        let ordered = evaluation.posts.sorted { $0.isNewer(than: $1) }
        let pages = ordered.filter { $0.post.frontMatter != nil && $0.post.markdown != nil }
        let notices = Dictionary(pages.map { ($0.post.slug, PostBanner.notice(for: $0)) }) { first, _ in first }
        let rendered = SiteRenderer(site: site).render(posts: pages.map(\.post), notices: notices)
        let withPages = Set(pages.map(\.post.slug))
        return PreviewSite(directory: site.directory, register: site.register.file, config: site.config, date: day,
                           files: Dictionary(rendered.files.map { ($0.path, $0) }) { first, _ in first },
                           entries: ordered.map { Entry(evaluated: $0, hasPage: withPages.contains($0.post.slug)) })
    }
}
