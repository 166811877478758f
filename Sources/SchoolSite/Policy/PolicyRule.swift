/// What every rule may look at: the site, its register, and the day the posts
/// are checked for (the build date), so that consent is judged as it is then.
public struct PolicyContext: Sendable {
    public let site: Site
    public let date: Day

    public init(site: Site, date: Day) {
        self.site = site
        self.date = date
    }

    public var register: Register { site.register }
    public var config: SiteConfig { site.config }
}

/// One rule of SPEC §6. Rules never stop at the first finding: each returns
/// every violation it sees in the post.
protocol PolicyRule: Sendable {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic]
}

/// A rule that needs the post's Markdown and files but not its front matter.
/// It runs even when the front matter cannot be read, so that a mistake there
/// does not hide a missing image or a changed post.
protocol BodyRule: Sendable {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic]
}
