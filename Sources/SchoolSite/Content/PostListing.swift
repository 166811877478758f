/// What the news list, the category pages and the feed's ordering need of a
/// published post: small enough for the build cache to keep for every post, so
/// a rebuild lists an unchanged post without reading it again.
public struct PostListing: Sendable, Codable, Equatable {
    public var slug: String
    public var title: String
    public var date: Day
    public var summary: String?
    public var author: String
    public var category: String
    /// The cover's file name, and the alt text the body gives the same file.
    public var cover: String?
    public var coverAlt: String
}

extension Post {
    /// nil when the front matter could not be read.
    public var listing: PostListing? {
        guard let front = frontMatter else { return nil }
        return PostListing(slug: slug, title: front.title.value, date: front.date, summary: front.summary?.value,
                           author: front.author, category: front.category.value, cover: front.cover?.value, coverAlt: coverAlt)
    }
}

extension PostListing {
    /// Every field, for a page signature: an absent summary or cover differs from an empty one.
    var signature: String {
        PageSignature.fields([slug, title, date.description, summary.map { "+\($0)" } ?? "-", author, category,
                              cover.map { "+\($0)" } ?? "-", coverAlt])
    }

    func isNewer(than other: PostListing) -> Bool {
        Self.isListed((date, slug), before: (other.date, other.slug))
    }

    /// The order posts are listed in: newest date first (no date last), then by slug.
    static func isListed(_ post: (date: Day?, slug: String), before other: (date: Day?, slug: String)) -> Bool {
        guard post.date != other.date else { return post.slug > other.slug }
        guard let mine = post.date else { return false }
        guard let theirs = other.date else { return true }
        return mine > theirs
    }
}
