import Foundation

/// An image a post shows, looked up once when the post is read for every rule
/// that asks: where its name leads and, inside the post folder, its bytes. The
/// approval is then made over the very bytes the policy checked.
struct ImageFile: Sendable {
    static let sizeLimit = 64 << 20

    let location: ImageLocation
    /// The bytes of an image inside the post folder, or why they cannot be read; nil for any other.
    let bytes: Result<Data, FileReadError>?

    /// - Parameter postsFolder: `content/posts` opened, to read the file through (as `PostLoader` reads a post).
    init(named name: String, of post: Post, site: SiteDirectory, postsFolder: FolderHandle? = nil) {
        location = ImageLocation.of(name, in: post, site: site)
        guard case .inside(let path) = location else {
            bytes = nil
            return
        }
        bytes = Result { () throws(FileReadError) in
            if let postsFolder {
                try SiteDirectory.readData(at: "\(post.slug)/\(name)", in: postsFolder, limit: Self.sizeLimit)
            } else {
                try site.readData(path, limit: Self.sizeLimit)
            }
        }
    }
}

extension Post {
    /// The file `image` names, as looked up when the post was read (or now, for a post read without its images).
    func file(of image: ImageReference, in site: SiteDirectory) -> ImageFile {
        imageFiles[image.fileName] ?? ImageFile(named: image.fileName, of: self, site: site)
    }
}
