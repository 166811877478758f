import Foundation
import SchoolSite
import Testing
@testable import SchoolSitePreview

@Suite struct PreviewServerTests {
    @Test func aDraftPageShowsItsBannerAndItsViolations() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let page = try await RawResponse.get("/\(PreviewFixture.draftSlug)/", port: server.address.port)
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("class=\"notice notice-failing\""))
            #expect(page.text.contains("<strong>Preview:</strong> Draft — not approved. Would be refused: 1 problem</p>"))
            #expect(page.text.contains("<li><code>redaction.name</code> <span class=\"problem-where\">line 9:11</span>"))
            #expect(page.text.contains("Odd socks day"))
        }
    }

    @Test func everyStateHasItsBanner() async throws {
        let later = PreviewFixture.approved.replacingOccurrences(of: "date: 2024-06-14", with: "date: 2024-10-03")
        let gone = PreviewFixture.approved.replacingOccurrences(of: "date: 2024-06-14", with: "date: 2024-01-05\nexpires: 2024-07-31")
        let site = try PreviewFixture([
            "content/posts/2024-10-03-later/index.md": later,
            "content/posts/2024-01-05-gone/index.md": gone,
        ])
        for (slug, file) in [("2024-10-03-later", "relay.png"), ("2024-01-05-gone", "relay.png")] {
            try site.write("content/posts/\(slug)/\(file)", PreviewFixture.png)
            try site.approve(slug)
        }
        try await site.withPreview { server in
            let banners = [
                PreviewFixture.slug: "Published",
                "2024-10-03-later": "Scheduled for 3 October 2024",
                "2024-01-05-gone": "Expired on 31 July 2024",
            ]
            for (slug, banner) in banners {
                let page = try await RawResponse.get("/\(slug)/", port: server.address.port)
                let kind = banner.split(separator: " ")[0].lowercased()
                #expect(page.text.contains("class=\"notice notice-\(kind)\""), "\(slug)")
                #expect(page.text.contains("<strong>Preview:</strong> \(banner)</p>"), "\(slug)")
            }
        }
    }

    @Test func theIndexListsEveryPostWithItsStateAndProblemCount() async throws {
        let site = try PreviewFixture(["content/posts/2024-07-01-broken/index.md": "---\ntitle: [unclosed\n---\nText.\n"])
        try await site.withPreview { server in
            let index = try await RawResponse.get("/_preview/", port: server.address.port)
            #expect(index.status == 200)
            let rows = index.text.components(separatedBy: "<tr>").dropFirst(2)
            #expect(rows.count == 3)
            let draft = try #require(rows.first { $0.contains(PreviewFixture.draftSlug) })
            #expect(draft.contains("href=\"/\(PreviewFixture.draftSlug)/\""))
            #expect(draft.contains("Draft — not approved") && draft.contains("Would be refused: 1 problem"))
            let relay = try #require(rows.first { $0.contains(PreviewFixture.slug) })
            #expect(relay.contains("Published") && relay.contains("<td>none</td>"))
            // A post whose front matter cannot be read has no page: its problems are listed here.
            let broken = try #require(rows.first { $0.contains("2024-07-01-broken") })
            #expect(!broken.contains("href="))
            #expect(broken.contains("<code>post.front-matter</code>"))
            #expect(broken.contains("content/posts/2024-07-01-broken/index.md:"))
            // The news page lists the draft too: the preview shows every post that has a page.
            let home = try await RawResponse.get("/", port: server.address.port)
            #expect(home.text.contains("Odd socks day") && home.text.contains("Relay"))
        }
    }

    @Test(arguments: [
        "/register.csv", "/content/register.csv", "/site.yml", "/../site.yml", "/%2e%2e/site.yml", "/%2E%2E/%2e%2e/site.yml",
        "/..%2fsite.yml", "/2024-06-14-x%2findex.html", "/2024-06-14-x/./index.html", "//2024-06-14-x/index.html",
        "/2024-06-14-x/index.md", "/2024-06-14-x/approval.json", "/content/posts/2024-06-14-x/relay.png",
        "/themes/school/templates/layout.mustache", "/output/index.html", "/nothing-here/",
    ])
    func sourcesAndTraversalAreNotFound(_ target: String) async throws {
        let site = try PreviewFixture()
        try site.write("output/index.html", "an old build")
        try await site.withPreview { server in
            let response = try await RawResponse.get(target, port: server.address.port)
            #expect(response.status == 404, "\(target) gave \(response.status): \(response.text.prefix(200))")
            #expect(!response.text.contains("Arjun") && !response.text.contains("public_key") && !response.text.contains("approver"))
        }
    }

    @Test func theRenderedFilesBesideThemAreServed() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let port = server.address.port
            let image = try await RawResponse.get("/\(PreviewFixture.slug)/relay.png", port: port)
            #expect(image.status == 200 && image.body == PreviewFixture.png && image.headers["content-type"] == "image/png")
            let page = try await RawResponse.get("/\(PreviewFixture.slug)/index.html", port: port)
            #expect(page.status == 200 && page.text.contains(">Relay</h1>"))
            let folder = try await RawResponse.get("/\(PreviewFixture.slug)", port: port)
            #expect(folder.status == 301 && folder.headers["location"] == "/\(PreviewFixture.slug)/")
        }
    }

    @Test func aPostShowingItsOwnSourceOrApprovalAsAnImageDoesNotServeThem() async throws {
        let sly = PreviewFixture.draft.replacingOccurrences(of: "Well done Arjun for the brightest socks.",
                                                            with: "![a](index.md) ![b](approval.json) ![c](secret.png)")
        let site = try PreviewFixture(["content/posts/\(PreviewFixture.draftSlug)/index.md": sly,
                                       "content/posts/\(PreviewFixture.draftSlug)/approval.json": "{}"])
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/posts/\(PreviewFixture.draftSlug)/secret.png").path,
                                                   withDestinationPath: site.root.appendingPathComponent("content/posts/\(PreviewFixture.slug)/relay.png").path)
        try await site.withPreview { server in
            for name in ["index.md", "approval.json", "secret.png"] {
                let response = try await RawResponse.get("/\(PreviewFixture.draftSlug)/\(name)", port: server.address.port)
                #expect(response.status == 404, "\(name) gave \(response.status)")
            }
        }
    }

    /// A theme's static file that is the register itself (a hard link) is not served, as a build refuses to publish it.
    @Test func theRegisterHardLinkedIntoTheThemeIsNotServed() async throws {
        let site = try PreviewFixture()
        #expect(link(site.root.appendingPathComponent("content/register.csv").path,
                     site.root.appendingPathComponent("themes/school/static/pupils.csv").path) == 0)
        try await site.withPreview { server in
            let register = try await RawResponse.get("/assets/pupils.csv", port: server.address.port)
            #expect(register.status == 404 && !register.text.contains("given_name"), "gave \(register.status)")
            let stylesheet = try await RawResponse.get("/assets/style.css", port: server.address.port)
            #expect(stylesheet.status == 200)
        }
    }

    @Test func outputIsNeverWritten() async throws {
        let built = try PreviewFixture()
        try built.write("output/index.html", "an old build")
        try built.write("output/\(PreviewFixture.slug)/index.html", "an old page")
        let fresh = try PreviewFixture()
        for site in [built, fresh] {
            let before = site.files(under: "output")
            try await site.withPreview { server in
                for target in ["/", "/_preview/", "/\(PreviewFixture.draftSlug)/", "/\(PreviewFixture.slug)/relay.png", "/feed.xml"] {
                    let response = try await RawResponse.get(target, port: server.address.port)
                    #expect(response.status == 200, "\(target)")
                }
                try site.write("content/posts/\(PreviewFixture.draftSlug)/index.md", PreviewFixture.draft + "More.\n")
                let changed = try await RawResponse.eventually("/\(PreviewFixture.draftSlug)/", port: server.address.port) { $0.text.contains("More.") }
                #expect(changed.text.contains("More."))
            }
            #expect(site.files(under: "output") == before)
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path) == !before.isEmpty)
        }
    }

    @Test func aPortInUseIsAClearError() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { first in
            let taken = try ListenAddress(host: "127.0.0.1", port: first.address.port)
            do throws(PreviewError) {
                let second = try await PreviewServer.start(.init(site: site.root.path, address: taken))
                await second.stop()
                Issue.record("a second preview started on port \(taken.port)")
            } catch {
                guard case .portInUse(let address) = error else { Issue.record("expected portInUse, got \(error)"); return }
                #expect(address.port == first.address.port)
                #expect(error.description.contains("port \(first.address.port) on 127.0.0.1 is already in use"))
            }
        }
    }

    @Test func aPageAddressedToAnotherHostNameIsRefused() async throws {
        let site = try PreviewFixture()
        try await site.withPreview { server in
            let port = server.address.port
            let rebound = try await RawResponse.get("/", port: port, host: "attacker.example:\(port)")
            let local = try await RawResponse.get("/", port: port, host: "localhost:\(port)")
            #expect(rebound.status == 403 && !rebound.text.contains("Relay"))
            #expect(local.status == 200)
        }
    }

    @Test func aBrokenSiteAtStartIsTheSiteError() async throws {
        let site = try PreviewFixture()
        try site.write("site.yml", "title: x\nbogus: 1\n")
        await #expect {
            _ = try await site.start()
        } throws: { error in
            guard let error = error as? PreviewError, case .site(let failure) = error else { return false }
            return failure.diagnostics.contains { $0.rule == "config.unknown-key" }
        }
    }
}
