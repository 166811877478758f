import Testing
@testable import SchoolSitePreview

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", "index.html"), ("/2024-06-14-x/", "2024-06-14-x/index.html"), ("/feed.xml", "feed.xml"),
        ("/page/2/", "page/2/index.html"), ("/x/my%20photo.jpg", "x/my photo.jpg"), ("/x/..photo.jpg", "x/..photo.jpg"),
    ])
    func plainPathsMapToRenderedFiles(_ raw: String, _ file: String) throws {
        let decoded = try #require(RequestPath.decode(raw))
        #expect(RequestPath.filePath(for: decoded) == file)
    }

    @Test(arguments: [
        "/../site.yml", "/%2e%2e/site.yml", "/x/%2E%2E", "/x/..", "/./index.html", "/x%2findex.html", "/x%2Findex.html",
        "/x%5cindex.html", "/x\\index.html", "//x/index.html", "/x//index.html", "/x/%00", "/x/%0a", "/%zz", "site.yml", "",
    ])
    func anythingElseIsRefused(_ raw: String) {
        #expect(RequestPath.decode(raw) == nil)
    }

    @Test func loopbackAndOtherHosts() throws {
        #expect(try ListenAddress(host: "127.0.0.1", port: 8000).isLoopback)
        #expect(try ListenAddress(host: "localhost", port: 8000).isLoopback)
        #expect(try ListenAddress(host: "::1", port: 8000).isLoopback)
        #expect(try !ListenAddress(host: "0.0.0.0", port: 8000).isLoopback)
        #expect(try !ListenAddress(host: "192.168.1.20", port: 8000).isLoopback)
        #expect(try ListenAddress(host: "[::1]", port: 8000).url == "http://[::1]:8000/")
        #expect(throws: PreviewError.self) { try ListenAddress(host: "example.com", port: 8000) }
        #expect(PreviewHandler.isLocal(host: "127.0.0.1:8000") && PreviewHandler.isLocal(host: "[::1]:8000") && PreviewHandler.isLocal(host: "LOCALHOST"))
        #expect(!PreviewHandler.isLocal(host: "127.0.0.1.attacker.example") && !PreviewHandler.isLocal(host: "attacker.example:8000"))
    }
}
