/// What the news list, the category pages and the feed's ordering need of a
/// published post: small enough for the build cache to keep for every post, so
/// a rebuild lists an unchanged post without reading it again.
/// A class of constants, for the same reason as `BuildCache.Entry`: every
/// rebuild passes each post's listing through several lists on two threads.
public final class PostListing: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let date: Day
    public let summary: String?
    public let author: String
    public let category: String
    /// The cover's file name, and the alt text the body gives the same file.
    public let cover: String?
    public let coverAlt: String

    public init(slug: String, title: String, date: Day, summary: String?, author: String, category: String, cover: String?, coverAlt: String) {
        (self.slug, self.title, self.date, self.summary) = (slug, title, date, summary)
        (self.author, self.category, self.cover, self.coverAlt) = (author, category, cover, coverAlt)
    }

    public static func == (first: PostListing, second: PostListing) -> Bool {
        first === second || (first.slug == second.slug && first.title == second.title && first.date == second.date
            && first.summary == second.summary && first.author == second.author && first.category == second.category
            && first.cover == second.cover && first.coverAlt == second.coverAlt)
    }
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
