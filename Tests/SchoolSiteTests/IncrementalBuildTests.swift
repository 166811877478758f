import Foundation
import Testing
@testable import SchoolSite

/// A rebuild with the build cache must give the very bytes a clean build gives,
/// whatever changed, and must still check what changed.
@Suite struct IncrementalBuildTests {
    /// More posts than the feed shows, so the oldest are reused, not read.
    static let postCount = AtomFeed.entryLimit + 6
    static let oldest = slug(0)
    static let pictured = slug(1)
    static let expiring = slug(2)

    static func slug(_ index: Int) -> String {
        String(format: "2024-%02d-%02d-post-%d", 1 + index / 28, 1 + index % 28, index)
    }

    func site() throws -> TestSite {
        var files: [String: String] = [:]
        for index in 0..<Self.postCount {
            let slug = Self.slug(index)
            let date = String(slug.prefix(10))
            var markdown = TestSite.markdown(title: "Post \(index)", date: date, body: "News number \(index).")
            if slug == Self.pictured {
                markdown = TestSite.markdown(title: "Relay", date: date, body: "Well done! ![Children passing the baton](relay.png)")
                    .replacingOccurrences(of: "people: []\nphotos: {}", with: "people: [P0001, P0005]\nphotos: {relay.png: [P0001, P0005]}")
            } else if slug == Self.expiring {
                markdown = TestSite.markdown(title: "Trip letters", date: date, extra: "expires: 2024-12-31", body: "Bring the slip back.")
            }
            files.merge(TestSite.post(slug, markdown)) { _, new in new }
        }
        return try TestSite(files, binary: ["content/posts/\(Self.pictured)/relay.png": TestSite.png])
    }

    /// Builds with the cache, then clean into another folder, and compares every byte.
    func expectSameAsClean(_ site: TestSite, on date: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let incremental = try site.build(on: date)
        #expect(incremental.output != nil, "\(incremental.report.diagnostics)", sourceLocation: sourceLocation)
        let clean = try SiteBuild.run(site: site.root.path, output: site.root.appendingPathComponent("clean").path, date: Day(iso: date)!)
        #expect(clean.output != nil, sourceLocation: sourceLocation)
        #expect(incremental.report.published == clean.report.published, sourceLocation: sourceLocation)
        let (built, expected) = (site.snapshot(), site.snapshot("clean"))
        #expect(!built.isEmpty, sourceLocation: sourceLocation)
        #expect(built.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        #expect(built.filter { expected[$0.key] != $0.value }.keys.sorted() == [], sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".clean.cache"))
    }

    func inode(_ site: TestSite, _ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(path).path)[.systemFileNumber] as? Int)
    }

    @Test func anUnchangedPostIsLinkedFromThePreviousOutput() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        let page = "output/\(Self.oldest)/index.html"
        let before = try inode(site, page)
        let newest = Self.slug(Self.postCount - 1)
        try site.write("content/posts/\(newest)/index.md", try site.read("content/posts/\(newest)/index.md") + "More news.\n")
        try site.approve(newest)
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try site.read("output/\(newest)/index.html").contains("More news."))
        #expect(try inode(site, page) == before)
        #expect(site.exists(".output.cache"))
        // Once more, now from the spare, whose files the cache keeps the data of: it is still
        // what they are, so the build after that has nothing to do.
        try site.write("content/posts/\(newest)/index.md", try site.read("content/posts/\(newest)/index.md") + "Even more.\n")
        try site.approve(newest)
        try expectSameAsClean(site, on: "2024-09-02")
        let folder = try inode(site, "output")
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try inode(site, "output") == folder)
    }

    /// A post folder unchanged for longer than a clock tick is fingerprinted
    /// again from the cache's list of its entries, not listed; an entry added to
    /// it changes the folder's status, so the post is still read again.
    @Test func aPostFolderUnchangedForAWhileIsNotListedYetAnAddedFileIsSeen() throws {
        let site = try site()
        let folder = "content/posts/\(Self.oldest)"
        // Setting a folder's times back sets its change time, which counts too: so, a tick's wait.
        Thread.sleep(forTimeInterval: Double(ClockTick.span) / 1e9 + 0.2)
        func entry() throws -> BuildCache.Entry {
            let cache = BuildCache.load(for: site.root.appendingPathComponent("output"), key: BuildCache.key(for: try Site.load(at: site.root.path)))
            return try #require(cache?.posts[Self.oldest])
        }
        // Another folder changed, as far as its times tell, later than the build: it is listed every time.
        var later = [timespec(tv_sec: time(nil) + 3600, tv_nsec: 0), timespec(tv_sec: time(nil) + 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, site.root.appendingPathComponent("content/posts/\(Self.slug(3))").path, &later, 0) == 0)
        // And one whose modification time was set back just now: its change time tells.
        var earlier = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, site.root.appendingPathComponent("content/posts/\(Self.slug(4))").path, &earlier, 0) == 0)
        try expectSameAsClean(site, on: "2024-09-02")
        let first = try entry()
        #expect(first.folderNames == ["approval.json", "index.md"])
        let cache = try #require(BuildCache.load(for: site.root.appendingPathComponent("output"), key: BuildCache.key(for: Site.load(at: site.root.path))))
        #expect(cache.posts[Self.slug(3)]?.folderNames == nil)
        #expect(cache.posts[Self.slug(4)]?.folderNames == nil)
        let output = try inode(site, "output")
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try inode(site, "output") == output)
        #expect(try entry() == first)

        try site.write("\(folder)/notes.txt", "Not shown.")
        try expectSameAsClean(site, on: "2024-09-02")
        let second = try entry()
        #expect(second.fingerprint != first.fingerprint)
        #expect(second.folderNames == nil)
    }

    @Test func withNothingChangedTheOutputIsLeftAsItIs() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        let folder = try inode(site, "output")
        // A killed build's leftover goes even when there is nothing to write.
        try site.write(".output.staging-99999/half.html", "<p>half")
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try inode(site, "output") == folder)
        #expect(!site.exists(".output.staging-99999"))
        // A file nobody built is not part of the site: the next build replaces the folder without it.
        try site.write("output/\(Self.oldest)/stray.html", "<p>stray")
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try inode(site, "output") != folder)
        #expect(!site.exists("output/\(Self.oldest)/stray.html"))
    }

    /// The rebuild does not list the output: it compares the folders' file system data with the cache's.
    @Test(arguments: ["stray.html", "page/stray.html", "empty/", "category/update/more/"])
    func anythingAddedToTheOutputMakesARealBuild(_ added: String) throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        let folder = try inode(site, "output")
        if added.hasSuffix("/") {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("output/\(added)"), withIntermediateDirectories: false)
        } else {
            try site.write("output/\(added)", "<p>stray")
        }
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try inode(site, "output") != folder)
        #expect(!site.exists("output/\(added)"))
    }

    @Test func aNewPostGetsItsFoldersWhenTheBuildStartsFromTheSpare() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        // A second build that writes keeps the first one's folders as the spare.
        let path = "content/posts/\(Self.oldest)/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "News number 0.", with: "News, edited."))
        try site.approve(Self.oldest)
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(site.exists(".output.spare/\(Self.oldest)"))
        // One post more: its own folder, and a 14th news list page (two a page).
        try site.write("content/posts/2024-08-01-new/index.md", TestSite.markdown(title: "New", date: "2024-08-01", body: "Fresh news."))
        try site.approve("2024-08-01-new")
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(site.exists("output/2024-08-01-new/index.html"))
        #expect(site.exists("output/page/14/index.html"))
    }

    @Test(arguments: ["post", "title", "newest post", "image", "register", "theme", "static file", "site.yml", "date", "removed post",
                      "removed newest post"])
    func aRebuildAfterAChangeEqualsACleanBuild(_ change: String) throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        var date = "2024-09-02"
        switch change {
        case "post":
            let path = "content/posts/\(Self.oldest)/index.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "News number 0.", with: "News, edited."))
            try site.approve(Self.oldest)
        case "title":
            // The oldest post is on the last news list page and on its category page.
            let path = "content/posts/\(Self.oldest)/index.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "title: Post 0", with: "title: Post zero"))
            try site.approve(Self.oldest)
        case "newest post":
            // In the feed, which is then made again.
            let newest = Self.slug(Self.postCount - 1), path = "content/posts/\(Self.slug(Self.postCount - 1))/index.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "News number", with: "Fresh news number"))
            try site.approve(newest)
        case "removed newest post":
            // The feed's oldest entry moves up, unchanged, and another post joins the feed.
            try site.remove("content/posts/\(Self.slug(Self.postCount - 1))")
        case "image":
            try site.write("content/posts/\(Self.pictured)/relay.png", TestSite.redPNG)
            try site.approve(Self.pictured)
        case "register":
            try site.write("content/register.csv", TestSite.register + "P0099,Nia,Jones,,pupil,yes,yes,no,\n")
        case "theme":
            try site.write("themes/school/templates/post.mustache", "<h1 class=\"t\">{{post.title}}</h1>{{{post.body}}}")
        case "static file":
            try site.write("themes/school/static/style.css", "body{color:#111}\n")
        case "site.yml":
            try site.write("site.yml", try site.read("site.yml").replacingOccurrences(of: "Test School News", with: "Test School Newsletter"))
        case "date":
            date = "2025-01-01"
        default:
            try site.remove("content/posts/\(Self.oldest)")
        }
        try expectSameAsClean(site, on: date)
        let report = try site.build(on: date).report
        #expect(report.expired == (change == "date" ? [Self.expiring] : []))
        #expect(report.published.contains(Self.oldest) == (change != "removed post"))
        let feed = try site.read("output/feed.xml")
        #expect(feed.contains("Fresh news number") == (change == "newest post"))
        #expect(feed.contains("/\(Self.slug(Self.postCount - 1))/") == (change != "removed newest post"))
        #expect(feed.contains("/\(Self.slug(Self.postCount - AtomFeed.entryLimit - 1))/") == (change == "removed newest post"))
    }

    /// The feed is made again only when one of its posts changed or it shows other posts.
    @Test func theFeedIsReadAgainOnlyWhenItsPostsChange() throws {
        let site = try site()
        func feed() throws -> FeedEntries {
            let loaded = try Site.load(at: site.root.path)
            let output = site.root.appendingPathComponent("output")
            let cache = try #require(BuildCache.load(for: output, key: BuildCache.key(for: loaded)))
            var evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build, only: nil, cache: cache.intact(in: output))
            return SiteBuild.feedEntries(of: &evaluation, site: loaded, previousPages: cache.intactPages(in: output)).feed
        }
        func isUnchanged(_ feed: FeedEntries) -> Bool {
            if case .unchanged = feed { true } else { false }
        }
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(isUnchanged(try feed()))
        // An old post, not in the feed.
        let oldest = "content/posts/\(Self.oldest)/index.md"
        try site.write(oldest, try site.read(oldest) + "More.\n")
        try site.approve(Self.oldest)
        #expect(isUnchanged(try feed()))
        try expectSameAsClean(site, on: "2024-09-02")
        // The newest post.
        let newest = "content/posts/\(Self.slug(Self.postCount - 1))/index.md"
        try site.write(newest, try site.read(newest) + "More.\n")
        try site.approve(Self.slug(Self.postCount - 1))
        #expect(!isUnchanged(try feed()))
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(isUnchanged(try feed()))
        // The feed file changed by hand.
        let written = try site.read("output/feed.xml")
        try site.remove("output/feed.xml")
        try site.write("output/feed.xml", written + "<!-- edited -->\n")
        #expect(!isUnchanged(try feed()))
        try expectSameAsClean(site, on: "2024-09-02")
    }

    @Test func onlyTheListPagesShowingAChangedPostAreRenderedAgain() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        let lastPage = "output/page/\((Self.postCount + 1) / 2)/index.html"
        let (first, last) = (try inode(site, "output/index.html"), try inode(site, lastPage))
        let path = "content/posts/\(Self.oldest)/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "title: Post 0", with: "title: Post zero"))
        try site.approve(Self.oldest)
        try expectSameAsClean(site, on: "2024-09-02")
        #expect(try site.read(lastPage).contains("Post zero"))
        #expect(try inode(site, lastPage) != last)
        #expect(try inode(site, "output/index.html") == first)
    }

    /// Fields that run into each other differently must not give the same page signature.
    @Test func aListPageIsRenderedAgainWhenTextMovesBetweenFields() throws {
        func markdown(summary: String, author: String) -> String {
            TestSite.markdown(title: "Bake sale", date: "2024-06-14", extra: "summary: \(summary)", body: "Cakes.")
                .replacingOccurrences(of: "author: Mrs A. Patel", with: "author: \(author)")
        }
        let slug = "2024-06-14-bake-sale"
        var files = TestSite.post(slug, markdown(summary: "\"Cakes\\x1fand biscuits\"", author: "Staff"))
        files["themes/school/templates/index.mustache"] = "{{#posts}}{{summary}}|{{author}}\n{{/posts}}"
        let site = try TestSite(files)
        try expectSameAsClean(site, on: "2024-09-02")
        try site.write("content/posts/\(slug)/index.md", markdown(summary: "Cakes", author: "\"and biscuits\\x1fStaff\""))
        try site.approve(slug)
        try expectSameAsClean(site, on: "2024-09-02")
    }

    @Test func anEditedPostIsCheckedAgainEvenWhenCached() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        let path = "content/posts/\(Self.oldest)/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "News number 0.", with: "Well done Oliver."))
        let refused = try site.build(on: "2024-09-02")
        #expect(refused.output == nil)
        #expect(refused.report.diagnostics.map(\.rule) == ["approval.stale", "redaction.name"])
    }

    @Test func consentThatLapsesIsCaughtForACachedPost() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2025-07-31")
        let refused = try site.build(on: "2025-08-01")
        #expect(refused.output == nil)
        #expect(refused.report.diagnostics.map(\.description) == [
            "content/posts/\(Self.pictured)/index.md:7:29: error[consent.photo] P0005 is pictured in relay.png but has no photo consent on 2025-08-01 (consent ended 2025-07-31)",
        ])
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        try site.write(".output.cache", "{\"version\": 1, \"posts\": [")
        try expectSameAsClean(site, on: "2024-09-02")
        try site.remove(".output.cache")
        try expectSameAsClean(site, on: "2024-09-02")
    }

    @Test func anOutputFileChangedByHandIsWrittenAgain() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        try site.remove("output/\(Self.oldest)/index.html")
        try site.write("output/\(Self.oldest)/index.html", "<p>defaced")
        try expectSameAsClean(site, on: "2024-09-02")
    }

    /// Same size, same modification time, same inode: only the change time tells.
    @Test func anOutputFileEditedInPlaceKeepingItsTimesIsWrittenAgain() throws {
        let site = try site()
        try expectSameAsClean(site, on: "2024-09-02")
        for page in ["output/\(Self.oldest)/index.html", "output/index.html", "output/feed.xml"] {
            let path = site.root.appendingPathComponent(page).path
            var before = stat()
            #expect(stat(path, &before) == 0)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data("X".utf8))
            try handle.close()
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            var after = stat()
            #expect(stat(path, &after) == 0)
            #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size && after.st_ino == before.st_ino)
            try expectSameAsClean(site, on: "2024-09-02")
        }
    }

    @Test func aSymlinkedOutputFolderIsBuiltWhereItPoints() throws {
        let site = try site()
        let target = site.root.appendingPathComponent("www/news")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("output").path, withDestinationPath: target.path)
        for date in ["2024-09-02", "2025-01-01"] {
            #expect(try site.build(on: date).output != nil)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.root.appendingPathComponent("output").path) == target.path)
        }
        #expect(!site.exists("www/news/\(Self.expiring)"))
        #expect(site.exists("www/news/\(Self.oldest)/index.html"))
    }

    @Test func aPostWhoseFolderIsGoneIsDroppedWhenReadAgain() throws {
        let site = try site()
        let loaded = try site.load()
        var evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build)
        try site.remove("content/posts/\(Self.oldest)")
        let slugs: Set = [Self.oldest, Self.pictured]
        evaluation.replace(slugs, with: Evaluation.evaluate(loaded, on: evaluation.date, for: .build, only: slugs, cache: [:]))
        #expect(evaluation.posts.count == Self.postCount - 1)
        #expect(!evaluation.posts.contains { $0.post.slug == Self.oldest })
    }
}
