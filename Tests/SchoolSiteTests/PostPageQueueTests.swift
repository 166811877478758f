import Foundation
import Testing
@testable import SchoolSite

/// A build renders post pages on a thread of their own while it checks the
/// other posts; the pages must be those the renderer makes on its own.
@Suite struct PostPageQueueTests {
    func site() throws -> TestSite {
        var files: [String: String] = [:]
        for day in 1...12 {
            let date = String(format: "2024-06-%02d", day)
            files.merge(TestSite.post("\(date)-news", TestSite.markdown(title: "News \(day)", date: date, body: "Day \(day): *well done*."))) { _, new in new }
        }
        files.merge(TestSite.post("2024-07-01-draft", TestSite.markdown(title: "Draft", date: "2024-07-01"), approved: false)) { _, new in new }
        return try TestSite(files)
    }

    /// The bytes of each file, by path; nil for a file that is not rendered text.
    func texts(_ files: [OutputFile]) -> [String: Data?] {
        Dictionary(uniqueKeysWithValues: files.map { file in
            if case .data(let data) = file.content { (file.path, data) } else { (file.path, nil) }
        })
    }

    @Test func aBuildsPostPagesAreTheRenderersOwn() throws {
        let site = try site()
        let result = try site.build(on: "2024-09-02")
        #expect(result.output != nil, "\(result.report.diagnostics)")
        let loaded = try site.load()
        let evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build)
        let alone = texts(SiteRenderer(site: loaded).render(posts: evaluation.published.map { evaluation.posts[$0.index].post }).files)
        let built = site.snapshot()
        #expect(result.report.published.count == 12)
        for slug in result.report.published {
            let page = "\(slug)/index.html"
            #expect(built["/\(page)"] == alone[page] ?? nil, "\(page)")
        }
    }

    @Test func queuedPostsGetTheFilesTheRendererMakes() throws {
        let site = try site()
        let loaded = try site.load()
        let evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build)
        let posts = evaluation.published.map { evaluation.posts[$0.index].post }
        let renderer = SiteRenderer(site: loaded)
        let queue = PostPageQueue(renderer: renderer)
        posts.forEach(queue.add)
        let pages = queue.pages()
        #expect(pages.count == posts.count)
        let context = PageContext(config: loaded.config)
        for post in posts {
            #expect(texts(pages[post.slug] ?? []) == texts(renderer.postFiles(post, notice: nil, context: context)), "\(post.slug)")
        }
    }

    @Test func aCancelledQueueRendersNothingMore() throws {
        let site = try site()
        let loaded = try site.load()
        let evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build)
        let posts = evaluation.published.map { evaluation.posts[$0.index].post }
        let queue = PostPageQueue(renderer: SiteRenderer(site: loaded))
        queue.add(posts[0])
        #expect(queue.pages().keys.sorted() == [posts[0].slug])
        queue.cancel()
        posts.dropFirst().forEach(queue.add)
        #expect(queue.pages().keys.sorted() == [posts[0].slug])
    }
}
