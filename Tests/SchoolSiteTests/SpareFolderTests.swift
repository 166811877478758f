import Foundation
import Testing
@testable import SchoolSite

/// A build leaves the previous site's folders beside the output (`.output.spare`),
/// holding only files the live site shares, so the next build writes only what
/// changed. The spare must never carry anything into the site, and must not
/// keep what the site dropped.
@Suite struct SpareFolderTests {
    static let plain = "2024-06-10-plain-news"
    static let pictured = "2024-06-12-relay"
    static let other = "2024-06-14-other-news"

    func site() throws -> TestSite {
        var files = TestSite.post(Self.plain, TestSite.markdown(title: "Plain news", date: "2024-06-10", body: "Nothing to see."))
        files.merge(TestSite.post(Self.other, TestSite.markdown(title: "Other news", date: "2024-06-14", body: "More news."))) { _, new in new }
        files.merge(TestSite.post(Self.pictured, TestSite.markdown(title: "Relay", date: "2024-06-12", body: "Well done! ![Children passing the baton](relay.png)")
            .replacingOccurrences(of: "people: []\nphotos: {}", with: "people: [P0001, P0005]\nphotos: {relay.png: [P0001, P0005]}"))) { _, new in new }
        return try TestSite(files, binary: ["content/posts/\(Self.pictured)/relay.png": TestSite.png])
    }

    /// Builds the site twice on `date`, the cache deleted before each, so that every
    /// post is read and rendered again and the second build starts from a spare.
    func buildTwice(_ site: TestSite, on date: String = "2024-09-02") throws {
        for _ in 0..<2 {
            try? site.remove(".output.cache")
            #expect(try site.build(on: date).output != nil)
        }
        #expect(site.exists(".output.spare"))
    }

    func status(_ site: TestSite, _ path: String) -> FileStatus? {
        FileStatus(site.root.appendingPathComponent(path).path)
    }

    /// Every path under `folder`, folders included.
    func paths(_ site: TestSite, _ folder: String) -> [String] {
        (FileManager.default.subpaths(atPath: site.root.appendingPathComponent(folder).path) ?? []).sorted()
    }

    func expectSameAsClean(_ site: TestSite, on date: String = "2024-09-02", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try SiteBuild.run(site: site.root.path, output: site.root.appendingPathComponent("clean").path, date: Day(iso: date)!)
        #expect(clean.output != nil, sourceLocation: sourceLocation)
        #expect(site.snapshot() == site.snapshot("clean"), sourceLocation: sourceLocation)
        #expect(paths(site, "output") == paths(site, "clean"), sourceLocation: sourceLocation)
        try site.remove("clean")
        try? site.remove(".clean.cache")
    }

    @Test func theSpareHoldsOnlyTheLiveSitesOwnFiles() throws {
        let site = try site()
        try buildTwice(site)
        // The old version of a changed page must not stay beside the site.
        try site.write("content/posts/\(Self.other)/index.md", try site.read("content/posts/\(Self.other)/index.md") + "Updated.\n")
        try site.approve(Self.other)
        #expect(try site.build(on: "2024-09-02").output != nil)
        let spareFiles = paths(site, ".output.spare").filter { status(site, ".output.spare/\($0)")?.isDirectory == false }
        #expect(spareFiles.contains("\(Self.pictured)/relay.png"))
        for path in spareFiles {
            let spare = try #require(status(site, ".output.spare/\(path)"))
            let live = try #require(status(site, "output/\(path)"), "\(path) is in the spare but not in the site")
            #expect(spare.inode == live.inode && spare.device == live.device, "\(path) is not the live file")
        }
    }

    @Test func aFullRebuildWritesOnlyWhatChanged() throws {
        let site = try site()
        try buildTwice(site)
        let unchanged = try #require(status(site, "output/\(Self.plain)/index.html"))
        let image = try #require(status(site, "output/\(Self.pictured)/relay.png"))
        let changed = try #require(status(site, "output/\(Self.other)/index.html"))
        try site.write("content/posts/\(Self.other)/index.md", try site.read("content/posts/\(Self.other)/index.md") + "Updated.\n")
        try site.approve(Self.other)
        try site.remove(".output.cache")
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(status(site, "output/\(Self.plain)/index.html")?.inode == unchanged.inode)
        #expect(status(site, "output/\(Self.pictured)/relay.png")?.inode == image.inode)
        #expect(status(site, "output/\(Self.other)/index.html")?.inode != changed.inode)
        #expect(try site.read("output/\(Self.other)/index.html").contains("Updated."))
        try expectSameAsClean(site)
    }

    @Test func aPostTakenDownLeavesNoCopyBesideTheOutput() throws {
        let site = try site()
        try buildTwice(site)
        try site.remove("content/posts/\(Self.pictured)/approval.json")
        #expect(try site.build(on: "2024-09-02").output != nil)
        for folder in ["output", ".output.spare"] {
            #expect(!paths(site, folder).contains { $0.hasPrefix(Self.pictured) }, "\(folder) still holds the post")
        }
        try expectSameAsClean(site)
    }

    /// Rebuilds with the build cache after approving `changed` again, and
    /// expects `path` neither in the site nor beside it.
    func expectGoneAfterRebuilding(_ site: TestSite, _ path: String, changed: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try site.approve(changed)
        #expect(try site.build(on: "2024-09-02").output != nil, sourceLocation: sourceLocation)
        for folder in ["output", ".output.spare"] {
            #expect(!paths(site, folder).contains(path), "\(folder) still holds \(path)", sourceLocation: sourceLocation)
        }
        try expectSameAsClean(site, sourceLocation: sourceLocation)
    }

    @Test func aWithdrawnPhotoLeavesNoCopyBesideTheOutput() throws {
        let site = try site()
        try buildTwice(site)
        let path = "content/posts/\(Self.pictured)/index.md"
        try site.write(path, try site.read(path)
            .replacingOccurrences(of: " ![Children passing the baton](relay.png)", with: "")
            .replacingOccurrences(of: "people: [P0001, P0005]\nphotos: {relay.png: [P0001, P0005]}", with: "people: []\nphotos: {}"))
        try site.remove("content/posts/\(Self.pictured)/relay.png")
        try expectGoneAfterRebuilding(site, "\(Self.pictured)/relay.png", changed: Self.pictured)
    }

    /// A photo renamed to the other Unicode spelling of its name (`é` as one
    /// character instead of `e` and a combining mark) is another file to the file
    /// system, though Swift's String takes the two for one: the old file goes.
    @Test func aPhotoRenamedToTheOtherSpellingOfItsNameLeavesNoCopy() throws {
        let decomposed = "cafe\u{0301}.png", composed = "caf\u{00E9}.png"
        let site = try site()
        let folder = site.root.appendingPathComponent("content/posts/\(Self.pictured)").path
        let index = "content/posts/\(Self.pictured)/index.md"
        try site.write(index, try site.read(index).replacingOccurrences(of: "relay.png", with: decomposed))
        try FileManager.default.moveItem(atPath: "\(folder)/relay.png", toPath: "\(folder)/\(decomposed)")
        try site.approve(Self.pictured)
        try buildTwice(site)
        try site.write(index, try site.read(index).replacingOccurrences(of: decomposed, with: composed))
        try FileManager.default.removeItem(atPath: "\(folder)/\(decomposed)")
        try site.write("content/posts/\(Self.pictured)/\(composed)", TestSite.redPNG)
        try site.approve(Self.pictured)
        #expect(try site.build(on: "2024-09-02").output != nil)
        for tree in ["output", ".output.spare"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("\(tree)/\(Self.pictured)").path)
            #expect(!names.contains { $0.utf8.elementsEqual(decomposed.utf8) }, "\(tree) still holds the old photo")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("output/\(Self.pictured)").path)
            .contains { $0.utf8.elementsEqual(composed.utf8) })
    }

    /// A file put into the output by hand goes with the previous site; it is not kept beside the output.
    @Test func aFilePutInTheOutputIsNotKeptInTheSpare() throws {
        let site = try site()
        try buildTwice(site)
        try site.write("output/\(Self.plain)/notes.txt", "private notes")
        try site.write("content/posts/\(Self.other)/index.md", try site.read("content/posts/\(Self.other)/index.md") + "Updated.\n")
        try expectGoneAfterRebuilding(site, "\(Self.plain)/notes.txt", changed: Self.other)
    }

    /// Things put into the spare by hand: a stray file, a page replaced by
    /// another file, a folder swapped for a link out of the spare, a page the
    /// site does not share, a page where the next build puts a new post. One at
    /// a time, so that none is only found because another made the build list
    /// the whole spare.
    enum Forgery: String, CaseIterable {
        case strayFile, replacedPage, folderSwappedForALink, foreignCategory, pageForANewPost
    }

    @Test(arguments: Forgery.allCases)
    func nothingPutInTheSpareReachesTheSite(_ forgery: Forgery) throws {
        let site = try site()
        try buildTwice(site)
        let spare = ".output.spare"
        try site.write("elsewhere/index.html", "<p>elsewhere")
        switch forgery {
        case .strayFile:
            try site.write("\(spare)/stray.html", "<p>stray")
        case .replacedPage:
            try site.remove("\(spare)/\(Self.plain)/index.html")
            try site.write("\(spare)/\(Self.plain)/index.html", "<p>forged")
        case .folderSwappedForALink:
            try site.remove("\(spare)/\(Self.other)")
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("\(spare)/\(Self.other)").path,
                                                       withDestinationPath: site.root.appendingPathComponent("elsewhere").path)
        case .foreignCategory:
            try site.write("\(spare)/category/forged/index.html", "<p>forged")
        case .pageForANewPost:
            let added = "2024-06-20-added-news"
            try site.write("\(spare)/\(added)/index.html", "<p>forged")
            for (path, text) in TestSite.post(added, TestSite.markdown(title: "Added news", date: "2024-06-20", body: "New.")) {
                try site.write(path, text)
            }
            try site.approve(added)
        }
        try site.remove(".output.cache")
        #expect(try site.build(on: "2024-09-02").output != nil)
        try expectSameAsClean(site)
        #expect(try site.read("elsewhere/index.html") == "<p>elsewhere")
        #expect(!paths(site, spare).contains("stray.html"))
    }

    /// A link in place of the spare must not be followed: pruning it would
    /// delete and rewrite whatever it names.
    @Test(arguments: ["output", "elsewhere"])
    func aSpareThatIsALinkIsNotFollowed(_ target: String) throws {
        let site = try site()
        try buildTwice(site)
        try site.write("elsewhere/notes.txt", "keep me")
        try site.remove(".output.spare")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(".output.spare").path,
                                                   withDestinationPath: site.root.appendingPathComponent(target).path)
        try site.remove(".output.cache")
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(status(site, "output")?.isDirectory == true)
        #expect(try site.read("elsewhere/notes.txt") == "keep me")
        try expectSameAsClean(site)
        #expect(try site.build(on: "2024-09-02").output != nil)
        try expectSameAsClean(site)
    }

    /// Modes changed by hand do not carry over: the site gets a clean build's modes.
    @Test func filesAndFoldersGetTheModesOfACleanBuild() throws {
        let site = try site()
        try buildTwice(site)
        let mask = umask(0)
        umask(mask)
        for (path, mode) in [("output/\(Self.plain)/index.html", 0o600), ("output/\(Self.plain)", 0o700), ("output", 0o700)] {
            #expect(chmod(site.root.appendingPathComponent(path).path, mode_t(mode)) == 0)
        }
        for _ in 0..<2 {
            try site.remove(".output.cache")
            #expect(try site.build(on: "2024-09-02").output != nil)
            #expect(status(site, "output/\(Self.plain)/index.html").map { $0.mode & 0o7777 } == 0o644 & ~UInt32(mask))
            for folder in ["output/\(Self.plain)", "output"] {
                #expect(status(site, folder).map { $0.mode & 0o777 } == 0o755 & ~UInt32(mask), "\(folder)")
            }
        }
    }

    @Test func aSpareFolderThatCannotBeReadIsReplaced() throws {
        let site = try site()
        try buildTwice(site)
        // A name that is not UTF-8 cannot be matched against the site's paths.
        let folder = site.root.appendingPathComponent(".output.spare").path
        let name: [UInt8] = Array("\(folder)/bad-".utf8) + [0xFF, 0x00]
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        try site.remove(".output.cache")
        #expect(try site.build(on: "2024-09-02").output != nil)
        try expectSameAsClean(site)
    }
}
