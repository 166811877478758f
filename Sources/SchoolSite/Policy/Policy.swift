/// Runs every rule of SPEC §6 over a post.
public enum Policy {
    static let rules: [any PolicyRule] = [
        CategoryRule(),
        RawHTMLRule(),
        UnsafeLinkRule(),
        UnknownPersonRule(),
        UndeclaredPersonRule(),
        PhotoConsentRule(),
        NameConsentRule(),
        DoNotPublishRule(),
        NameRedactionRule(),
        ImageUndeclaredRule(),
        ImageMissingRule(),
        ImageOutsideRule(),
        ImageAltRule(),
        ImageFormatRule(),
        ApprovalRule(),
    ]

    /// All violations in `post` as of `context.date`, sorted by position.
    public static func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        var diagnostics = post.loadDiagnostics
        if let front = post.frontMatter {
            for rule in rules { diagnostics += rule.check(post, front: front, in: context) }
        }
        return diagnostics.sorted()
    }
}
