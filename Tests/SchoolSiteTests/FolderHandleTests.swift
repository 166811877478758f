import Foundation
import Testing
@testable import SchoolSite

/// Look-ups through an open folder must tell what look-ups by the full path
/// tell, and never leave the folder by a path from `/`.
@Suite struct FolderHandleTests {
    let site: TestSite
    var root: String { site.root.path }

    init() throws {
        site = try TestSite(["post/index.md": "text", "post/sub/b.jpg": "b", "elsewhere/c.jpg": "c"])
        try FileManager.default.createSymbolicLink(atPath: "\(root)/post/link.jpg", withDestinationPath: "sub/b.jpg")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/linked", withDestinationPath: "post")
    }

    @Test(arguments: ["index.md", "sub", "sub/b.jpg", "link.jpg", "missing.jpg", "../elsewhere/c.jpg"])
    func tellsWhatTheFullPathTells(_ relative: String) throws {
        let post = try #require(FolderHandle("\(root)/post"))
        #expect(post.status(of: relative) == FileStatus("\(root)/post/\(relative)"))
        #expect(post.status(of: relative, following: true) == FileStatus("\(root)/post/\(relative)", following: true))
    }

    @Test func aPathFromTheRootIsRefused() throws {
        let post = try #require(FolderHandle("\(root)/post"))
        #expect(FileStatus("\(root)/elsewhere/c.jpg") != nil)
        #expect(post.status(of: "\(root)/elsewhere/c.jpg") == nil)
    }

    @Test func aLinkedFolderOpensOnlyWhenFollowed() throws {
        #expect(FolderHandle("\(root)/linked", following: false) == nil)
        let linked = try #require(FolderHandle("\(root)/linked"))
        #expect(linked.status == FileStatus("\(root)/post"))
        #expect(FolderHandle("\(root)/post/index.md") == nil)
        #expect(FolderHandle("\(root)/missing") == nil)
    }

    @Test func listsTheFolder() throws {
        let post = try #require(FolderHandle("\(root)/post"))
        #expect(DirectoryListing.names(in: post)?.sorted() == ["index.md", "link.jpg", "sub"])
    }

    /// The output tree's files, which `StagingTree` compares before linking one.
    @Test func anOwnFileIsReadWithItsStatusAndALinkIsRefused() throws {
        let file = try SiteDirectory.readOwnFile(at: "\(root)/post/index.md", limit: 100)
        #expect(file.data == Data("text".utf8))
        #expect(file.status == FileStatus("\(root)/post/index.md"))
        #expect(throws: FileReadError.self) { try SiteDirectory.readOwnFile(at: "\(root)/post/link.jpg", limit: 100) }
        #expect(throws: FileReadError.self) { try SiteDirectory.readOwnFile(at: "\(root)/post/sub", limit: 100) }
        #expect(throws: FileReadError.self) { try SiteDirectory.readOwnFile(at: "\(root)/post/index.md", limit: 3) }
    }
}
