/// `consent.name`: someone marked `named: true` must have name consent on the build date.
struct NameConsentRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        front.people.filter(\.named).compactMap { entry in
            guard let person = context.register[entry.id], !person.hasNameConsent(on: context.date) else { return nil }
            return .error("consent.name", at: entry.location,
                          "\(entry.id) is named in the post but has no name consent on \(context.date)\(ConsentReason.of(person, flag: person.nameConsent)); remove their name and `named: true`")
        }
    }
}
