import CCmark
import Foundation

/// The only code that talks to libcmark. It parses a post body, copies the
/// tree into Swift values, renders HTML and frees every cmark allocation
/// before returning, so no cmark pointer outlives the call.
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
    ///   - html: false when only the tree is wanted (`check`): the HTML is then left empty.
    public static func render(_ body: String, firstLine: Int, pageAddress: String, html: Bool = true) -> RenderedMarkdown {
        guard let root = cmark_parse_document(body, body.utf8.count, parseOptions) else {
            return RenderedMarkdown(document: MarkdownNode(kind: .document, line: firstLine, column: 1), html: "", images: [],
                                    links: [], rawHTML: [], body: "", pageAddress: pageAddress)
        }
        defer { cmark_node_free(root) }

        let positions = SourcePositions(body: body, firstLine: firstLine)
        var copier = TreeCopier(positions: positions)
        let document = copier.copy(root, depth: 0, block: nil)
        return RenderedMarkdown(document: document, html: html ? renderHTML(root) : "", images: copier.images,
                                links: copier.links, rawHTML: copier.rawHTML, body: body, pageAddress: pageAddress)
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

/// Copies cmark nodes into `MarkdownNode`s, converting positions on the way.
private struct TreeCopier {
    let positions: SourcePositions
    /// The nodes the policy looks up by kind, each list in document order: gathered
    /// here, as the tree is copied, rather than by a walk of the tree per rule.
    private(set) var images: [MarkdownNode] = []
    /// Links and images.
    private(set) var links: [MarkdownNode] = []
    /// Raw HTML blocks and inline HTML.
    private(set) var rawHTML: [MarkdownNode] = []
    /// What cmark's positions lose to backslash hard breaks in the paragraph or heading being copied.
    private(set) var drift = HardBreakDrift()
    /// Deeper than this, a subtree is kept as its text only: policy scans still
    /// see every word, and a 10,000-deep list cannot exhaust the stack.
    static let maximumDepth = 256

    mutating func copy(_ node: OpaquePointer, depth: Int, block: MarkdownBlockStart?, quoteDepth: Int = 0) -> MarkdownNode {
        let kind = Self.kind(of: cmark_node_get_type(node))
        var line = Int(cmark_node_get_start_line(node))
        var byteColumn = Int(cmark_node_get_start_column(node))
        if kind == .paragraph || kind == .heading {
            drift = HardBreakDrift()
        } else if kind == .lineBreak {
            drift.noteHardBreak()
        } else if let block {
            (line, byteColumn) = drift.place(line: line, byteColumn: byteColumn, in: block, positions)
        }
        var position = positions.location(line: line, byteColumn: byteColumn, block: block)
        if kind == .document { position = (positions.firstLine, 1) }
        let childQuoteDepth = kind == .blockQuote ? quoteDepth + 1 : quoteDepth
        let childBlock = (kind == .paragraph || kind == .heading)
            ? MarkdownBlockStart(line: line, byteColumn: byteColumn, quoteDepth: quoteDepth) : block
        var children: [MarkdownNode] = []
        // A link or image comes before those in its text: its places are kept while they are copied.
        let imageSlot = images.count, linkSlot = links.count
        if depth >= Self.maximumDepth {
            let linksAndImages = Self.flattenedLinksAndImages(node, at: position)
            children = [MarkdownNode(kind: .text, literal: Self.flattenedText(node), line: position.line, column: position.column)] + linksAndImages
            images += linksAndImages.filter { $0.kind == .image }
            links += linksAndImages
        } else {
            children.reserveCapacity(Self.childCount(node))
            var child = cmark_node_first_child(node)
            while let current = child {
                children.append(copy(current, depth: depth + 1, block: childBlock, quoteDepth: childQuoteDepth))
                child = cmark_node_next(current)
            }
        }
        let literal = Self.string(cmark_node_get_literal(node))
        // A code block is placed where its code starts: past the opening fence, when it
        // spans more lines than its code has (the fences).
        if kind == .codeBlock, Int(cmark_node_get_end_line(node)) - line + 1 > literal.utf8.count(where: { $0 == UInt8(ascii: "\n") }) {
            position.line += 1
        }
        let copy = MarkdownNode(kind: kind, literal: literal,
                                url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)),
                                info: kind == .codeBlock ? Self.string(cmark_node_get_fence_info(node)) : "",
                                anchors: kind == .text ? positions.anchors(of: literal, line: line, byteColumn: byteColumn, block: block) : [],
                                line: position.line, column: position.column, children: children)
        switch kind {
        case .image:
            images.insert(copy, at: imageSlot)
            links.insert(copy, at: linkSlot)
        case .link: links.insert(copy, at: linkSlot)
        case .htmlBlock, .htmlInline: rawHTML.append(copy)  // leaves: copied in document order
        default: break
        }
        return copy
    }

    /// Counted first, so that the children go into an array of the right size, not one grown to it.
    private static func childCount(_ node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    private static func flattenedText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let literal = string(cmark_node_get_literal(current))
            if !literal.isEmpty { text += literal + " " }
        }
        return text
    }

    /// The links and images of a subtree kept as its text only, each with its alt
    /// text: the page still shows them, so the image and link rules must see them.
    private static func flattenedLinksAndImages(_ node: OpaquePointer, at position: (line: Int, column: Int)) -> [MarkdownNode] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [MarkdownNode] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let kind = Self.kind(of: cmark_node_get_type(current))
            guard kind == .link || kind == .image else { continue }
            let text = MarkdownNode(kind: .text, literal: flattenedText(current), line: position.line, column: position.column)
            found.append(MarkdownNode(kind: kind, url: string(cmark_node_get_url(current)), title: string(cmark_node_get_title(current)),
                                      line: position.line, column: position.column, children: [text]))
        }
        return found
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .document
        }
    }
}
