import Foundation
import Testing
@testable import SchoolSite

/// Whether a path lands inside a folder once every link is followed: what keeps
/// a post's images, and the files the preview serves, inside their folders.
@Suite struct SiteDirectoryTests {
    let site: TestSite
    var directory: SiteDirectory { SiteDirectory(site.root.path) }

    init() throws {
        site = try TestSite(["post/a.jpg": "a", "post/sub/b.jpg": "b", "elsewhere/c.jpg": "c"])
        let post = site.root.appendingPathComponent("post").path
        try FileManager.default.createSymbolicLink(atPath: "\(post)/in.jpg", withDestinationPath: "sub/b.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/out.jpg", withDestinationPath: "../elsewhere/c.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/gone.jpg", withDestinationPath: "nowhere.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/away", withDestinationPath: "../elsewhere")
        try FileManager.default.createSymbolicLink(atPath: "\(post)/here", withDestinationPath: "sub")
    }

    @Test(arguments: [
        ("post/a.jpg", true), ("post/sub/b.jpg", true), ("post/in.jpg", true), ("post/here/b.jpg", true),
        ("post/./a.jpg", true), ("post/sub/../a.jpg", true),
        ("post/out.jpg", false), ("post/away/c.jpg", false), ("post/../elsewhere/c.jpg", false), ("elsewhere/c.jpg", false),
    ])
    func tellsWhereAFileLands(_ path: String, _ inside: Bool) {
        #expect(directory.resolves(path, inside: "post") == inside)
    }

    @Test(arguments: ["post/missing.jpg", "post/gone.jpg", "post/sub/missing/b.jpg", "post/a.jpg/b.jpg"])
    func cannotTellForWhatIsNotThere(_ path: String) {
        #expect(directory.resolves(path, inside: "post") == nil)
    }

    @Test func aLinkedFolderHoldsWhatIsBelowIt() throws {
        let linked = site.root.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: site.root.appendingPathComponent("post").path)
        #expect(directory.resolves("linked/a.jpg", inside: "linked") == true)
        #expect(directory.resolves("linked/out.jpg", inside: "linked") == false)
        #expect(directory.resolves("post/a.jpg", inside: "") == true)
    }
}
