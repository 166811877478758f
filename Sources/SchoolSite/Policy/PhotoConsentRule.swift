/// `consent.photo`: everyone visible in an image the post shows must have photo
/// consent on the build date (flag yes, not do-not-publish, not lapsed).
struct PhotoConsentRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        let shown = Set(post.shownImages.map(\.fileName))
        return front.photos.filter { shown.contains($0.file) }.flatMap { photo in
            photo.people.compactMap { entry -> Diagnostic? in
                guard let person = context.register[entry.id], !person.hasPhotoConsent(on: context.date) else { return nil }
                return .error("consent.photo", at: entry.location,
                              "\(entry.id) is pictured in \(photo.file) but has no photo consent on \(context.date)\(ConsentReason.of(person, flag: person.photoConsent))")
            }
        }
    }
}

/// Why consent does not hold, when it is not simply a `no` in the register.
enum ConsentReason {
    static func of(_ person: Person, flag: Bool) -> String {
        if person.doNotPublish { return " (on the do-not-publish list)" }
        if flag, let until = person.consentUntil { return " (consent ended \(until))" }
        return ""
    }
}
