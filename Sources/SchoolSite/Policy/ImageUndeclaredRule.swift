/// `image.undeclared`: every image shown needs a `photos` entry saying who is
/// visible in it (`[]` for nobody), so no photo escapes the consent check.
struct ImageUndeclaredRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let declared = Set(front.photos.map(\.file))
        var reported: Set<String> = []
        return post.shownImages.compactMap { image in
            guard !declared.contains(image.fileName), reported.insert(image.fileName).inserted else { return nil }
            return .error("image.undeclared", at: image.location,
                          "`\(image.fileName)` has no entry under `photos`; add `\(image.fileName): [ids of everyone visible]`, or `[]` if nobody is")
        }
    }
}
