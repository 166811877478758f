/// `consent.do-not-publish`: nobody on the do-not-publish list may be featured,
/// whatever their other consents say.
struct DoNotPublishRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        front.people.compactMap { entry in
            guard context.register[entry.id]?.doNotPublish == true else { return nil }
            return .error("consent.do-not-publish", at: entry.location,
                          "\(entry.id) is on the do-not-publish list and must not appear in any post; remove them and any photo they are in")
        }
    }
}
