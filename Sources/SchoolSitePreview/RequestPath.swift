import Foundation

/// A request's path, checked before it is looked up in the rendered site.
///
/// Only files of the `RenderedSite` are ever served, so nothing outside it can
/// be reached anyway; refusing dot segments and encoded slashes outright means
/// no spelling of a path (`/../`, `%2e%2e`, `%2f`) is ever even looked up.
enum RequestPath {
    /// The decoded path of a raw, percent-encoded request path, or nil when it is
    /// not a plain path: not absolute, badly encoded, with an encoded slash or
    /// backslash, a control character, an empty, `.` or `..` segment.
    static func decode(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), !raw.contains("\\") else { return nil }
        let lowered = raw.lowercased()
        guard !lowered.contains("%2f"), !lowered.contains("%5c"), let decoded = raw.removingPercentEncoding else { return nil }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // The last segment is empty for a folder ("/slug/"); no other may be.
        guard !segments.dropLast().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              segments.last != ".", segments.last != ".." else { return nil }
        return decoded
    }

    /// The rendered site's path for a decoded request path: `/` → `index.html`,
    /// `/slug/` → `slug/index.html`, `/feed.xml` → `feed.xml`.
    static func filePath(for decoded: String) -> String {
        let relative = decoded.dropFirst()
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : String(relative)
    }
}
