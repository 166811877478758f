/// `post.unsafe-link`: link and image URLs with a `javascript:`, `data:`,
/// `vbscript:` or `file:` scheme.
struct UnsafeLinkRule: BodyRule {
    static let schemes = ["javascript", "data", "vbscript", "file"]

    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        (post.markdown?.links ?? []).compactMap { node in
            guard let scheme = Self.unsafeScheme(of: node.url) else { return nil }
            let what = node.kind == .link ? "link" : "image"
            return .error("post.unsafe-link", at: post.location(of: node),
                          "this \(what) uses a `\(scheme):` address, which is never allowed; link to an https:// page or a file in the post folder")
        }
    }

    /// The scheme as a browser sees it: case-insensitive, ignoring the control
    /// characters and whitespace browsers strip (`java\tscript:`). A scheme is
    /// ASCII, so the bytes before the first `:` are read as they are: no
    /// Unicode lowercasing of the whole address, and a combining mark after the
    /// colon does not hide it.
    static func unsafeScheme(of url: String) -> String? {
        var scheme = ""
        for byte in url.utf8 where byte > 0x20 && byte != 0x7F {
            if byte == UInt8(ascii: ":") { return schemes.contains(scheme) ? scheme : nil }
            guard byte < 0x80, scheme.utf8.count < longestScheme else { return nil }
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            scheme.unicodeScalars.append(Unicode.Scalar(lowered))
        }
        return nil
    }

    private static let longestScheme = schemes.map(\.utf8.count).max() ?? 0
}
