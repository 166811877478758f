import Foundation
import SchoolSite

/// What is fuzzed: `images` (the metadata stripper), `posts` (an index.md
/// through front matter, Markdown, every policy rule and the theme) or
/// `register` (a register.csv through the site loader). The post and register
/// targets write each input into a copy of a site (`SCHOOLSITE_FUZZ_SITE`).
enum FuzzTarget {
    case images
    case posts(site: String)
    case register(site: String)

    static let selected: FuzzTarget = {
        let environment = ProcessInfo.processInfo.environment
        let site = environment["SCHOOLSITE_FUZZ_SITE"] ?? ""
        switch environment["SCHOOLSITE_FUZZ_TARGET"] {
        case "posts": return .posts(site: site)
        case "register": return .register(site: site)
        default: return .images
        }
    }()

    static let slug = "2026-01-01-fuzz"

    /// The post target's site, loaded once: only the post changes between inputs.
    static let postSite: Site? = {
        guard case .posts(let site) = selected else { return nil }
        return try? Site.load(at: site)
    }()

    func run(_ input: Data) {
        switch self {
        case .images:
            _ = try? ImageMetadataStripper.strip(input)
        case .posts(let site):
            let folder = "\(site)/content/posts/\(Self.slug)"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: "\(folder)/index.md", contents: input),
                  let loaded = Self.postSite else { return }
            let evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2026-01-02")!, for: .review, only: [Self.slug])
            _ = SiteRenderer(site: loaded).render(posts: evaluation.posts.map(\.post).filter { $0.frontMatter != nil && $0.markdown != nil })
        case .register(let site):
            guard FileManager.default.createFile(atPath: "\(site)/content/register.csv", contents: input) else { return }
            _ = try? Site.load(at: site)
        }
    }
}
