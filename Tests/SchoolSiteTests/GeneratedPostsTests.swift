import Foundation
import Testing
@testable import SchoolSite

/// Many random posts drawn from the register, some naming people they may not
/// name: whatever passes the policy is built, and no page then carries the name
/// of anyone the post was not allowed to name. The page check is a plain
/// whole-word search, independent of the scanner it tests.
@Suite struct GeneratedPostsTests {
    /// A small seeded generator (SplitMix64), so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = ["sports", "day", "relay", "class", "trip", "garden", "music", "reading", "team", "science",
                        "well", "done", "everyone", "the", "school", "proud", "winners", "painting", "choir", "sunny"]

    func disguise(_ name: String, using random: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return name.uppercased()
        case 1: return name + "'s"
        case 2 where name.count > 2:
            let cut = name.index(name.startIndex, offsetBy: 2)
            return "**\(name[..<cut])**\(name[cut...])"
        case 3: return "[\(name)](https://example.com/)"
        default: return name
        }
    }

    @Test(arguments: [1, 2, 3])
    func noPageNamesAnyoneItMayNotName(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let register = try RegisterReader.parse(TestSite.register, file: "r.csv")
        let date = Day(iso: "2024-09-02")!
        var files: [String: String] = [:]
        var allowed: [String: Set<String>] = [:]
        for number in 0..<40 {
            let slug = "2024-06-\(String(format: "%02d", number % 28 + 1))-post-\(number)"
            let people = register.people.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
            let named = people.filter { _ in Bool.random(using: &random) }
            allowed[slug] = Set(named.filter { $0.hasNameConsent(on: date) }.map(\.id))
            var text = (0..<30).map { _ in Self.words.randomElement(using: &random)! }
            for person in people {
                let name = [person.givenName, person.knownAs, person.familyName].filter { !$0.isEmpty }.randomElement(using: &random)!
                text.insert(disguise(name, using: &random), at: Int.random(in: 0...text.count, using: &random))
            }
            let entries = people.map { "{id: \($0.id)\(named.contains($0) ? ", named: true" : "")}" }.joined(separator: ", ")
            files["content/posts/\(slug)/index.md"] = "---\ntitle: News \(number)\ndate: 2024-06-\(String(format: "%02d", number % 28 + 1))\nauthor: Staff\ncategory: update\npeople: [\(entries)]\nphotos: {}\n---\n\(text.joined(separator: " "))\n"
        }
        let site = try TestSite(files)
        let loaded = try site.load()
        // Approve exactly the posts that pass, as an SBM would; the rest stay drafts.
        let verdicts = Evaluation.evaluate(loaded, on: date, for: .review)
        var passing = 0
        for post in verdicts.posts where !post.diagnostics.hasErrors {
            try site.approve(post.post.slug)
            passing += 1
        }
        #expect(passing > 5 && passing < 40, "the generator must produce both passing and failing posts")
        let result = try site.build(on: "2024-09-02")
        #expect(result.output != nil)
        for (slug, mayName) in allowed where site.exists("output/\(slug)/index.html") {
            let page = try site.read("output/\(slug)/index.html").replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression).lowercased()
            for person in register.people where !mayName.contains(person.id) {
                for name in [person.givenName, person.familyName, person.knownAs] where !name.isEmpty {
                    let pattern = "(^|[^\\p{L}])\(NSRegularExpression.escapedPattern(for: name.lowercased()))([^\\p{L}]|$)"
                    #expect(page.range(of: pattern, options: .regularExpression) == nil, "\(slug) shows a name of \(person.id)")
                }
            }
        }
    }
}
