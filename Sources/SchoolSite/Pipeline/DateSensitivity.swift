/// On which build dates a post's result could differ from the day it was
/// checked: its state turns on `date` and `expires`, and its consent checks on
/// the `consent_until` of everyone it lists. Between those days the result is
/// the same, so a rebuild on another day can reuse it.
struct DateSensitivity: Sendable, Equatable {
    var checkedOn: Day
    /// Days D where "build date ≥ D" matters (a post's `date`).
    var from: [Day]
    /// Days D where "build date > D" matters (`expires`, `consent_until`).
    var after: [Day]

    init(of post: Post, register: Register, checkedOn day: Day) {
        checkedOn = day
        guard let front = post.frontMatter else {
            (from, after) = ([], [])
            return
        }
        from = [front.date]
        let ids = Set(front.people.map(\.id) + front.photos.flatMap { $0.people.map(\.id) })
        after = ([front.expires] + ids.map { register[$0]?.consentUntil }).compactMap { $0 }
    }

    /// Whether a build on `day` would see the post exactly as on `checkedOn`.
    func holds(on day: Day) -> Bool {
        from.allSatisfy { (day >= $0) == (checkedOn >= $0) } && after.allSatisfy { (day > $0) == (checkedOn > $0) }
    }
}
