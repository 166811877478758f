/// A post folder opened for its fingerprint (`FolderFingerprint`), with the
/// status of its approval: what a build looks at before reading a post.
struct PostFolder {
    /// nil when the folder is a link or cannot be opened: the post is then read
    /// without a fingerprint, so never taken from the build cache.
    let handle: FolderHandle?
    /// The status of its `approval.json`; nil when there is none (a draft).
    let approval: FileStatus?

    /// - Parameter postsFolder: `content/posts` opened, to look the folder up from.
    init(_ slug: String, in site: SiteDirectory, postsFolder: FolderHandle? = nil) {
        let path = site.path(PostLoader.folder(of: slug))
        handle = postsFolder.map { FolderHandle(slug, in: $0, following: false) } ?? FolderHandle(path, following: false)
        approval = handle.map { $0.status(of: PostLoader.approvalFile) } ?? FileStatus("\(path)/\(PostLoader.approvalFile)")
    }
}
