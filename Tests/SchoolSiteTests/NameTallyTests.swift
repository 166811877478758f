import Testing
@testable import SchoolSite

/// Folders' names are compared by their bytes, as the file system tells them apart.
@Suite struct NameTallyTests {
    static let nfc = "Zo\u{00EB}"
    static let nfd = "Zoe\u{0308}"

    func tally(_ names: [String]) -> NameTally {
        var tally = NameTally()
        for var name in names { name.withUTF8 { tally.add(UnsafeRawBufferPointer($0)) } }
        return tally
    }

    @Test func theSameNamesInAnyOrderTallyAlike() {
        #expect(tally(["a", "b", "index.html"]) == tally(["index.html", "a", "b"]))
        #expect(tally([]) == NameTally())
    }

    @Test func anotherNameOrAnotherCountTalliesApart() {
        #expect(tally(["a", "b"]) != tally(["a", "c"]))
        #expect(tally(["a", "b"]) != tally(["a", "b", "b"]))
        #expect(tally(["ab"]) != tally(["a", "b"]))
        #expect(Self.nfc == Self.nfd, "String takes the two spellings for one")
        #expect(tally([Self.nfc]) != tally([Self.nfd]))
    }

    @Test func aFoldersListingTalliesAsItsNames() throws {
        let site = try TestSite(["tree/a.html": "a", "tree/\(Self.nfd).html": "z", "tree/sub/b.html": "b"])
        let listed = try #require(DirectoryListing.tally(in: site.root.appendingPathComponent("tree").path))
        #expect(listed == tally(["sub", "a.html", "\(Self.nfd).html"]))
        #expect(listed != tally(["sub", "a.html", "\(Self.nfc).html"]))
        #expect(DirectoryListing.tally(in: site.root.appendingPathComponent("missing").path) == nil)
    }

    @Test func aPathsFolderIsFoundByItsBytes() {
        let matcher = FolderMatcher(["", "2024-06-14-sports-day", "category/\(Self.nfc)"])
        #expect(matcher.holdsParent(of: "index.html"))
        #expect(matcher.holdsParent(of: "2024-06-14-sports-day/index.html"))
        #expect(matcher.holdsParent(of: "category/\(Self.nfc)/index.html"))
        #expect(!matcher.holdsParent(of: "category/\(Self.nfd)/index.html"))
        #expect(!matcher.holdsParent(of: "2024-06-14-sports-day/photos/a.jpg"))
        #expect(!matcher.holdsParent(of: "2024-06-14-sports-das/index.html"))
        #expect(!FolderMatcher(["a"]).holdsParent(of: "index.html"))
    }

    @Test func childrenAreTalliedForEachFolderAsked() {
        let files = ["index.html", "a/index.html", "a/p.jpg", "b/c/index.html"]
        let tallies = OutputPaths.children(of: ["", "a", "b/c", "d"], files: files, folders: ["a", "b", "b/c"])
        #expect(tallies == [tally(["index.html", "a", "b"]), tally(["index.html", "p.jpg"]), tally(["index.html"]), NameTally()])
    }
}
