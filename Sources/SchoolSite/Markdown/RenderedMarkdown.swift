import Foundation

/// A post body after cmark: what the policy reads of it, HTML for the page, and
/// HTML with absolute URLs for the feed (rendered when asked).
public struct RenderedMarkdown: Sendable {
    /// For the post page, where images sit beside the page.
    public var html: String
    /// The body's images in document order, collected once: every image rule asks for them.
    public var images: [MarkdownNode]
    /// The body's links and images in document order (`post.unsafe-link`).
    public var links: [MarkdownNode]
    /// The body's raw HTML, blocks and inline, in document order (`post.raw-html`).
    public var rawHTML: [MarkdownNode]
    /// The body's text as the page shows it, cut for the name scan (`BodyWalker`).
    var segments: [ScanSegment]
    /// The Markdown and the post's absolute URL, for `feedHTML`. The URL is kept
    /// as its text: Foundation's URL is a resilient type, and one stored here made
    /// every copy of a post go through the runtime's value witnesses.
    var body: String
    var pageAddress: String

    /// For the Atom feed: every relative link and image URL made absolute.
    /// Rendered when asked, as the feed shows only the newest posts.
    public var feedHTML: String {
        MarkdownRenderer.renderFeedHTML(body, pageURL: URL(string: pageAddress) ?? URL(fileURLWithPath: "/"))
    }
}
