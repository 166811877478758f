/// Where a post stands on a given day (SPEC §8).
public enum PostState: String, Sendable {
    /// No `approval.json`.
    case draft
    /// Approved, `date` after the day.
    case scheduled
    /// Approved, `date` on or before the day, not past `expires`.
    case published
    /// Approved, past `expires`.
    case expired

    static func of(_ post: Post, on day: Day) -> PostState? {
        if post.isDraft { return .draft }
        guard let front = post.frontMatter else { return nil }
        if front.date > day { return .scheduled }
        if let expires = front.expires, expires < day { return .expired }
        return .published
    }
}
