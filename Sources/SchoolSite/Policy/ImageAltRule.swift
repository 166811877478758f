/// `image.alt`: every image in the body needs alt text for people using screen readers.
struct ImageAltRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        post.shownImages.filter { !$0.isCover && $0.alt.allSatisfy(\.isWhitespace) }.map { image in
            .error("image.alt", at: image.location,
                   "`\(image.fileName)` has no alt text; describe the picture in the brackets: ![Children passing the baton](\(image.name))")
        }
    }
}
