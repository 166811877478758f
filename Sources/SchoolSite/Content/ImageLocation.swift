import Foundation

/// Where an image reference points, judged before any file is opened.
enum ImageLocation: Equatable, Sendable {
    /// A file path inside the post folder (site-relative).
    case inside(path: String)
    /// `http:`, `https:` or `//`: never fetched, never published.
    case remote
    /// Leaves the post folder; the reason says how.
    case outside(reason: String)

    /// - Parameter name: an image's `fileName`.
    static func of(_ name: String, in post: Post, site: SiteDirectory) -> ImageLocation {
        let lowered = name.lowercased()
        if lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("//") { return .remote }
        if name.hasPrefix("/") { return .outside(reason: "is an absolute path") }
        if name.utf8.contains(UInt8(ascii: ":")) { return .outside(reason: "is an address, not a file name") }
        // By bytes, as the file system reads the name: `/` then a combining mark is one Character.
        let components = name.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if components.contains(where: { $0.elementsEqual("..".utf8) }) { return .outside(reason: "climbs out with `..`") }
        let path = "\(post.folder)/\(name)"
        // A symlink is followed to see where it really lands. A missing file, or a link
        // that cannot be followed (nil), cannot be read either, and is reported as missing.
        if site.resolves(path, inside: post.folder) == false {
            return .outside(reason: "is a link to a file outside the post folder")
        }
        return .inside(path: path)
    }
}
