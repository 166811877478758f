import Foundation
import Testing
@testable import SchoolSite

/// Saving the build cache copies the chunks of the previous file whose posts
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

    /// The file's chunks of posts, each as its bytes.
    func chunks(_ site: TestSite) throws -> [Data] {
        try CacheFile(serializedBytes: Data(contentsOf: site.root.appendingPathComponent(".output.cache"))).chunks
    }

    /// Every field comes back as it went, an absent one as absent, not empty.
    @Test(arguments: [nil, ""], [nil, [], ["approval.json", "index.md"]])
    func anEntryIsReadBackAsItWasSaved(_ text: String?, _ names: [String]?) throws {
        var record = CachedPost()
        record.slug = "2024-06-14-relay"
        record.fingerprint = "f"
        record.state = "scheduled"
        record.sensitivity.checkedOn = "2024-06-14"
        record.sensitivity.from = ["2024-06-14"]
        record.sensitivity.after = ["2024-06-14", "2025-07-31"]
        var stamp = CachedStamp()
        (stamp.path, stamp.mode, stamp.device, stamp.inode) = ("2024-06-14-relay/index.html", 0o100644, 2049, 1 << 40)
        (stamp.size, stamp.modified, stamp.changed) = (4866, -5, .max)
        record.files = [stamp]
        if let names { record.folderNames.names = names }
        var listing = CachedListing()
        (listing.slug, listing.title, listing.date, listing.author, listing.category) = (record.slug, "Relay", "2024-06-14", "Mr T. Nguyen", "achievement")
        if let text { (listing.summary, listing.cover, listing.coverAlt) = (text, text, text) }
        for record in [record, { var listed = record; listed.listing = listing; return listed }()] {
            let read = try #require(BuildCache.Entry(try CachedPost(serializedBytes: record.serializedData() as Data)))
            #expect(read.record(slug: record.slug) == record)
            #expect(read.folderNames == names && read.listing?.summary == (record.hasListing ? text : nil))
        }
        record.state = "retired"
        #expect(BuildCache.Entry(record) == nil, "a state this program does not know")
        record.state = "draft"
        record.sensitivity.from = ["2024-02-30"]
        #expect(BuildCache.Entry(record) == nil, "a day that is not one")
    }

    @Test func unchangedChunksAreCopiedAndEveryPostIsReadBack() throws {
        let site = try site()
        // The second build links the first one's files, which changes their status; from then on it stays.
        #expect(try site.build(on: "2024-09-02").output != nil)
        try site.write("content/posts/\(Self.slug(0))/index.md", try site.read("content/posts/\(Self.slug(0))/index.md") + "Edited.\n")
        try site.approve(Self.slug(0))
        #expect(try site.build(on: "2024-09-02").output != nil)
        let output = site.root.appendingPathComponent("output")
        let first = try load(site)
        #expect(first.posts.count == Self.postCount)
        // Seven chunks of four posts (the last of two).
        first.save(for: output, reusing: nil, postsPerChunk: 4)
        let before = try chunks(site)
        #expect(before.count == 7)
        let split = try load(site)
        #expect(split.posts == first.posts)
        // Saved from itself, every entry the one read: every chunk is copied as it is.
        split.save(for: output, reusing: split, postsPerChunk: 4)
        #expect(try chunks(site) == before)

        let edited = Self.slug(5)
        try site.write("content/posts/\(edited)/index.md", try site.read("content/posts/\(edited)/index.md") + "More news.\n")
        try site.approve(edited)
        #expect(try site.build(on: "2024-09-02").output != nil)
        // Two entries changed: the edited post's, and that of the post edited
        // before, whose page was new in the last build and is linked now.
        let rebuilt = try load(site)
        #expect(rebuilt.posts.count == Self.postCount)
        #expect(rebuilt.posts.filter { $0.value != first.posts[$0.key] }.keys.sorted() == [Self.slug(0), edited])
        // Saved from the seven-chunk file, four a chunk: the chunks of the changed
        // posts (0–3 and 4–7) are encoded again, the other five copied.
        rebuilt.save(for: output, reusing: split, postsPerChunk: 4)
        let after = try chunks(site)
        #expect(after.count == 7)
        #expect(Set(after).intersection(before).count == 5)
        // Six a chunk: the unchanged chunks of four are still copied; the chunk of
        // two, under half a chunk, is packed with the eight changed posts (6 + 4).
        rebuilt.save(for: output, reusing: split, postsPerChunk: 6)
        let packed = try chunks(site)
        #expect(packed.count == 4 + 2)
        #expect(Set(packed).intersection(before).count == 4)
        #expect(try load(site).posts == rebuilt.posts)

        // Read back whole: with nothing changed, the next build leaves the output as it is.
        let folder = try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int == folder)
        #expect(try site.read("output/\(edited)/index.html").contains("More news."))
    }
}
