import Foundation

/// `schoolsite new`: a post folder `DATE-SLUG` with a front matter template
/// whose comments say what goes where.
public enum NewPost {
    /// - Returns: the site-relative path of the new `index.md`.
    public static func create(title: String, category: String?, date: Day, in site: Site) throws(SiteError) -> String {
        let categories = site.config.policy.categories
        let chosen = category ?? categories[0]
        guard categories.contains(chosen) else {
            throw SiteError("post.category", at: SourceLocation(file: SiteConfigLoader.fileName),
                            "category `\(chosen)` is not one of \(categories.joined(separator: ", ")) (policy.categories in site.yml)")
        }
        let words = Slug.make(from: title)
        guard !words.isEmpty else {
            throw SiteError("post.slug", at: SourceLocation(file: PostLoader.postsFolder),
                            "the title needs at least one letter or digit to make the folder name from")
        }
        let folder = "\(PostLoader.postsFolder)/\(date)-\(words)"
        let path = "\(folder)/index.md"
        guard !site.directory.exists(folder) else {
            throw SiteError("post.exists", at: SourceLocation(file: folder),
                            "\(folder) already exists and is left as it is; choose another title, or edit that post")
        }
        do {
            try FileManager.default.createDirectory(at: site.directory.url(folder), withIntermediateDirectories: true)
            try Data(template(title: title, category: chosen, date: date, categories: categories).utf8)
                .write(to: site.directory.url(path), options: .withoutOverwriting)
        } catch {
            throw SiteError(.outputFailed, "post.write", at: SourceLocation(file: folder), "could not create the post: \(error.localizedDescription)")
        }
        return path
    }

    static func template(title: String, category: String, date: Day, categories: [String]) -> String {
        """
        ---
        title: \(quoted(title))
        date: \(date)              # publication day; a later day schedules the post
        # expires: YYYY-MM-DD         # optional: the last day it stays on the site
        author:                       # your name as it should appear, e.g. Mrs A. Patel
        category: \(category)\(String(repeating: " ", count: max(1, 20 - category.count)))# one of: \(categories.joined(separator: ", "))
        summary:                      # optional: one sentence for the news list and the feed
        # cover: photo.jpg            # optional: a photo of this folder for the news list and the feed
        people: []                    # everyone the post features, by register id, e.g.
        #  - id: P0042
        #    named: true              # only if the text says their name (needs name consent)
        photos: {}                    # every image shown, with the ids of everyone visible, e.g.
        #  relay.jpg: [P0042, P0107]
        #  trophy.jpg: []             # nobody visible
        # not_names: [May]            # words that look like register names but are not names here
        ---
        Write the post here in Markdown. Put photos in this folder and show them like this:

        ![Describe the photo for people who cannot see it](photo.jpg)

        """
    }

    /// A YAML double-quoted string, so colons, quotes and `#` in a title are safe.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
