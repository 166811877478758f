/// `post.category`: the category must be one of `policy.categories` in site.yml.
struct CategoryRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let allowed = context.config.policy.categories
        guard !allowed.contains(front.category.value) else { return [] }
        return [.error("post.category", at: front.category.location,
                       "category `\(front.category.value)` is not one of \(allowed.joined(separator: ", ")) (set in site.yml under policy.categories)")]
    }
}
