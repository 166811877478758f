import CCmark

/// One walk of cmark's tree for the policy: the body's links, images and raw HTML,
/// each placed in the file, and its text cut into the segments the name scan reads.
/// The walk follows cmark's iterator, not the tree's depth, so a 10,000-deep quote
/// or list takes no stack, and nothing of it goes unchecked.
///
/// Every paragraph and heading is one segment across its formatting and lines, so a
/// name split by formatting (`**Am**elia`) or a line break is still one word; so is
/// each image's alt text. Code is a segment of its own lines, and a code fence's info
/// string, a link's or image's address and its title one each.
struct BodyWalker {
    let positions: SourcePositions
    /// In document order, a link or image before those in its text.
    private(set) var images: [MarkdownNode] = []
    /// Links and images.
    private(set) var links: [MarkdownNode] = []
    /// Raw HTML blocks and inline HTML.
    private(set) var rawHTML: [MarkdownNode] = []
    private(set) var segments: [ScanSegment] = []
    /// What cmark's positions lose to backslash hard breaks in the paragraph or heading being read.
    private var drift = HardBreakDrift()
    /// Where the paragraph or heading being read starts: its inlines are placed from it.
    private var block: MarkdownBlockStart?
    private var quoteDepth = 0
    /// The text being gathered: the paragraph's or heading's, then the alt text of each image open in it.
    private var runs: [ScanSegment] = []
    /// The links and images open, innermost last.
    private var open: [OpenElement] = []
    /// Where the images among them are, outermost first, and from which of those on
    /// an image's alt text is still taking text (`addPlainText`).
    private var openImages: [Int] = []
    private var firstUnfilledImage = 1
    /// How much alt text an image inside another image keeps. The page shows such an
    /// image only as words of the outer one's alt text; kept whole, 40,000 images nested
    /// in one another would hold 40,000 copies of the text inside them.
    static let nestedAltLimit = 256

    private struct OpenElement {
        let kind: MarkdownNode.Kind
        let url: String
        let line: Int
        let column: Int
        /// Where it goes in `images` and `links`: before what its text holds.
        let imageSlot: Int
        let linkSlot: Int
        var plainText = ""
    }

    /// Whether anything reports where a node of `type` is: not for containers.
    private static func isPlaced(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CUSTOM_INLINE:
            false
        default:
            true
        }
    }

    init(positions: SourcePositions) {
        self.positions = positions
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE else { return }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else { exit(node) }
        }
    }

    /// Every node is placed as it is entered, in document order: the drift of a
    /// paragraph's later inlines depends on the ones before them.
    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        guard type != CMARK_NODE_DOCUMENT else { return }
        var line = Int(cmark_node_get_start_line(node))
        var byteColumn = Int(cmark_node_get_start_column(node))
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
            drift = HardBreakDrift()
        } else if type == CMARK_NODE_LINEBREAK {
            drift.noteHardBreak()
        } else if let block {
            (line, byteColumn) = drift.place(line: line, byteColumn: byteColumn, in: block, positions)
        }
        let literal = type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE ? Self.string(cmark_node_get_literal(node)) : ""
        if type == CMARK_NODE_TEXT {
            byteColumn = positions.textStart(literal, line: line, byteColumn: byteColumn, block: block)
        } else if type == CMARK_NODE_CODE {
            byteColumn = positions.codeSpanStart(literal, line: line, byteColumn: byteColumn, block: block)
        }
        // Converted only for the nodes that are placed: counting a line's scalars up to a
        // column deep in a 100,000-deep quote or list, for each of its containers, would
        // make the walk quadratic.
        let position = Self.isPlaced(type) ? positions.location(line: line, byteColumn: byteColumn, block: block) : (line: 0, column: 0)
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            block = MarkdownBlockStart(line: line, byteColumn: byteColumn, quoteDepth: quoteDepth)
            runs.append(ScanSegment(place: "text"))
        case CMARK_NODE_CODE_BLOCK:
            addCodeBlock(node, cmarkLine: line, at: position)
        case CMARK_NODE_HTML_BLOCK:
            rawHTML.append(MarkdownNode(kind: .htmlBlock, literal: Self.string(cmark_node_get_literal(node)), line: position.line, column: position.column))
        case CMARK_NODE_TEXT:
            addText(literal, cmarkLine: line, byteColumn: byteColumn, at: position)
        case CMARK_NODE_CODE:
            appendToRun(literal, line: position.line, column: position.column)
            addPlainText(literal)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            appendBreakToRun(at: position)
            addPlainText(" ")
        case CMARK_NODE_HTML_INLINE:
            rawHTML.append(MarkdownNode(kind: .htmlInline, literal: Self.string(cmark_node_get_literal(node)), line: position.line, column: position.column))
            appendBreakToRun(at: position)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let kind: MarkdownNode.Kind = type == CMARK_NODE_IMAGE ? .image : .link
            let url = Self.string(cmark_node_get_url(node))
            addAddress(url, title: Self.string(cmark_node_get_title(node)), place: kind == .image ? "image" : "link", at: position)
            open.append(OpenElement(kind: kind, url: url, line: position.line, column: position.column, imageSlot: images.count, linkSlot: links.count))
            if kind == .image {
                openImages.append(open.count - 1)
                runs.append(ScanSegment(place: "alt text"))
            }
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            segments.append(runs.removeLast())
            block = nil
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let element = open.removeLast()
            let copy = MarkdownNode(kind: element.kind, url: element.url, plainText: element.plainText, line: element.line, column: element.column)
            links.insert(copy, at: element.linkSlot)
            if element.kind == .image {
                images.insert(copy, at: element.imageSlot)
                openImages.removeLast()
                firstUnfilledImage = min(firstUnfilledImage, max(openImages.count, 1))
                // The alt text is a segment of its own; the page shows the image between the words around it.
                segments.append(runs.removeLast())
                appendBreakToRun(at: (element.line, element.column))
            }
        default:
            break
        }
    }

    /// Each line of code where it is written. A code block is placed where its code
    /// starts: past the opening fence, when it spans more lines than its code has.
    private mutating func addCodeBlock(_ node: OpaquePointer, cmarkLine: Int, at start: (line: Int, column: Int)) {
        let literal = Self.string(cmark_node_get_literal(node))
        var position = start
        if Int(cmark_node_get_end_line(node)) - cmarkLine + 1 > literal.utf8.count(where: { $0 == UInt8(ascii: "\n") }) {
            position.line += 1
        }
        var code = ScanSegment(place: "code")
        for (offset, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            code.append(text + "\n", line: position.line + offset, column: position.column)
        }
        segments.append(code)
        // Only a fenced block has an info string, on its fence, the line above its code.
        let info = Self.string(cmark_node_get_fence_info(node))
        if !info.isEmpty {
            segments.append(ScanSegment(place: "code fence", text: info, line: position.line - 1, column: position.column, advancing: false))
        }
    }

    /// A text's text, cut where it drifts from its source (`&amp;`, `\*`, `--`), each piece at its own column.
    private mutating func addText(_ literal: String, cmarkLine: Int, byteColumn: Int, at position: (line: Int, column: Int)) {
        addPlainText(literal)
        let anchors = positions.anchors(of: literal, line: cmarkLine, byteColumn: byteColumn, block: block)
        guard !anchors.isEmpty else { return appendToRun(literal, line: position.line, column: position.column) }
        let scalars = Array(literal.unicodeScalars)
        var from = 0, column = position.column
        for anchor in anchors + [ColumnAnchor(scalar: scalars.count, column: 0)] {
            appendToRun(String(String.UnicodeScalarView(scalars[from..<anchor.scalar])), line: position.line, column: column)
            (from, column) = (anchor.scalar, anchor.column)
        }
    }

    /// A link's or image's address, as the page's reader may see it, and its title.
    private mutating func addAddress(_ url: String, title: String, place: String, at position: (line: Int, column: Int)) {
        let address = url.utf8.contains(UInt8(ascii: "%")) ? Self.percentDecoded(url) : url
        segments.append(ScanSegment(place: "\(place) address", text: address, line: position.line, column: position.column, advancing: false))
        if !title.isEmpty {
            segments.append(ScanSegment(place: "\(place) title", text: title, line: position.line, column: position.column, advancing: false))
        }
    }

    /// Inlines are only ever inside a paragraph or heading, which opens a run.
    private mutating func appendToRun(_ text: String, line: Int, column: Int) {
        if let last = runs.indices.last { runs[last].append(text, line: line, column: column) }
    }

    private mutating func appendBreakToRun(at position: (line: Int, column: Int)) {
        if let last = runs.indices.last { runs[last].appendBreak(line: position.line, column: position.column) }
    }

    /// To the alt text of every open image: whole to the outermost, and to each image
    /// inside it up to `nestedAltLimit`. An image fills before any image inside it,
    /// which opened later, so those still taking text are the innermost ones.
    private mutating func addPlainText(_ text: String) {
        guard let outermost = openImages.first else { return }
        open[outermost].plainText += text
        for index in openImages[firstUnfilledImage...] {
            let room = Self.nestedAltLimit - open[index].plainText.utf8.count
            if text.utf8.count <= room {
                open[index].plainText += text
            } else {
                open[index].plainText.unicodeScalars.append(contentsOf: text.unicodeScalars.prefix(room))
            }
        }
        while firstUnfilledImage < openImages.count, open[openImages[firstUnfilledImage]].plainText.utf8.count >= Self.nestedAltLimit {
            firstUnfilledImage += 1
        }
    }

    /// `%41melia` → `Amelia`: every valid escape decoded, even when another is not.
    /// `removingPercentEncoding` gives up on the whole address for one bad escape
    /// (`%zz`), but a browser still shows the others decoded.
    private static func percentDecoded(_ address: String) -> String {
        let bytes = Array(address.utf8)
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
