/// Runs every rule of SPEC §6 over a post.
public enum Policy {
    /// The rules that read the front matter: they run when it could be read.
    static let rules: [any PolicyRule] = [
        CategoryRule(),
        UnknownPersonRule(),
        UndeclaredPersonRule(),
        PhotoConsentRule(),
        NameConsentRule(),
        DoNotPublishRule(),
        NameRedactionRule(),
        ImageUndeclaredRule(),
    ]
    /// The rules that need only the body and the files: they run whenever
    /// `index.md` was read, so a front matter mistake hides no other finding.
    static let bodyRules: [any BodyRule] = [
        RawHTMLRule(),
        UnsafeLinkRule(),
        ImageMissingRule(),
        ImageOutsideRule(),
        ImageAltRule(),
        ImageFormatRule(),
        ApprovalRule(),
    ]

    /// All violations in `post` as of `context.date`, sorted by position.
    public static func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        var diagnostics = post.loadDiagnostics
        if post.markdown != nil {
            for rule in bodyRules { diagnostics += rule.check(post, in: context) }
        }
        if let front = post.frontMatter {
            for rule in rules { diagnostics += rule.check(post, front: front, in: context) }
        }
        return diagnostics.sorted()
    }
}
