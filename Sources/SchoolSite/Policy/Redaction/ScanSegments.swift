import Foundation

/// Everything of a post that reaches the page as text, cut into segments:
/// title, summary, cover and slug, and from the body every paragraph and heading
/// (across its formatting), code and its fence's info string, link text and
/// addresses, image alt text, addresses and titles. The author byline is not
/// scanned (SPEC §6).
enum ScanSegments {
    static let folderName = "folder name"

    static func of(_ post: Post, _ front: FrontMatter) -> [ScanSegment] {
        var segments: [ScanSegment] = []
        for (place, value) in [("title", front.title), ("summary", front.summary), ("cover", front.cover)] {
            guard let value else { continue }
            segments.append(FrontMatterTextSegment.segment(place: place, text: HTMLEntities.decode(value.value),
                                                           at: value.location, in: post.sourceData))
        }
        segments.append(ScanSegment(place: folderName, text: post.slug, line: 1, column: 1))
        if let document = post.markdown?.document {
            var builder = BodySegments()
            builder.collect(document)
            segments += builder.segments
        }
        return segments
    }
}

/// Walks the body: runs of inline text become one segment each, so a name split
/// by formatting (`**Am**elia`) or across lines is still one word.
private struct BodySegments {
    var segments: [ScanSegment] = []

    mutating func collect(_ node: MarkdownNode) {
        switch node.kind {
        case .paragraph, .heading:
            var run = ScanSegment(place: "text")
            appendInlines(node.children, to: &run)
            segments.append(run)
        case .codeBlock:
            // Each line of code where it is written: the node is where the code starts.
            var code = ScanSegment(place: "code")
            for (offset, text) in node.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                code.append(text + "\n", line: node.line + offset, column: node.column)
            }
            segments.append(code)
            // Only a fenced block has an info string, on its fence, the line above its code.
            if !node.info.isEmpty {
                segments.append(ScanSegment(place: "code fence", text: node.info, line: node.line - 1, column: node.column, advancing: false))
            }
        case .htmlBlock:
            return
        case .text, .link, .image:
            // Only where a subtree nested too deep to copy is kept as its text (`TreeCopier.maximumDepth`).
            var run = ScanSegment(place: "text")
            appendInlines([node], to: &run)
            segments.append(run)
        default:
            for child in node.children { collect(child) }
        }
    }

    private mutating func appendInlines(_ nodes: [MarkdownNode], to run: inout ScanSegment) {
        for node in nodes {
            switch node.kind {
            case .text:
                appendText(node, to: &run)
            case .code:
                run.append(node.literal, line: node.line, column: node.column + 1)
            case .softBreak, .lineBreak, .htmlInline:
                run.appendBreak(line: node.line, column: node.column)
            case .link:
                addressSegments(node, place: "link")
                appendInlines(node.children, to: &run)
            case .image:
                addressSegments(node, place: "image")
                var alt = ScanSegment(place: "alt text")
                appendInlines(node.children, to: &alt)
                segments.append(alt)
                run.appendBreak(line: node.line, column: node.column)
            default:
                appendInlines(node.children, to: &run)
            }
        }
    }

    /// A text node's text, cut where it drifts from its source, each piece at its own column.
    private func appendText(_ node: MarkdownNode, to run: inout ScanSegment) {
        guard !node.anchors.isEmpty else { return run.append(node.literal, line: node.line, column: node.column) }
        let scalars = Array(node.literal.unicodeScalars)
        var from = 0, column = node.column
        for anchor in node.anchors + [ColumnAnchor(scalar: scalars.count, column: 0)] {
            run.append(String(String.UnicodeScalarView(scalars[from..<anchor.scalar])), line: node.line, column: column)
            (from, column) = (anchor.scalar, anchor.column)
        }
    }

    private mutating func addressSegments(_ node: MarkdownNode, place: String) {
        let address = node.url.utf8.contains(UInt8(ascii: "%")) ? Self.percentDecoded(node.url) : node.url
        segments.append(ScanSegment(place: "\(place) address", text: address, line: node.line, column: node.column, advancing: false))
        if !node.title.isEmpty {
            segments.append(ScanSegment(place: "\(place) title", text: node.title, line: node.line, column: node.column, advancing: false))
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
}
