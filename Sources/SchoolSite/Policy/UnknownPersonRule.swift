/// `people.unknown`: every id in `people` or `photos` must be in the register.
struct UnknownPersonRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let listed = front.people.map { ($0.id, $0.location) }
        let pictured = front.photos.flatMap { photo in photo.people.map { ($0.id, $0.location) } }
        return (listed + pictured).compactMap { id, location in
            guard context.register[id] == nil else { return nil }
            return .error("people.unknown", at: location,
                          "\(id) is not in the consent register (\(context.config.registerPath)); check the id")
        }
    }
}
