import Foundation
import Testing
@testable import SchoolSite

/// `status` says published only of a post the site's output shows as it is
/// now; a post due but not built yet (or changed and approved again since) is approved.
@Suite struct PostStatusTests {
    static let assembly = "2024-03-01-assembly"
    static let carols = "2024-12-01-carols"

    func site() throws -> TestSite {
        var files = TestSite.post(Self.assembly, TestSite.markdown(title: "Assembly", date: "2024-03-01", body: "Class 2 led assembly."))
        files.merge(TestSite.post(Self.carols, TestSite.markdown(title: "Carols", date: "2024-12-01", body: "Carols at six."))) { _, new in new }
        return try TestSite(files)
    }

    func states(_ site: TestSite, on date: String) throws -> [String: PostStatus.State] {
        let loaded = try site.load()
        let lines = PostStatus.list(for: loaded, on: try #require(Day(iso: date)))
        return Dictionary(uniqueKeysWithValues: lines.map { ($0.slug, $0.state) })
    }

    @Test func aDuePostIsApprovedUntilABuildPublishesIt() throws {
        let site = try site()
        #expect(try states(site, on: "2024-07-01") == [Self.assembly: .approved, Self.carols: .scheduled])
        #expect(try site.build(on: "2024-07-01").output != nil)
        #expect(try states(site, on: "2024-07-01") == [Self.assembly: .published, Self.carols: .scheduled])
        // Its day comes: due, but not on the site until the next build.
        #expect(try states(site, on: "2024-12-01") == [Self.assembly: .published, Self.carols: .approved])
        #expect(try site.build(on: "2024-12-01").output != nil)
        #expect(try states(site, on: "2024-12-01") == [Self.assembly: .published, Self.carols: .published])
    }

    @Test func aPostChangedAndApprovedAgainIsApprovedUntilBuilt() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        let path = "content/posts/\(Self.assembly)/index.md"
        try site.write(path, try site.read(path) + "\nThank you, parents.\n")
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .stale)
        try site.approve(Self.assembly)
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .approved)
        #expect(try site.build(on: "2024-07-01").output != nil)
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .published)
    }

    @Test func aPostWhosePageIsGoneIsNotPublished() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        try site.remove("output/\(Self.assembly)/index.html")
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .approved)
    }

    @Test func withoutTheBuildCacheNoPostIsKnownToBePublished() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        try site.remove(".output.cache")
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .approved)
    }

    @Test func aSiteBuiltElsewhereIsLookedForThere() throws {
        let site = try site()
        let elsewhere = site.root.appendingPathComponent("www").path
        let day = try #require(Day(iso: "2024-07-01"))
        #expect(try SiteBuild.run(site: site.root.path, output: elsewhere, date: day).output != nil)
        let loaded = try site.load()
        #expect(PostStatus.list(for: loaded, on: day).map(\.state) == [.scheduled, .approved])
        #expect(PostStatus.list(for: loaded, on: day, output: elsewhere).map(\.state) == [.scheduled, .published])
    }

    /// The site still shows the post as built, though the next build will check it against the new register.
    @Test func aChangedRegisterLeavesThePublishedPostPublished() throws {
        let site = try site()
        #expect(try site.build(on: "2024-07-01").output != nil)
        try site.write("content/register.csv", TestSite.register + "P0008,Noah,Khan,,pupil,yes,yes,no,\n")
        #expect(try states(site, on: "2024-07-01")[Self.assembly] == .published)
    }
}
