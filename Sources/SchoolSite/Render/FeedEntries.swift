/// What the feed is made from, as the renderer gets it.
public enum FeedEntries: Sendable {
    /// The newest published posts, read, newest first (the first `AtomFeed.entryLimit`
    /// are shown); `signature` identifies them for the next build, nil when it cannot.
    case posts([Post], signature: String?)
    /// The same posts, unchanged, as the previous output's feed shows: it is linked, not rendered.
    case unchanged(signature: String)

    var signature: String? {
        switch self {
        case .posts(_, let signature): signature
        case .unchanged(let signature): signature
        }
    }
}
