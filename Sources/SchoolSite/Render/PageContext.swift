import Foundation

/// The values templates receive (themes/school/README.md lists them for theme authors).
/// Built as `ThemeValues`, texts as `ThemeText`.
struct PageContext {
    let config: SiteConfig
    /// The label of each category in `policy.categories`, made once: every page's
    /// navigation and every summary show one.
    private let labels: [String: ThemeText]
    /// The navigation's categories, none current, for the roots pages have ("" and
    /// "../../" for list pages, "../" for post pages), made once: every page shows them.
    private let navigations: [String: [ThemeValues]]

    init(config: SiteConfig) {
        self.config = config
        let labels = Dictionary(config.policy.categories.map { ($0, ThemeText(Self.label($0))) }) { first, _ in first }
        self.labels = labels
        navigations = Dictionary(uniqueKeysWithValues: (0...2).map { depth in
            let root = String(repeating: "../", count: depth)
            return (root, Self.navigation(config.policy.categories, labels: labels, root: root))
        })
    }

    func label(of category: String) -> ThemeText {
        Self.label(of: category, in: labels)
    }

    private static func label(of category: String, in labels: [String: ThemeText]) -> ThemeText {
        labels[category] ?? ThemeText(label(category))
    }

    /// The categories a page at `root` links to, `current` marked.
    private func navigation(root: String, current: String?) -> [ThemeValues] {
        let categories = config.policy.categories
        var entries = navigations[root] ?? Self.navigation(categories, labels: labels, root: root)
        for index in categories.indices where categories[index] == current {
            entries[index]["current"] = true
        }
        return entries
    }

    private static func navigation(_ categories: [String], labels: [String: ThemeText], root: String) -> [ThemeValues] {
        categories.map { name in
            ["name": ThemeText(name), "label": label(of: name, in: labels), "url": ThemeText("\(root)category/\(name)/"), "current": false]
        }
    }

    func summary(of post: PostListing, root: String) -> ThemeValues {
        var entry: ThemeValues = [
            "title": ThemeText(post.title),
            "url": ThemeText("\(root)\(post.slug)/"),
            "date_iso": ThemeText(post.date.description),
            "date_display": ThemeText(post.date.longDisplay),
            "summary": ThemeText(post.summary ?? ""),
            "author": ThemeText(post.author),
            "category": ThemeText(post.category),
            "category_label": label(of: post.category),
            "category_url": ThemeText("\(root)category/\(post.category)/"),
        ]
        if let cover = cover(of: post, imagePrefix: "\(root)\(post.slug)/") { entry["cover"] = cover }
        return entry
    }

    /// The cover image, with the alt text the body gives the same file (if it shows it).
    /// - Parameter imagePrefix: how the page reaches the post's folder ("" on the post page itself).
    func cover(of post: PostListing, imagePrefix: String) -> ThemeValues? {
        guard let name = post.cover else { return nil }
        return ["url": ThemeText(imagePrefix + name), "alt": ThemeText(post.coverAlt)]
    }

    /// Wraps a rendered page body in the layout.
    func layout(pageTitle: String, description: String, path: String, root: String, currentCategory: String?,
                content: String, notice: ThemeValues?) -> ThemeValues {
        var context: ThemeValues = [
            "lang": ThemeText(config.language),
            "site_title": ThemeText(config.title),
            "school": ThemeText(config.school),
            "page_title": ThemeText(pageTitle),
            "description": ThemeText(description),
            "canonical_url": ThemeText(config.baseURL + path),
            "feed_url": ThemeText(config.baseURL + "feed.xml"),
            "root": ThemeText(root),
            "assets": ThemeText("\(root)assets/"),
            "content": ThemeText(content),
            "categories": navigation(root: root, current: currentCategory),
        ]
        if let notice { context["notice"] = notice }
        return context
    }

    /// "achievement" → "Achievement", "school-trips" → "School trips".
    static func label(_ name: String) -> String {
        // Not Foundation's replacingOccurrences: every summary on every list page asks.
        let words = name.split(separator: "-", omittingEmptySubsequences: false).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
