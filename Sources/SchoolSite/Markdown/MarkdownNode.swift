/// A Swift copy of one node of cmark's document tree, with its position already
/// converted to the file's line and Unicode-scalar column. A class of constants:
/// the policy rules walk every post's tree, and copying a struct node retained
/// each of its strings and its children on every step.
public final class MarkdownNode: Sendable {
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
        case paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image
    }

    public let kind: Kind
    /// Text of `text`, `code`, `codeBlock`, `htmlBlock` and `htmlInline` nodes.
    public let literal: String
    /// Destination of links and images.
    public let url: String
    /// Title of links and images (`[a](u "title")`).
    public let title: String
    /// The info string of a fenced code block (```` ```python ````), which the page shows as the code's class.
    public let info: String
    /// For text written longer than it reads (`&amp;`, `\*`, `--`): where its later scalars are.
    public let anchors: [ColumnAnchor]
    /// Where the node starts; for a code block, where its code starts (past an opening fence).
    public let line: Int
    public let column: Int
    public let children: [MarkdownNode]

    public init(kind: Kind, literal: String = "", url: String = "", title: String = "", info: String = "",
                anchors: [ColumnAnchor] = [], line: Int, column: Int, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.url = url
        self.title = title
        self.info = info
        self.anchors = anchors
        self.line = line
        self.column = column
        self.children = children
    }

    /// The plain text of this node and its descendants (e.g. an image's alt text).
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch kind {
        case .text, .code: text += literal
        case .softBreak, .lineBreak: text += " "
        default: for child in children { child.appendPlainText(to: &text) }
        }
    }
}
