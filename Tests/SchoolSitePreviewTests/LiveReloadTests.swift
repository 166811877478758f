import Foundation
import Testing
@testable import SchoolSitePreview

@Suite struct LiveReloadTests {
    /// The `data:` values of the events received so far.
    static func generations(in stream: Data) -> [String] {
        String(decoding: stream, as: UTF8.self).components(separatedBy: "\n")
            .filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
    }

    @Test(arguments: ["content/posts/2024-06-20-odd-socks/index.md", "themes/school/templates/post.mustache", "site.yml"])
    func aSavedChangeReachesTheEventStreamWithinTwoSeconds(_ changed: String) async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let events = try RawConnection(port: server.address.port)
            events.send("GET /_preview/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let opened = await events.receive(within: .seconds(5)) { Self.generations(in: $0).count >= 1 }
            #expect(String(decoding: opened, as: UTF8.self).lowercased().contains("content-type: text/event-stream"))
            let first = try #require(Self.generations(in: opened).first)

            let original = try String(contentsOf: site.root.appendingPathComponent(changed), encoding: .utf8)
            try site.write(changed, original + "\n")
            let saved = ContinuousClock.now
            let after = await events.receive(within: .seconds(2)) { !Self.generations(in: $0).isEmpty }
            #expect(ContinuousClock.now - saved < .seconds(2))
            let next = try #require(Self.generations(in: after).first, "no event within 2 s of saving \(changed)")
            #expect(next != first)
        }
    }

    @Test func pagesReloadIntoTheNewRender() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let port = server.address.port
            let before = try await RawResponse.get("/\(PreviewFixture.draftSlug)/", port: port)
            try site.write("content/posts/\(PreviewFixture.draftSlug)/index.md", PreviewFixture.draft.replacingOccurrences(of: "Arjun", with: "everyone"))
            let after = try await RawResponse.eventually("/\(PreviewFixture.draftSlug)/", port: port) { !$0.text.contains("Arjun") }
            #expect(before.text.contains("Would be refused"))
            #expect(after.text.contains("class=\"notice notice-draft\"") && after.text.contains("Draft — not approved</p>"))
            #expect(!after.text.contains("Would be refused") && !after.text.contains("Arjun"))
        }
    }

    @Test func onlyHTMLPagesGetTheScript() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let port = server.address.port
            for target in ["/", "/_preview/", "/\(PreviewFixture.draftSlug)/", "/category/update/"] {
                let page = try await RawResponse.get(target, port: port)
                let nonce = try #require(page.headers["content-security-policy"]?.firstMatch(of: /'nonce-([0-9A-F]+)'/)?.1)
                #expect(page.text.contains("<script nonce=\"\(nonce)\">"), "\(target)")
                #expect(page.text.contains("new EventSource(\"/_preview/events\")"), "\(target)")
                #expect(page.text.firstRange(of: "</script>\n</body>") != nil, "\(target)")
            }
            for target in ["/assets/style.css", "/feed.xml", "/\(PreviewFixture.slug)/relay.png"] {
                let file = try await RawResponse.get(target, port: port)
                #expect(file.status == 200 && !file.text.contains("<script"), "\(target)")
            }
        }
    }

    @Test func aBrokenSiteIsShownUntilItIsFixed() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let port = server.address.port
            let good = try String(contentsOf: site.root.appendingPathComponent("site.yml"), encoding: .utf8)
            try site.write("site.yml", good + "colour: blue\n")
            let broken = try await RawResponse.eventually("/\(PreviewFixture.draftSlug)/", port: port) { $0.status != 200 }
            #expect(broken.status == 500)
            #expect(broken.text.contains("config.unknown-key") && broken.text.contains("<script nonce="))
            try site.write("site.yml", good)
            let fixed = try await RawResponse.eventually("/\(PreviewFixture.draftSlug)/", port: port) { $0.status == 200 }
            #expect(fixed.status == 200)
        }
    }
}
