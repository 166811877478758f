/// A link, image or piece of raw HTML in a post body, for the rules that look at
/// them, with its position already converted to the file's line and Unicode-scalar
/// column. A class of constants: every rule and page of a post shares one copy.
public final class MarkdownNode: Sendable {
    public enum Kind: Sendable, Equatable {
        case link, image, htmlBlock, htmlInline
    }

    public let kind: Kind
    /// The HTML of raw HTML.
    public let literal: String
    /// Destination of links and images.
    public let url: String
    /// An image's alt text, as the page shows it: its text, images inside it included
    /// (`BodyWalker.nestedAltLimit` for an image inside another). Empty for a link.
    public let plainText: String
    public let line: Int
    public let column: Int

    public init(kind: Kind, literal: String = "", url: String = "", plainText: String = "", line: Int, column: Int) {
        self.kind = kind
        self.literal = literal
        self.url = url
        self.plainText = plainText
        self.line = line
        self.column = column
    }
}
