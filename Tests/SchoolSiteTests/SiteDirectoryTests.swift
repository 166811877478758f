import Foundation
import Testing
@testable import SchoolSite

/// Whether a path lands inside a folder once every link is followed: what keeps
/// a post's images, and the files the preview serves, inside their folders.
@Suite struct SiteDirectoryTests {
    let site: TestSite
    var directory: SiteDirectory { SiteDirectory(site.root.path) }

    init() throws {
        site = try TestSite(["post/a.jpg": "a", "post/sub/b.jpg": "b", "elsewhere/c.jpg": "c", "\u{301}x.jpg": "x", "caf\u{E9}/c.jpg": "c", "cafe\u{301}/d.jpg": "d"])
        let post = site.root.appendingPathComponent("post").path
        try FileManager.default.createSymbolicLink(atPath: "\(post)/in.jpg", withDestinationPath: "sub/b.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/out.jpg", withDestinationPath: "../elsewhere/c.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/gone.jpg", withDestinationPath: "nowhere.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/away", withDestinationPath: "../elsewhere")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/here", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("caf\u{E9}/link.jpg").path,
                                                   withDestinationPath: "../cafe\u{301}/d.jpg")
    }

    @Test(arguments: [
        ("post/a.jpg", true), ("post/sub/b.jpg", true), ("post/in.jpg", true), ("post/here/b.jpg", true),
        ("post/./a.jpg", true), ("post/sub/../a.jpg", true),
        ("post//a.jpg", true),
        ("post/out.jpg", false), ("post/away/c.jpg", false), ("post/../elsewhere/c.jpg", false), ("elsewhere/c.jpg", false),
        ("post/", false), ("post", false),
        // `/` and a combining mark make one Character, not a `/`; the file system climbs out all the same.
        ("post/../\u{301}x.jpg", false),
    ])
    func tellsWhereAFileLands(_ path: String, _ inside: Bool) {
        #expect(directory.resolves(path, inside: "post") == inside)
    }

    @Test(arguments: ["post/missing.jpg", "post/gone.jpg", "post/sub/missing/b.jpg", "post/a.jpg/b.jpg"])
    func cannotTellForWhatIsNotThere(_ path: String) {
        #expect(directory.resolves(path, inside: "post") == nil)
    }

    /// Two spellings of `café` (é, and e with a combining accent) are one String but two folders.
    @Test func aFolderSpelledOtherwiseIsAnotherFolder() {
        #expect(directory.resolves("caf\u{E9}/c.jpg", inside: "caf\u{E9}") == true)
        #expect(directory.resolves("cafe\u{301}/d.jpg", inside: "caf\u{E9}") == false)
        #expect(directory.resolves("caf\u{E9}/link.jpg", inside: "caf\u{E9}") == false)
    }

    @Test func aLinkedFolderHoldsWhatIsBelowIt() throws {
        let linked = site.root.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: site.root.appendingPathComponent("post").path)
        #expect(directory.resolves("linked/a.jpg", inside: "linked") == true)
        #expect(directory.resolves("linked/out.jpg", inside: "linked") == false)
        #expect(directory.resolves("post/a.jpg", inside: "") == true)
    }

    @Test(arguments: [0, 1, 14, 15, 4096, 100_000])
    func readsAFileWhole(_ size: Int) throws {
        let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try site.write("file.bin", bytes)
        #expect(try directory.readData("file.bin", limit: size) == bytes)
        #expect(throws: FileReadError.self) { try directory.readData("file.bin", limit: size - 1) }
    }
}
