import Foundation

/// Renders posts through the theme into a `RenderedSite`: news list pages,
/// post pages with their images, category pages, the feed and theme assets.
public struct SiteRenderer: Sendable {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// Renders every post afresh (a clean build, the preview).
    /// - Parameters:
    ///   - posts: the posts to show, newest first; each must have front matter and Markdown.
    ///   - notices: preview banners by slug.
    public func render(posts: [Post], notices: [String: Notice] = [:]) -> RenderedSite {
        render(posts.map { .read($0) }, feed: .posts(posts, signature: nil), notices: notices)
    }

    /// - Parameters:
    ///   - published: the posts to show, newest first.
    ///   - feed: the feed's entries.
    ///   - previousPages: the signatures of news list and category pages in the previous output,
    ///     under the same theme and settings; a page whose signature is the same is linked, not rendered.
    ///   - postPages: the files of posts rendered already (`PostPageQueue`), by slug.
    public func render(_ published: [PublishedPost], feed: FeedEntries, notices: [String: Notice] = [:],
                       previousPages: [String: String] = [:], postPages: [String: [OutputFile]] = [:]) -> RenderedSite {
        let context = PageContext(config: site.config)
        var files = published.parallelMap { post in
            switch post {
            case .read(let post): postPages[post.slug] ?? postFiles(post, notice: notices[post.slug], context: context)
            case .unchanged(_, let paths): paths.map { OutputFile(path: $0, content: .previous) }
            }
        }.flatMap { $0 }
        let listings = published.compactMap(\.listing)
        // Each post is on a news list page and on its category's page: its part of their signatures is made once.
        let listed = Array(zip(listings, listings.parallelMap(\.signature)))
        // Category pages first: each lists a whole category, and the cores share the work
        // best when the largest pages are not left to the end.
        let pages = site.config.policy.categories.map { categoryListPage($0, posts: listed) } + newsListPages(listed)
        let signatures = pages.parallelMap { $0.signature }
        files += Array(zip(pages, signatures)).parallelMap { page, signature in
            previousPages[page.file] == signature ? OutputFile(path: page.file, content: .previous) : page.render(self, context)
        }
        switch feed {
        case .posts(let posts, _):
            files.append(OutputFile(path: AtomFeed.file, content: .data(Data(AtomFeed(config: site.config).render(posts).utf8))))
        case .unchanged:
            files.append(OutputFile(path: AtomFeed.file, content: .previous))
        }
        let staticFolder = "\(site.theme.folder)/static/"
        files += site.theme.staticFiles.map { OutputFile(path: "assets/" + $0.dropFirst(staticFolder.count), content: .copy(sourcePath: $0)) }
        var pageSignatures = Dictionary(uniqueKeysWithValues: zip(pages.map(\.file), signatures))
        pageSignatures[AtomFeed.file] = feed.signature
        return RenderedSite(files: files.sorted { $0.path < $1.path }, pageSignatures: pageSignatures)
    }

    /// A post's page and the images it shows.
    func postFiles(_ post: Post, notice: Notice?, context: PageContext) -> [OutputFile] {
        guard let front = post.frontMatter, let markdown = post.markdown, let listing = post.listing else { return [] }
        let root = "../"
        var entry = context.summary(of: listing, root: root)
        entry["body"] = ThemeText(markdown.html)
        // The post's own images sit beside its page; a cover the body shows anyway is not repeated.
        entry["cover"] = nil
        if let cover = front.cover, !post.shownImages.contains(where: { !$0.isCover && $0.fileName == cover.value }) {
            entry["cover"] = context.cover(of: listing, imagePrefix: "")
        }
        let body = site.theme.render("post", ["post": entry, "home_url": ThemeText(root)])
        let page = page(title: "\(front.title.value) – \(site.config.title)", description: front.summary?.value ?? "",
                        path: "\(post.slug)/", root: root, category: nil, body: body, notice: notice, context: context)
        let images = Self.imageNames(of: post).map { name in
            OutputFile(path: "\(post.slug)/\(name)", content: .image(sourcePath: "\(post.folder)/\(name)"))
        }
        return [page] + images
    }

    /// The images a post's page shows, as published beside it; `./a.jpg` and
    /// `a.jpg` are one file.
    static func imageNames(of post: Post) -> [String] {
        Set(post.shownImages.map { $0.fileName.split(separator: "/").filter { $0 != "." }.joined(separator: "/") }).sorted()
    }

    /// A news list or category page, before it is rendered.
    private struct ListPage: Sendable {
        var file: String
        var number: Int
        var pages: Int
        /// The category page's category; nil on the news list.
        var category: String?
        var posts: [PostListing]
        /// `PostListing.signature` of each of `posts`.
        var postSignatures: [String]

        /// Everything the page shows besides the theme and settings (the build
        /// cache's key), as one digest.
        var signature: String {
            PageSignature.fields([file, "\(number)", "\(pages)", category.map { "+\($0)" } ?? "-"] + postSignatures).sha256
        }

        func render(_ renderer: SiteRenderer, _ context: PageContext) -> OutputFile {
            category.map { renderer.renderCategory($0, list: self, context: context) } ?? renderer.renderNewsList(self, context: context)
        }
    }

    private func newsListPages(_ posts: [(PostListing, String)]) -> [ListPage] {
        let perPage = site.config.postsPerPage
        let chunks = stride(from: 0, to: max(posts.count, 1), by: perPage).map { posts[$0..<min($0 + perPage, posts.count)] }
        return chunks.enumerated().map { index, chunk in
            ListPage(file: index == 0 ? "index.html" : "page/\(index + 1)/index.html", number: index + 1, pages: chunks.count,
                     category: nil, posts: chunk.map(\.0), postSignatures: chunk.map(\.1))
        }
    }

    private func categoryListPage(_ name: String, posts: [(PostListing, String)]) -> ListPage {
        let shown = posts.filter { $0.0.category == name }
        return ListPage(file: "category/\(name)/index.html", number: 1, pages: 1, category: name, posts: shown.map(\.0), postSignatures: shown.map(\.1))
    }

    private func renderNewsList(_ list: ListPage, context: PageContext) -> OutputFile {
        let number = list.number
        let root = number == 1 ? "" : "../../"
        var values: ThemeValues = [
            "heading": ThemeText("Latest news"),
            "posts": list.posts.map { context.summary(of: $0, root: root) },
            "empty": list.posts.isEmpty,
        ]
        if list.pages > 1 {
            var pagination: ThemeValues = ["page": number, "pages": list.pages]
            if number > 1 { pagination["newer_url"] = ThemeText(number == 2 ? "\(root)./" : "\(root)page/\(number - 1)/") }
            if number < list.pages { pagination["older_url"] = ThemeText("\(root)page/\(number + 1)/") }
            values["pagination"] = pagination
        }
        let path = number == 1 ? "" : "page/\(number)/"
        let title = number == 1 ? site.config.title : "\(site.config.title) – page \(number)"
        return page(title: title, description: "News from \(site.config.school)", path: path, root: root, category: nil,
                    body: site.theme.render("index", values), notice: nil, context: context)
    }

    private func renderCategory(_ name: String, list: ListPage, context: PageContext) -> OutputFile {
        let root = "../../"
        let label = context.label(of: name)
        let body = site.theme.render("category", [
            "category": ThemeText(name), "label": label, "empty": list.posts.isEmpty,
            "posts": list.posts.map { context.summary(of: $0, root: root) },
        ])
        return page(title: "\(label.text) – \(site.config.title)", description: "\(label.text) news from \(site.config.school)",
                    path: "category/\(name)/", root: root, category: name, body: body, notice: nil, context: context)
    }

    private func page(title: String, description: String, path: String, root: String, category: String?,
                      body: String, notice: Notice?, context: PageContext) -> OutputFile {
        let values = context.layout(pageTitle: title, description: description, path: path, root: root,
                                    currentCategory: category, content: body, notice: notice?.context)
        return OutputFile(path: path + "index.html", content: .data(Data(site.theme.render("layout", values).utf8)))
    }
}
