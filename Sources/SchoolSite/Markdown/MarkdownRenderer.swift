import CCmark
import Foundation

/// The only code that talks to libcmark (with `BodyWalker`). It parses a post
/// body, takes from the tree what the policy reads, renders HTML and frees every
/// cmark allocation before returning, so no cmark pointer outlives the call.
public enum MarkdownRenderer {
    /// Positions for the policy and smart punctuation; never CMARK_OPT_UNSAFE, so
    /// raw HTML and `javascript:` URLs are dropped by cmark itself, whatever the policy says.
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART
    /// Without CMARK_OPT_SOURCEPOS: positions are for diagnostics, not for the page.
    private static let renderOptions = CMARK_OPT_DEFAULT

    /// The libcmark the program runs with (a system library, upgraded apart from schoolsite).
    static let libraryVersion = String(cString: cmark_version_string())

    /// - Parameters:
    ///   - body: the Markdown after the front matter.
    ///   - firstLine: the file line on which `body` starts.
    ///   - pageAddress: the post's absolute URL, for the feed's absolute links; kept as
    ///     text, parsed only when the feed is rendered.
    ///   - html: false when only what the policy reads is wanted (`check`): the HTML is then left empty.
    public static func render(_ body: String, firstLine: Int, pageAddress: String, html: Bool = true) -> RenderedMarkdown {
        guard let root = cmark_parse_document(body, body.utf8.count, parseOptions) else {
            return RenderedMarkdown(html: "", images: [], links: [], rawHTML: [], segments: [], body: "", pageAddress: pageAddress)
        }
        defer { cmark_node_free(root) }

        var walker = BodyWalker(positions: SourcePositions(body: body, firstLine: firstLine))
        walker.walk(root)
        return RenderedMarkdown(html: html ? renderHTML(root) : "", images: walker.images, links: walker.links,
                                rawHTML: walker.rawHTML, segments: walker.segments, body: body, pageAddress: pageAddress)
    }

    /// The body's HTML with every relative link and image URL made absolute against `pageURL`.
    static func renderFeedHTML(_ body: String, pageURL: URL) -> String {
        guard let root = cmark_parse_document(body, body.utf8.count, parseOptions) else { return "" }
        defer { cmark_node_free(root) }
        makeURLsAbsolute(in: root, relativeTo: pageURL)
        return renderHTML(root)
    }

    private static func renderHTML(_ root: OpaquePointer) -> String {
        guard let html = cmark_render_html(root, renderOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func makeURLsAbsolute(in root: OpaquePointer, relativeTo pageURL: URL) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator),
                  cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                  let absolute = URL(string: url, relativeTo: pageURL)?.absoluteString
            else { continue }
            cmark_node_set_url(node, absolute)
        }
    }
}
