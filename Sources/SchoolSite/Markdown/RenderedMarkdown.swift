/// A post body after cmark: the tree for the policy, HTML for the page, and
/// HTML with absolute URLs for the feed.
public struct RenderedMarkdown: Sendable {
    public var document: MarkdownNode
    /// For the post page, where images sit beside the page.
    public var html: String
    /// For the Atom feed: every relative link and image URL made absolute.
    public var feedHTML: String
}
