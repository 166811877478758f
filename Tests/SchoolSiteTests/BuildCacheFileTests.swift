import Foundation
import Testing
@testable import SchoolSite

/// Saving the build cache copies the lines of the previous file whose posts
/// are unchanged, and what is read back is what was saved.
@Suite struct BuildCacheFileTests {
    static let postCount = 26

    static func slug(_ index: Int) -> String {
        String(format: "2024-01-%02d-post-%d", 1 + index, index)
    }

    func site() throws -> TestSite {
        var files: [String: String] = [:]
        for index in 0..<Self.postCount {
            let slug = Self.slug(index)
            files.merge(TestSite.post(slug, TestSite.markdown(title: "Post \(index)", date: String(slug.prefix(10)), body: "News \(index)."))) { _, new in new }
        }
        return try TestSite(files)
    }

    func load(_ site: TestSite) throws -> BuildCache {
        try #require(BuildCache.load(for: site.root.appendingPathComponent("output"), key: BuildCache.key(for: try site.load())))
    }

    func lines(_ site: TestSite) throws -> [Substring] {
        try site.read(".output.cache.jsonl").split(separator: "\n")
    }

    @Test func unchangedLinesAreCopiedAndEveryPostIsReadBack() throws {
        let site = try site()
        // The second build links the first one's files, which changes their status; from then on it stays.
        #expect(try site.build(on: "2024-09-02").output != nil)
        try site.write("content/posts/\(Self.slug(0))/index.md", try site.read("content/posts/\(Self.slug(0))/index.md") + "Edited.\n")
        try site.approve(Self.slug(0))
        #expect(try site.build(on: "2024-09-02").output != nil)
        let output = site.root.appendingPathComponent("output")
        let first = try load(site)
        #expect(first.posts.count == Self.postCount)
        // Seven lines of four posts (the last of two), then the header.
        first.save(for: output, reusing: nil, postsPerLine: 4)
        let before = try lines(site)
        #expect(before.count == 1 + 7)
        let split = try load(site)
        #expect(split.posts == first.posts)

        let edited = Self.slug(5)
        try site.write("content/posts/\(edited)/index.md", try site.read("content/posts/\(edited)/index.md") + "More news.\n")
        try site.approve(edited)
        #expect(try site.build(on: "2024-09-02").output != nil)
        // Two entries changed: the edited post's, and that of the post edited
        // before, whose page was new in the last build and is linked now.
        let rebuilt = try load(site)
        #expect(rebuilt.posts.count == Self.postCount)
        #expect(rebuilt.posts.filter { $0.value != first.posts[$0.key] }.keys.sorted() == [Self.slug(0), edited])
        // Saved from the seven-line file, four a line: the lines of the changed
        // posts (0–3 and 4–7) are encoded again, the other five copied.
        rebuilt.save(for: output, reusing: split, postsPerLine: 4)
        let after = try lines(site)
        #expect(after.count == 1 + 7)
        #expect(Set(after).intersection(before.dropFirst()).count == 5)
        // Six a line: the unchanged lines of four are still copied; the line of
        // two, under half a line, is packed with the eight changed posts (6 + 4).
        rebuilt.save(for: output, reusing: split, postsPerLine: 6)
        let packed = try lines(site)
        #expect(packed.count == 1 + 4 + 2)
        #expect(Set(packed).intersection(before.dropFirst()).count == 4)
        #expect(try load(site).posts == rebuilt.posts)

        // Read back whole: with nothing changed, the next build leaves the output as it is.
        let folder = try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int == folder)
        #expect(try site.read("output/\(edited)/index.html").contains("More news."))
    }
}
