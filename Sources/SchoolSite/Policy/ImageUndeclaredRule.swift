/// `image.undeclared`: every image shown needs a `photos` entry saying who is
/// visible in it (`[]` for nobody), so no photo escapes the consent check.
struct ImageUndeclaredRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let declared = Set(front.photos.map(\.file))
        var reported: Set<String> = []
        return post.shownImages.compactMap { image in
            guard !declared.contains(image.fileName), reported.insert(image.fileName).inserted else { return nil }
            let entry = "`\(image.fileName)` has no entry under `photos`"
            guard isElsewhere(image, in: post, context: context) else {
                return .error("image.undeclared", at: image.location,
                              "\(entry); add `\(image.fileName): [ids of everyone visible]`, or `[]` if nobody is")
            }
            return .error("image.undeclared", at: image.location,
                          "\(entry); once the photo is a file in the post folder, shown by its file name, add `FILE-NAME: [ids of everyone visible]`, or `[]` if nobody is")
        }
    }

    /// Shown by a path out of the post folder or an address (`image.outside`): its
    /// entry will be under the name it gets once copied in. A plain name that is a
    /// link out keeps its name when the file itself replaces the link.
    private func isElsewhere(_ image: ImageReference, in post: Post, context: PolicyContext) -> Bool {
        // By bytes: `/` then a combining mark is one Character.
        guard image.fileName.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) else { return false }
        if case .inside = post.file(named: image.fileName, in: context.site.directory).location { return false }
        return true
    }
}
