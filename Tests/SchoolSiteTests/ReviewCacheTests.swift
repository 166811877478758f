import Foundation
import Testing
@testable import SchoolSite

/// `check` and `status` take a post the last build checked cleanly from the
/// build cache, and must then say exactly what reading every post again says.
@Suite struct ReviewCacheTests {
    static let plain = "2024-03-01-assembly"
    static let pictured = "2024-04-01-relay"
    static let expiring = "2024-05-01-trip"
    static let scheduled = "2024-12-01-carols"
    static let draft = "2024-06-01-draft"
    static let cacheFile = ".output.cache"

    func site() throws -> TestSite {
        var files = TestSite.post(Self.plain, TestSite.markdown(title: "Assembly", date: "2024-03-01", body: "Class 2 led assembly."))
        files.merge(TestSite.post(Self.pictured, TestSite.markdown(title: "Relay", date: "2024-04-01", body: "Well done! ![Children passing the baton](relay.png)")
            .replacingOccurrences(of: "people: []\nphotos: {}", with: "people: [P0001, P0005]\nphotos: {relay.png: [P0001, P0005]}"))) { _, new in new }
        files.merge(TestSite.post(Self.expiring, TestSite.markdown(title: "Trip letters", date: "2024-05-01", extra: "expires: 2024-08-31",
                                                                   body: "Bring the slip back."))) { _, new in new }
        files.merge(TestSite.post(Self.scheduled, TestSite.markdown(title: "Carols", date: "2024-12-01", body: "Carols at six."))) { _, new in new }
        files.merge(TestSite.post(Self.draft, TestSite.markdown(title: "Draft", date: "2024-06-01", body: "Oliver won."), approved: false)) { _, new in new }
        return try TestSite(files, binary: ["content/posts/\(Self.pictured)/relay.png": TestSite.png])
    }

    /// Reviews the site with the build cache and without, expects the same
    /// report and status lines from both, and returns the slugs taken from the cache.
    @discardableResult
    func expectSameAsUncached(_ site: TestSite, on date: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Set<String> {
        let loaded = try site.load()
        let day = try #require(Day(iso: date))
        let reviewed = Evaluation.review(loaded, on: day)
        let read = Evaluation.evaluate(loaded, on: day, for: .review)
        #expect(read.posts.allSatisfy { $0.cached == nil }, sourceLocation: sourceLocation)
        #expect(BuildReport(reviewed).json == BuildReport(read).json, sourceLocation: sourceLocation)
        // The review holds every post until the report is made: no Markdown source and no HTML.
        #expect(reviewed.posts.allSatisfy { ($0.post.markdown?.body ?? "").isEmpty && ($0.post.markdown?.html ?? "").isEmpty },
                sourceLocation: sourceLocation)
        #expect(read.posts.contains { !($0.post.markdown?.html ?? "").isEmpty }, sourceLocation: sourceLocation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let live = Set(reviewed.posts.map(\.post.slug))
        #expect(try encoder.encode(PostStatus.list(reviewed, live: live)) == encoder.encode(PostStatus.list(read, live: live)), sourceLocation: sourceLocation)
        return Set(reviewed.posts.filter { $0.cached != nil }.map(\.post.slug))
    }

    @Test func postsTheLastBuildCheckedAreTakenFromItsCache() throws {
        let site = try site()
        #expect(try expectSameAsUncached(site, on: "2024-07-01") == [])
        #expect(try site.build(on: "2024-07-01").output != nil)
        #expect(try expectSameAsUncached(site, on: "2024-07-01") == [Self.plain, Self.pictured, Self.expiring, Self.scheduled])
    }

    @Test func anEditedPostIsReadAndCheckedAgain() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        let path = "content/posts/\(Self.plain)/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "Class 2 led assembly.", with: "Well done Oliver."))
        #expect(try expectSameAsUncached(site, on: "2024-07-01") == [Self.pictured, Self.expiring, Self.scheduled])
        let report = BuildReport(Evaluation.review(try site.load(), on: Day(iso: "2024-07-01")!))
        #expect(report.diagnostics.filter { $0.location.file.contains(Self.plain) }.map(\.rule) == ["approval.stale", "redaction.name"])
    }

    @Test func lapsedConsentIsCaughtForACachedPost() throws {
        let site = try site()
        #expect(try site.build(on: "2025-07-31").output != nil)
        #expect(try expectSameAsUncached(site, on: "2025-08-01") == [Self.plain, Self.scheduled])
        let report = BuildReport(Evaluation.review(try site.load(), on: Day(iso: "2025-08-01")!))
        #expect(report.diagnostics.map(\.description).contains(
            "content/posts/\(Self.pictured)/index.md:7:29: error[consent.photo] P0005 is pictured in relay.png but has no photo consent on 2025-08-01 (consent ended 2025-07-31)"))
    }

    @Test func anExpiredPostIsCheckedEvenThoughTheBuildCachedIt() throws {
        let site = try site()
        // A build never checks an expired post, so it caches this one with the name unseen.
        let path = "content/posts/\(Self.expiring)/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "Bring the slip back.", with: "Oliver has the letters."))
        try site.approve(Self.expiring)
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(try expectSameAsUncached(site, on: "2024-09-02") == [Self.plain, Self.pictured, Self.scheduled])
        let report = BuildReport(Evaluation.review(try site.load(), on: Day(iso: "2024-09-02")!))
        #expect(report.expired == [Self.expiring])
        #expect(report.diagnostics.map { "\($0.severity) \($0.rule) \($0.location.file)" } == [
            "warning redaction.name content/posts/\(Self.expiring)/index.md",
            "error redaction.name content/posts/\(Self.draft)/index.md",
        ])
    }

    @Test func aChangedRegisterChecksEveryPostAgain() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        try site.write("content/register.csv", TestSite.register.replacingOccurrences(of: "P0005,Grace,Taylor,,pupil,yes", with: "P0005,Grace,Taylor,,pupil,no"))
        #expect(try expectSameAsUncached(site, on: "2024-07-01") == [])
        let report = BuildReport(Evaluation.review(try site.load(), on: Day(iso: "2024-07-01")!))
        #expect(report.diagnostics.map(\.rule).contains("consent.photo"))
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        try site.write(Self.cacheFile, "{\"version\": 7, \"key\": ")
        #expect(try expectSameAsUncached(site, on: "2024-07-01") == [])
    }

    @Test func theCacheIsOnlyRead() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        let cache = site.root.appendingPathComponent(Self.cacheFile).path
        let before = (try Data(contentsOf: URL(fileURLWithPath: cache)), FileStatus(cache))
        let listing = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        try expectSameAsUncached(site, on: "2024-08-01")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == before.0)
        #expect(FileStatus(cache) == before.1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == listing)
    }
}
