import Foundation

/// Finds the post folders under `content/posts` and reads each one.
enum PostLoader {
    static let postsFolder = "content/posts"
    static let approvalFile = "approval.json"
    /// A post is prose; anything bigger is a mistake (a pasted file, a video).
    static let sourceLimit = 4 << 20

    /// - Parameter readDrafts: `build` passes false: a draft is then known by its
    ///   folder name only and none of its files is opened.
    /// - Parameter only: when given, just these slugs.
    static func load(from site: SiteDirectory, config: SiteConfig, readDrafts: Bool, only: Set<String>? = nil) -> [Post] {
        let folders = site.entries(of: postsFolder).filter { name in
            !name.hasPrefix(".") && (only?.contains(name) ?? true) && site.isDirectory("\(postsFolder)/\(name)")
        }
        return folders.parallelMap { slug in
            loadPost(slug: slug, from: site, config: config, readDrafts: readDrafts)
        }
    }

    static func loadPost(slug: String, from site: SiteDirectory, config: SiteConfig, readDrafts: Bool) -> Post {
        let folder = "\(postsFolder)/\(slug)"
        let isDraft = !site.exists("\(folder)/\(approvalFile)")
        var post = Post(slug: slug, folder: folder, isDraft: isDraft, sourceData: nil, approvalText: nil,
                        frontMatter: nil, markdown: nil, loadDiagnostics: [])
        guard readDrafts || !isDraft else { return post }
        if !Slug.isValid(slug) {
            post.loadDiagnostics.append(.error("post.slug", at: SourceLocation(file: folder),
                                               "the folder name `\(slug)` is not a valid slug: use lower-case letters, digits and single hyphens, e.g. 2024-06-14-sports-day"))
        }
        if !isDraft {
            post.approvalText = try? site.readText(post.approvalFile, limit: 64 << 10)
        }
        let source: String
        do {
            let data = try site.readData(post.sourceFile, limit: sourceLimit)
            post.sourceData = data
            source = try SiteDirectory.decodeText(data)
        } catch {
            post.loadDiagnostics.append(.error("post.front-matter", at: SourceLocation(file: post.sourceFile), "index.md \(error.reason)"))
            return post
        }
        // Foundation's replacing is slow; most posts have no CR at all.
        let normalized = source.utf8.contains(UInt8(ascii: "\r")) ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        let parsed = FrontMatterParser.parse(normalized, file: post.sourceFile)
        post.frontMatter = parsed.frontMatter
        post.loadDiagnostics += parsed.diagnostics
        let pageURL = URL(string: config.baseURL + slug + "/") ?? URL(fileURLWithPath: "/")
        post.markdown = MarkdownRenderer.render(parsed.body, firstLine: parsed.bodyFirstLine, pageURL: pageURL)
        return post
    }
}
