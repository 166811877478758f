import Foundation
import Testing
@testable import SchoolSite

/// A build trusts the output and the spare by their folders' times, as the
/// output record keeps them, instead of listing every folder. The record must
/// see every change a listing would, and a build must use it.
@Suite struct OutputRecordTests {
    static let files = ["a/index.html", "b/c/index.html", "index.html"]
    static let folders = ["a", "b", "b/c"]
    /// Never reached: no folder counts as recently changed.
    static let never = Int64.max

    /// Three folders with a file each, below `tree` in a fresh folder, their
    /// modification times set back, so that a change later shows in them even
    /// within the same tick of the clock.
    func tree() throws -> (site: TestSite, root: String, mode: UInt32) {
        let site = try TestSite()
        for file in Self.files { try site.write("tree/\(file)", file) }
        let root = site.root.appendingPathComponent("tree").path
        for folder in Self.folders {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: "\(root)/\(folder)")
        }
        return (site, root, try #require(FileStatus("\(root)/a")).mode & 0o777)
    }

    func record(_ tree: (site: TestSite, root: String, mode: UInt32), since: Int64) throws -> FolderRecord {
        FolderRecord(try #require(FolderSnapshot(of: Self.folders, in: tree.root)), since: since)
    }

    func holds(_ record: FolderRecord, _ tree: (site: TestSite, root: String, mode: UInt32)) -> Bool {
        record.check(files: Self.files, sortedFolders: Self.folders, in: tree.root, folderMode: tree.mode) != nil
    }

    @Test func anUntouchedTreeIsHeld() throws {
        let tree = try tree()
        for since in [Self.never, 0] {
            let record = try record(tree, since: since)
            #expect(holds(record, tree))
        }
        #expect(try record(tree, since: 0).recent.sorted() == Self.folders)
    }

    @Test(arguments: ["a/notes.txt", "b/c/notes.txt", "notes.txt", "d/index.html"])
    func anEntryAddedAfterTheRecordIsSeen(_ path: String) throws {
        let tree = try tree()
        let record = try record(tree, since: Self.never)
        try tree.site.write("tree/\(path)", "added")
        #expect(!holds(record, tree))
    }

    @Test func aFileReplacedAfterTheRecordIsSeen() throws {
        let tree = try tree()
        let record = try record(tree, since: Self.never)
        try tree.site.remove("tree/b/c/index.html")
        try tree.site.write("tree/b/c/index.html", "forged")
        #expect(!holds(record, tree))
    }

    /// An entry added in the same tick as the record leaves its folder's times as
    /// the record has them; the folder changed so recently is listed instead.
    @Test func anEntryAddedJustBeforeTheRecordIsFoundByListing() throws {
        let tree = try tree()
        try tree.site.write("tree/b/c/notes.txt", "added")
        let recent = try record(tree, since: ClockTick.recentSince())
        #expect(recent.recent.contains("b/c"))
        #expect(!holds(recent, tree))
        // By their times alone, the folders look as recorded.
        #expect(holds(try record(tree, since: Self.never), tree))
    }

    /// A folder that is listed (the top one always, a recent one too) must hold
    /// just the names recorded: a file renamed there leaves as many entries.
    /// (NameTallyTests shows the two spellings of `Zoë` tally apart.)
    @Test(arguments: [("index.html", "home.html"), ("b/c/index.html", "b/c/indexes.html")])
    func aNameChangedInAListedFolderIsSeen(_ from: String, _ to: String) throws {
        let tree = try tree()
        try FileManager.default.moveItem(atPath: "\(tree.root)/\(from)", toPath: "\(tree.root)/\(to)")
        let record = try record(tree, since: ClockTick.recentSince())
        #expect(!holds(record, tree))
    }

    /// An updated snapshot sees again only the folders said to have changed, and those new to it.
    @Test func anUpdatedSnapshotSeesAgainOnlyWhatChanged() throws {
        let tree = try tree()
        let before = try #require(FolderSnapshot(of: Self.folders, in: tree.root))
        let status = { (folder: String) in before.statuses[try #require(before.folders.firstIndex(of: folder))] }
        // A new mode, so that their status differs even within one tick of the clock.
        for folder in ["a", "b/c"] { #expect(chmod("\(tree.root)/\(folder)", 0o700) == 0) }
        try tree.site.write("tree/0/index.html", "new")
        try tree.site.write("tree/d/index.html", "new")
        let after = try #require(before.updated(to: ["0", "a", "b", "b/c", "d"], changed: ["b/c"], in: tree.root))
        #expect(after.folders == ["0", "a", "b", "b/c", "d"])
        let now = try #require(FolderSnapshot(of: after.folders, in: tree.root))
        #expect(after.statuses[1] == (try status("a")), "a was not said to change, so it is not seen again")
        #expect(after.statuses[1] != now.statuses[1])
        #expect(after.statuses[2] == (try status("b")))
        for index in [0, 3, 4] { #expect(after.statuses[index] == now.statuses[index]) }
        #expect(try #require(before.updated(to: ["a"], changed: [], in: tree.root)).folders == ["a"])
    }

    @Test func aFolderWithAnotherModeIsNotHeld() throws {
        let tree = try tree()
        #expect(chmod("\(tree.root)/b", 0o700) == 0)
        let record = try record(tree, since: Self.never)
        #expect(!holds(record, tree))
    }

    // MARK: - Builds

    static let slugs = ["2024-06-10-plain-news", "2024-06-12-more-news", "2024-06-14-other-news"]

    func site() throws -> TestSite {
        var files: [String: String] = [:]
        for slug in Self.slugs {
            files.merge(TestSite.post(slug, TestSite.markdown(title: "News \(slug.suffix(10))", date: String(slug.prefix(10)), body: "Nothing to see."))) { _, new in new }
        }
        let site = try TestSite(files)
        // The second build starts from the first one's spare.
        for _ in 0..<2 {
            try? site.remove(".output.cache")
            #expect(try site.build(on: "2024-09-02").output != nil)
        }
        return site
    }

    func record(_ site: TestSite) throws -> OutputRecord {
        try #require(OutputRecord.load(for: site.root.appendingPathComponent("output")))
    }

    /// A record cut short is not read, wherever it ends: Protocol Buffers
    /// parses a file cut at the end of a field, so the record ends with a marker.
    @Test func aRecordCutShortIsNotRead() throws {
        let site = try site()
        let output = site.root.appendingPathComponent("output")
        let recorded = try Data(contentsOf: site.root.appendingPathComponent(".output.record"))
        #expect(try record(site).spare != nil, "the record has all its fields")
        for length in 0..<recorded.count {
            try site.write(".output.record", recorded.prefix(length))
            #expect(OutputRecord.load(for: output) == nil, "cut at \(length) of \(recorded.count) bytes")
        }
        try site.write(".output.record", recorded)
        #expect(OutputRecord.load(for: output) != nil)
    }

    /// Every file below `folder`, and every folder.
    func contents(_ site: TestSite, _ folder: String) -> (files: Set<String>, folders: Set<String>) {
        let root = site.root.appendingPathComponent(folder).path
        let paths = FileManager.default.subpaths(atPath: root) ?? []
        let folders = Set(paths.filter { FileStatus("\(root)/\($0)")?.isDirectory == true })
        return (Set(paths).subtracting(folders), folders)
    }

    @Test func aBuildRecordsTheSiteAndTheSpareAsItLeftThem() throws {
        let site = try site()
        let record = try record(site)
        let output = contents(site, "output"), spare = contents(site, ".output.spare")
        #expect(Set(record.files) == output.files)
        let held = try #require(record.site(heldAt: site.root.appendingPathComponent("output").path))
        #expect(Set(held.files) == output.files && held.folders == output.folders)
        let heldSpare = try #require(record.spare(heldAt: site.root.appendingPathComponent(".output.spare").path))
        #expect(Set(heldSpare.files) == spare.files && heldSpare.folders == spare.folders)
        #expect(!spare.files.isEmpty)
    }

    /// The record is of one folder, by inode, wherever it is moved (the spare is
    /// renamed twice a build), not of whatever folder holds the same names.
    @Test func aTreeIsHeldWhereverItIsMovedButAnEqualCopyIsNot() throws {
        let site = try site()
        let record = try record(site)
        let output = site.root.appendingPathComponent("output"), moved = site.root.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: output, to: moved)
        #expect(record.site(heldAt: moved.path) != nil)
        try FileManager.default.copyItem(at: moved, to: output)
        #expect(record.site(heldAt: output.path) == nil)
    }

    /// A staging tree over `root` for a site of `files`, with the build's modes.
    func stagingTree(_ site: TestSite, root: String, files: [String], record: OutputRecord) -> StagingTree {
        StagingTree(root: root, live: site.root.appendingPathComponent("output").path,
                    files: files.map { OutputFile(path: $0, content: .previous) }, fileMode: record.fileMode, folderMode: record.folderMode)
    }

    /// The spare, moved to be the staging folder as a build does.
    func staging(_ site: TestSite) -> String {
        let staging = site.root.appendingPathComponent(".output.staging-test").path
        #expect(rename(site.root.appendingPathComponent(".output.spare").path, staging) == 0)
        return staging
    }

    @Test func theSpareIsKeptByItsRecordUnlessItChanged() throws {
        let site = try site()
        let record = try record(site)
        let staging = staging(site)
        let held = try #require(record.spare(heldAt: staging))
        let kept = try stagingTree(site, root: staging, files: record.files, record: record).keepRecorded(held)
        #expect(kept.files == Set(held.files) && kept.folders == held.folders && kept.changed.isEmpty)
        try site.write(".output.staging-test/\(Self.slugs[0])/notes.txt", "added")
        #expect(record.spare(heldAt: staging) == nil)
    }

    @Test func theSpareLosesByItsRecordWhatTheSiteNoLongerHas() throws {
        let site = try site()
        let record = try record(site)
        let staging = staging(site)
        let held = try #require(record.spare(heldAt: staging))
        let dropped = Self.slugs[1]
        let tree = stagingTree(site, root: staging, files: record.files.filter { !$0.hasPrefix("\(dropped)/") }, record: record)
        let kept = try tree.keepRecorded(held)
        #expect(!kept.folders.contains(dropped) && !kept.files.contains { $0.hasPrefix("\(dropped)/") })
        #expect(kept.changed == ["", dropped], "the folders that lost entries")
        #expect(contents(site, ".output.staging-test").files == kept.files)
        #expect(!FileManager.default.fileExists(atPath: "\(staging)/\(dropped)"))
    }

    /// After the swap the previous site loses what the new one does not share, by its record.
    @Test func theSwappedOutSiteIsPrunedByItsRecordUnlessItChanged() throws {
        let site = try site()
        let record = try record(site)
        let output = site.root.appendingPathComponent("output").path
        try site.write("output/\(Self.slugs[0])/notes.txt", "added")
        #expect(record.site(heldAt: output) == nil)

        let fresh = try self.site()
        let freshRecord = try self.record(fresh)
        let previous = fresh.root.appendingPathComponent("output").path
        let held = try #require(freshRecord.site(heldAt: previous))
        let shared = freshRecord.files.filter { !$0.hasPrefix("\(Self.slugs[2])/") && $0 != "index.html" }
        // The new site, sharing those files with the previous one.
        let new = fresh.root.appendingPathComponent("new")
        for file in shared {
            try FileManager.default.createDirectory(at: new.appendingPathComponent(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(link("\(previous)/\(file)", new.appendingPathComponent(file).path) == 0)
        }
        let tree = StagingTree(root: previous, live: new.path,
                               files: shared.map { OutputFile(path: $0, content: .previous) }, fileMode: freshRecord.fileMode, folderMode: freshRecord.folderMode)
        let pruned = try #require(try tree.pruneRecorded(held, shared: Set(shared), since: ClockTick.recentSince()))
        #expect(pruned.files == Set(shared) && pruned.changed == ["", Self.slugs[2]])
        #expect(contents(fresh, "output").files == Set(shared))
        #expect(!fresh.exists("output/\(Self.slugs[2])"))
    }

    /// A file replaced under the same name leaves the names as recorded; in a
    /// folder found by listing its names, each file kept is checked to be the live one.
    @Test func aFileReplacedInAFolderFoundByNameIsNotKept() throws {
        let site = try site()
        let record = try record(site)
        let staging = staging(site)
        let held = try #require(record.spare(heldAt: staging))
        #expect(held.unsure.contains(""))
        try site.write(".output.staging-test/forged.html", "<p>forged")
        #expect(rename("\(staging)/forged.html", "\(staging)/index.html") == 0)
        let kept = try stagingTree(site, root: staging, files: record.files, record: record).keepRecorded(held)
        #expect(!kept.files.contains("index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(staging)/index.html"))
        #expect(kept.files.contains("feed.xml"))
    }

    /// The live site is checked before the build changes anything, but stays
    /// public until the swap: it is checked again before it is pruned by name.
    @Test func aSiteChangedDuringTheBuildIsNotPrunedByName() throws {
        let site = try site()
        let record = try record(site)
        let previous = site.root.appendingPathComponent("output").path
        let held = try #require(record.site(heldAt: previous))
        // An original photo saved over a page while the build runs.
        try site.write("output/\(Self.slugs[0])/new.jpg", "original")
        #expect(rename("\(previous)/\(Self.slugs[0])/new.jpg", "\(previous)/\(Self.slugs[0])/index.html") == 0)
        let tree = StagingTree(root: previous, live: site.root.appendingPathComponent("elsewhere").path,
                               files: record.files.map { OutputFile(path: $0, content: .previous) }, fileMode: record.fileMode, folderMode: record.folderMode)
        #expect(try tree.pruneRecorded(held, shared: Set(record.files), since: ClockTick.recentSince()) == nil)
    }

    /// What `OutputWriter` does with the output and the spare, writing the site as a build on `date` would.
    func write(_ site: TestSite, on date: String = "2024-09-02") throws -> OutputWriter.Outcome {
        let loaded = try site.load()
        let evaluation = Evaluation.evaluate(loaded, on: try #require(Day(iso: date)), for: .build)
        let rendered = SiteRenderer(site: loaded).render(posts: evaluation.published.map { evaluation.posts[$0.index].post })
        let output = site.root.appendingPathComponent("output")
        let lock = try BuildLock(for: output)
        defer { withExtendedLifetime(lock) {} }
        return try OutputWriter(site: loaded.directory, register: loaded.register.file, output: output).write(rendered, record: OutputRecord.load(for: output))
    }

    @Test func aBuildPrunesBothTreesByTheRecordUnlessOneChanged() throws {
        let site = try site()
        let outcome = try write(site)
        #expect(outcome.spareByRecord && outcome.previousByRecord)
        // Something added to the spare: it is listed; the previous site is still pruned by name.
        try site.write(".output.spare/\(Self.slugs[0])/notes.txt", "added")
        let spareChanged = try write(site)
        #expect(!spareChanged.spareByRecord && spareChanged.previousByRecord)
        // Something added to the output: both are listed, as the spare is the output's by the record.
        try site.write("output/\(Self.slugs[1])/notes.txt", "added")
        let outputChanged = try write(site)
        #expect(!outputChanged.spareByRecord && !outputChanged.previousByRecord)
        #expect(!site.exists("output/\(Self.slugs[1])/notes.txt") && !site.exists(".output.spare/\(Self.slugs[1])/notes.txt"))
        // No record, or a damaged one: both are listed.
        let recorded = try Data(contentsOf: site.root.appendingPathComponent(".output.record"))
        for damage in [{ try site.remove(".output.record") }, { try site.write(".output.record", recorded.prefix(recorded.count / 2)) }] {
            try damage()
            let listed = try write(site)
            #expect(!listed.spareByRecord && !listed.previousByRecord)
        }
        #expect(try write(site).spareByRecord)
    }

    /// A file added in the same tick of the clock as the build's last change to
    /// its folder leaves the folder's times as they were; a folder changed so
    /// shortly before the record is listed, so the file is still found.
    @Test func aFolderChangedJustBeforeTheRecordIsListed() throws {
        let site = try site()
        try site.write("output/\(Self.slugs[0])/stray.html", "<p>stray")
        // As if the stray file had come in the build's last tick: the record already shows it.
        let output = site.root.appendingPathComponent("output")
        let record = try record(site)
        let folders = try #require(FolderSnapshot(of: OutputPaths.folders(of: record.files), in: output.path))
        let rerecorded = try #require(OutputRecord(modes: (record.fileMode, record.folderMode), output: output.path, files: record.files,
                                                  site: folders, spare: nil, since: ClockTick.recentSince()))
        #expect(rerecorded.site.folders.recent.contains(Self.slugs[0]))
        rerecorded.save(for: output)
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(!site.exists("output/\(Self.slugs[0])/stray.html"))
    }

    @Test func aSpareGoneWhileItsRecordStaysIsNoHarm() throws {
        let site = try site()
        try site.remove(".output.spare")
        #expect(try site.build(on: "2024-09-02").output != nil)
        try? site.remove(".output.cache")
        #expect(try site.build(on: "2024-09-02").output != nil)
        #expect(site.exists(".output.spare"))
        #expect(try record(site).spare(heldAt: site.root.appendingPathComponent(".output.spare").path) != nil)
    }
}
