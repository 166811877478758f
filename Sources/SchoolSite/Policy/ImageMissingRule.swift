/// `image.missing`: every image the post shows, and its `cover`, must be a file
/// in the post folder.
struct ImageMissingRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        post.shownImages.compactMap { image in
            let file = post.file(named: image.fileName, in: context.site.directory)
            guard case .inside(let path) = file.location, !file.isRegularFile else { return nil }
            let what = image.isCover ? "the cover image" : "this image"
            if context.site.directory.exists(path) {
                return .error("image.missing", at: image.location,
                              "\(what) `\(image.fileName)` in \(post.folder)/ is not a regular file (a folder, pipe, device or broken link); replace it with the image itself")
            }
            let sameButCase = context.site.directory.entries(of: post.folder).first { $0.lowercased() == image.fileName.lowercased() }
            let hint = sameButCase.map { "; did you mean `\($0)`? Names are case-sensitive" } ?? "; add it or correct the name (names are case-sensitive)"
            return .error("image.missing", at: image.location, "\(what) `\(image.fileName)` is not a file in \(post.folder)/\(hint)")
        }
    }
}
