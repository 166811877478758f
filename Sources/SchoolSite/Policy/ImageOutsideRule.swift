/// `image.outside`: an image must be a file of the post folder: no `..`, no
/// absolute path, no symlink pointing out, nothing remote.
struct ImageOutsideRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        post.shownImages.compactMap { image in
            switch post.file(named: image.fileName, in: context.site.directory).location {
            case .inside:
                return nil
            case .remote:
                return .error("image.outside", at: image.location,
                              "this image is on another website; copy the file into the post folder and refer to it by its name")
            case .outside(let reason):
                return .error("image.outside", at: image.location,
                              "this image \(reason); images must be files in the post folder, referred to by name")
            }
        }
    }
}
