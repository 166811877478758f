import Foundation

/// Finds the post folders under `content/posts` and reads each one.
enum PostLoader {
    static let postsFolder = "content/posts"
    static let approvalFile = "approval.json"
    /// A post is prose; anything bigger is a mistake (a pasted file, a video).
    static let sourceLimit = 4 << 20
    static let approvalLimit = 64 << 10

    /// The slugs of the post folders, sorted; `only`, when given, keeps just those.
    /// - Parameter postsFolder: `content/posts` opened.
    static func folders(in postsFolder: FolderHandle, only: Set<String>? = nil) -> [String] {
        DirectoryListing.folders(in: postsFolder).filter { name in
            !name.hasPrefix(".") && (only?.contains(name) ?? true)
        }.sorted()
    }

    static func folder(of slug: String) -> String { "\(postsFolder)/\(slug)" }

    /// - Parameters:
    ///   - readDrafts: `build` passes false: a draft is then known by its
    ///     folder name only and none of its files is opened.
    ///   - isDraft: whether the post has no `approval.json`, when the caller has looked already.
    ///   - renderHTML: false when the post is only checked, never shown.
    ///   - postsFolder: `content/posts` opened, to look the post's files up from:
    ///     the kernel then walks two names per file, not the site's whole path.
    static func loadPost(slug: String, from site: SiteDirectory, postsFolder: FolderHandle, config: SiteConfig, readDrafts: Bool,
                         isDraft knownDraft: Bool? = nil, renderHTML: Bool = true) -> Post {
        let read = { (name: String, limit: Int) throws(FileReadError) -> Data in
            try SiteDirectory.readData(at: "\(slug)/\(name)", in: postsFolder, limit: limit)
        }
        let hasApproval = { postsFolder.status(of: "\(slug)/\(approvalFile)") != nil }
        var approval: Result<Data, FileReadError>?
        let isDraft: Bool
        if let knownDraft {
            isDraft = knownDraft
        } else if readDrafts {
            // Read at once rather than looked for first: most posts have one.
            approval = Result { () throws(FileReadError) in try read(approvalFile, approvalLimit) }
            // Only a folder with nothing at all named approval.json holds a draft: a link
            // that leads nowhere, or one the read was refused, is an approval that cannot be read.
            if case .failure = approval { isDraft = !hasApproval() } else { isDraft = false }
        } else {
            isDraft = !hasApproval()
        }
        var post = Post(unread: slug, isDraft: isDraft)
        guard readDrafts || !isDraft else { return post }
        if !Slug.isValid(slug) {
            post.loadDiagnostics.append(.error("post.slug", at: SourceLocation(file: post.folder),
                                               "the folder name `\(slug)` is not a valid slug: use lower-case letters, digits and single hyphens, e.g. 2024-06-14-sports-day"))
        } else if Slug.reservedForTheSite.contains(slug) {
            post.loadDiagnostics.append(.error("post.slug", at: SourceLocation(file: post.folder),
                                               "the folder name `\(slug)` is taken by the site's own \(slug)/ folder; rename the post folder, e.g. 2024-06-14-\(slug)"))
        }
        if !isDraft {
            let data = approval ?? Result { () throws(FileReadError) in try read(approvalFile, approvalLimit) }
            post.approvalText = try? SiteDirectory.decodeText(data.get())
        }
        let source: String
        do {
            let data = try read("index.md", sourceLimit)
            post.sourceData = [UInt8](data)
            source = try SiteDirectory.decodeText(data)
        } catch {
            post.loadDiagnostics.append(.error("post.front-matter", at: SourceLocation(file: post.sourceFile), "index.md \(error.reason)"))
            return post
        }
        // Foundation's replacing is slow, and most posts have no CR at all: memchr looks for one at memory speed.
        let hasCR = post.sourceData?.withUnsafeBytes { bytes in
            bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), bytes.count) != nil } ?? false
        } ?? false
        let normalized = hasCR ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        let parsed = FrontMatterParser.parse(normalized, file: post.sourceFile)
        post.frontMatter = parsed.frontMatter
        post.loadDiagnostics += parsed.diagnostics
        post.markdown = MarkdownRenderer.render(parsed.body, firstLine: parsed.bodyFirstLine, pageAddress: config.baseURL + slug + "/", html: renderHTML)
        for name in post.shownImages.map(\.fileName) {
            let key = ImageFile.key(name)
            if post.imageFiles[key] == nil {
                post.imageFiles[key] = ImageFile(named: name, of: post, site: site, postsFolder: postsFolder)
            }
        }
        return post
    }
}
