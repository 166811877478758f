/// `schoolsite sar ID`: for a subject access request, every post that lists,
/// pictures or names the person, published or not, with its public URL and the
/// image files they appear in.
public struct SubjectAccess: Sendable, Codable {
    public struct Mention: Sendable, Codable {
        public var post: String
        public var state: String
        public var url: String
        /// Listed under `people`.
        public var listed: Bool
        /// Image files whose `photos` entry shows the person.
        public var images: [String]
        /// Where the text names them (by the redaction scan), as `file:line:column`.
        public var namedAt: [String]
    }

    public var person: String
    /// False for someone no longer in the register (a pupil who has left): their
    /// posts are then found by the id alone, as their names are not known.
    public var inRegister: Bool
    public var posts: [Mention]

    public static func report(for id: String, in evaluation: Evaluation, site: Site) -> SubjectAccess {
        let mentions = evaluation.posts.sorted { $0.isNewer(than: $1) }.compactMap { evaluated -> Mention? in
            let post = evaluated.post
            let listed = post.frontMatter?.people.contains { $0.id == id } ?? false
            let images = post.frontMatter?.photos.filter { $0.people.contains { $0.id == id } }.map(\.file) ?? []
            let named = NameMentions.of(id, in: post, register: site.register).map(\.description)
            guard listed || !images.isEmpty || !named.isEmpty else { return nil }
            return Mention(post: post.slug, state: evaluated.state?.rawValue ?? "unreadable", url: site.config.baseURL + post.slug + "/",
                           listed: listed, images: images, namedAt: named)
        }
        return SubjectAccess(person: id, inRegister: site.register[id] != nil, posts: mentions)
    }
}
