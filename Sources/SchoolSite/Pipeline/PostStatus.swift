/// One line of `schoolsite status`.
public struct PostStatus: Sendable, Codable {
    public enum State: String, Sendable, Codable {
        case draft, approved, stale, scheduled, published, expired, failing
    }

    public var slug: String
    public var state: State
    public var date: String?
    public var errors: Int
    public var warnings: Int

    /// `status`: every post as `Evaluation.review` finds it, newest first. The
    /// build cache beside the output is read once, for the review and for `LivePosts`.
    /// - Parameter outputPath: the output folder, as `build --output` takes it (default `output/` in the site).
    public static func list(for site: Site, on date: Day, output outputPath: String? = nil) -> [PostStatus] {
        let output = SiteBuild.outputFolder(of: site.directory, given: outputPath)
        let cache = BuildCache.load(for: output, key: nil)
        let evaluation = Evaluation.review(site, on: date, cache: cache)
        return list(evaluation, live: LivePosts.slugs(of: site, output: output, cache: cache, evaluation: evaluation))
    }

    /// Every post of the evaluation, newest first.
    /// - Parameter live: the posts the site's output shows as they are now (`LivePosts`):
    ///   one due to be published but not among them is approved, waiting for a build.
    static func list(_ evaluation: Evaluation, live: Set<String>) -> [PostStatus] {
        evaluation.posts.sorted { $0.isNewer(than: $1) }.map { evaluated in
            let errors = evaluated.diagnostics.filter { $0.severity == .error }
            return PostStatus(slug: evaluated.post.slug, state: state(of: evaluated, errors: errors, isLive: live.contains(evaluated.post.slug)),
                              date: evaluated.date?.description,
                              errors: errors.count, warnings: evaluated.diagnostics.count - errors.count)
        }
    }

    /// A draft stays a draft whatever its problems; an approved post whose only
    /// problem is a changed file is stale; any other error makes it failing.
    private static func state(of post: EvaluatedPost, errors: [Diagnostic], isLive: Bool) -> State {
        guard let state = post.state else { return post.post.isDraft ? .draft : .failing }
        if state == .draft { return .draft }
        if !errors.isEmpty { return errors.allSatisfy { $0.rule == "approval.stale" } ? .stale : .failing }
        switch state {
        case .scheduled: return .scheduled
        case .published: return isLive ? .published : .approved
        case .expired: return .expired
        case .draft: return .draft
        }
    }
}
