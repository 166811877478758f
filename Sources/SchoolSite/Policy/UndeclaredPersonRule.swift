/// `people.undeclared`: everyone visible in a photo must also be listed in `people`,
/// so the SBM sees the whole list of who a post features when approving it.
struct UndeclaredPersonRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let listed = Set(front.people.map(\.id))
        return front.photos.flatMap { photo in
            photo.people.filter { !listed.contains($0.id) }.map { person in
                Diagnostic.error("people.undeclared", at: person.location,
                                 "\(person.id) is pictured in \(photo.file) but not listed under `people`; add `- id: \(person.id)`")
            }
        }
    }
}
