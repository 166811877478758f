import Foundation

/// The values templates receive (themes/school/README.md lists them for theme authors).
/// Built as dictionaries because that is what Mustache renders.
struct PageContext {
    let config: SiteConfig

    func category(_ name: String, root: String) -> [String: Any] {
        ["name": name, "label": Self.label(name), "url": "\(root)category/\(name)/"]
    }

    func summary(of post: PostListing, root: String) -> [String: Any] {
        var entry: [String: Any] = [
            "title": post.title,
            "url": "\(root)\(post.slug)/",
            "date_iso": post.date.description,
            "date_display": post.date.longDisplay,
            "summary": post.summary ?? "",
            "author": post.author,
            "category": post.category,
            "category_label": Self.label(post.category),
            "category_url": "\(root)category/\(post.category)/",
        ]
        if let cover = cover(of: post, imagePrefix: "\(root)\(post.slug)/") { entry["cover"] = cover }
        return entry
    }

    /// The cover image, with the alt text the body gives the same file (if it shows it).
    /// - Parameter imagePrefix: how the page reaches the post's folder ("" on the post page itself).
    func cover(of post: PostListing, imagePrefix: String) -> [String: Any]? {
        guard let name = post.cover else { return nil }
        return ["url": imagePrefix + name, "alt": post.coverAlt]
    }

    /// Wraps a rendered page body in the layout.
    func layout(pageTitle: String, description: String, path: String, root: String, currentCategory: String?,
                content: String, notice: [String: Any]?) -> [String: Any] {
        var context: [String: Any] = [
            "lang": config.language,
            "site_title": config.title,
            "school": config.school,
            "page_title": pageTitle,
            "description": description,
            "canonical_url": config.baseURL + path,
            "feed_url": config.baseURL + "feed.xml",
            "root": root,
            "assets": "\(root)assets/",
            "content": content,
            "categories": config.policy.categories.map { name in
                var entry = category(name, root: root)
                entry["current"] = name == currentCategory
                return entry
            },
        ]
        if let notice { context["notice"] = notice }
        return context
    }

    /// "achievement" → "Achievement", "school-trips" → "School trips".
    static func label(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
