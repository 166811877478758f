import Foundation

/// One file of the finished site, held in memory or named by its source.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        /// Rendered text (pages, feed).
        case data(Data)
        /// A theme static file, copied as it is.
        case copy(sourcePath: String)
        /// A post image, copied without its metadata.
        case image(sourcePath: String)
        /// The file at the same path in the previous output, unchanged: linked, not written again.
        case previous
    }

    /// Path inside the output folder, e.g. `2024-06-14-sports-day/index.html`.
    public var path: String
    public var content: Content
}

/// The whole site, rendered into memory: `build` writes it, `preview` serves it.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    /// For the news list and category pages, and the feed: a digest of everything the
    /// page shows, so a rebuild can tell the page would come out the same (`SiteRenderer`).
    public var pageSignatures: [String: String] = [:]

    public func file(at path: String) -> OutputFile? {
        files.first { $0.path == path }
    }
}
