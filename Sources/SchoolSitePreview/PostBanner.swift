import SchoolSite

/// What the preview says about a post: its state and whether the build would refuse it.
enum PostBanner {
    /// The banner at the top of a post page; its problems are every finding, sorted.
    static func notice(for evaluated: EvaluatedPost) -> Notice {
        let state = stateText(of: evaluated)
        let errors = errorCount(of: evaluated)
        guard errors == 0 else {
            return Notice(kind: "failing", text: "\(state). Would be refused: \(problems(errors))",
                          problems: evaluated.diagnostics.sorted())
        }
        return Notice(kind: evaluated.state?.rawValue ?? "failing", text: state, problems: evaluated.diagnostics.sorted())
    }

    /// "Draft — not approved", "Scheduled for 3 July 2025", "Expired on 31 July 2025", "Published".
    static func stateText(of evaluated: EvaluatedPost) -> String {
        let front = evaluated.post.frontMatter
        switch evaluated.state {
        case .draft: return "Draft — not approved"
        case .scheduled: return front.map { "Scheduled for \($0.date.longDisplay)" } ?? "Scheduled"
        case .expired: return front?.expires.map { "Expired on \($0.longDisplay)" } ?? "Expired"
        case .published: return "Published"
        case nil: return "Cannot be read"
        }
    }

    static func errorCount(of evaluated: EvaluatedPost) -> Int {
        evaluated.diagnostics.filter { $0.severity == .error }.count
    }

    /// "1 problem", "2 problems".
    static func problems(_ count: Int) -> String {
        "\(count) problem\(count == 1 ? "" : "s")"
    }
}
