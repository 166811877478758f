/// An image a post shows, looked up once when the post is read for every rule
/// that asks: where its name leads and, inside the post folder, what is there.
/// Its bytes are read where they are used, one image at a time: a post may show
/// dozens of large photos, and a review keeps its posts whole.
struct ImageFile: Sendable {
    let location: ImageLocation
    /// For an image inside the post folder, what is there, links followed; nil when nothing is, or elsewhere.
    let status: FileStatus?

    var isRegularFile: Bool { status?.isRegularFile == true }

    /// - Parameter postsFolder: `content/posts` opened, to look the file up through (as `PostLoader` reads a post).
    init(named name: String, of post: Post, site: SiteDirectory, postsFolder: FolderHandle? = nil) {
        location = ImageLocation.of(name, in: post, site: site)
        guard case .inside(let path) = location else {
            status = nil
            return
        }
        if let postsFolder {
            status = postsFolder.status(of: "\(post.slug)/\(name)", following: true)
        } else {
            status = FileStatus(site.path(path), following: true)
        }
    }

    /// An image's key in `Post.imageFiles`: its name byte for byte. As Strings, `é` written
    /// as one character and as `e` with a combining mark are equal; as file names they are two files.
    static func key(_ name: String) -> [UInt8] { Array(name.utf8) }
}

extension Post {
    /// The image file `name` (an image's `fileName`) names, as looked up when the post
    /// was read (or now, for a post read without its images).
    func file(named name: String, in site: SiteDirectory) -> ImageFile {
        imageFiles[ImageFile.key(name)] ?? ImageFile(named: name, of: self, site: site)
    }
}
