/// `image.missing`: every image the post shows, and its `cover`, must be a file
/// in the post folder.
struct ImageMissingRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        post.shownImages.compactMap { image in
            guard case .inside(let path) = ImageLocation.of(image, in: post, site: context.site.directory),
                  !context.site.directory.isRegularFile(path) else { return nil }
            let what = image.isCover ? "the cover image" : "this image"
            return .error("image.missing", at: image.location,
                          "\(what) `\(image.fileName)` is not a file in \(post.folder)/; add it or correct the name (names are case-sensitive)")
        }
    }
}
