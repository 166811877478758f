/// `post.unsafe-link`: link and image URLs with a `javascript:`, `data:`,
/// `vbscript:` or `file:` scheme.
struct UnsafeLinkRule: PolicyRule {
    static let schemes = ["javascript", "data", "vbscript", "file"]

    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        post.collectNodes { node in
            guard node.kind == .link || node.kind == .image, let scheme = Self.unsafeScheme(of: node.url) else { return nil }
            let what = node.kind == .link ? "link" : "image"
            return .error("post.unsafe-link", at: post.location(of: node),
                          "this \(what) uses a `\(scheme):` address, which is never allowed; link to an https:// page or a file in the post folder")
        }
    }

    /// The scheme as a browser sees it: case-insensitive, ignoring the control
    /// characters and whitespace browsers strip (`java\tscript:`).
    static func unsafeScheme(of url: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        return schemes.first { cleaned.hasPrefix($0 + ":") }
    }
}
