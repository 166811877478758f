/// A published post as the renderer gets it.
public enum PublishedPost: Sendable {
    /// Read this build: its page and images are rendered.
    case read(Post)
    /// Unchanged since the previous build, under the same theme and settings:
    /// its files (page and images, output paths) are linked from the previous output.
    case unchanged(PostListing, files: [String])

    public var listing: PostListing? {
        switch self {
        case .read(let post): post.listing
        case .unchanged(let listing, _): listing
        }
    }
}
