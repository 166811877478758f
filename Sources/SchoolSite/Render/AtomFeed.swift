import Foundation

/// The Atom 1.0 feed (RFC 4287): the newest posts, absolute URLs throughout,
/// dates as RFC 3339 in the site's time zone, no wall-clock time anywhere.
struct AtomFeed {
    static let entryLimit = 20
    static let file = "feed.xml"
    let config: SiteConfig

    /// - Parameter posts: published posts, newest first.
    func render(_ posts: [Post]) -> String {
        let entries = posts.prefix(Self.entryLimit).compactMap(entry)
        let newest = posts.first?.frontMatter?.date
        // With no posts there is no date to give; the Unix epoch keeps output reproducible.
        let updated = newest?.rfc3339Midnight(in: config.timeZone) ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(config.language))">
          <id>\(escape(config.baseURL))</id>
          <title>\(escape(config.title))</title>
          <updated>\(updated)</updated>
          <author><name>\(escape(config.school))</name></author>
          <link rel="self" type="application/atom+xml" href="\(escape(config.baseURL))\(Self.file)"/>
          <link rel="alternate" type="text/html" href="\(escape(config.baseURL))"/>
          <generator>schoolsite</generator>

        """
        xml += entries.joined()
        xml += "</feed>\n"
        return xml
    }

    private func entry(_ post: Post) -> String? {
        guard let front = post.frontMatter, let markdown = post.markdown else { return nil }
        let url = config.baseURL + post.slug + "/"
        let date = front.date.rfc3339Midnight(in: config.timeZone)
        var content = markdown.feedHTML
        if let cover = front.cover?.value {
            content = "<p><img src=\"\(escape(url + cover))\" alt=\"\(escape(post.coverAlt))\"></p>\n" + content
        }
        var xml = """
          <entry>
            <id>\(escape(url))</id>
            <title>\(escape(front.title.value))</title>
            <updated>\(date)</updated>
            <published>\(date)</published>
            <author><name>\(escape(front.author))</name></author>
            <link rel="alternate" type="text/html" href="\(escape(url))"/>
            <category term="\(escape(front.category.value))"/>

        """
        if let summary = front.summary?.value { xml += "    <summary>\(escape(summary))</summary>\n" }
        xml += "    <content type=\"html\">\(escape(content))</content>\n  </entry>\n"
        return xml
    }

    private func escape(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
