import Foundation
import Testing
@testable import SchoolSite

@Suite struct BuildTests {
    static let pictured = TestSite.markdown(
        title: "Relay", date: "2024-06-14",
        extra: "", body: "Well done everyone! ![Children passing the baton](relay.png)"
    ).replacingOccurrences(of: "people: []\nphotos: {}", with: "people: [P0001, P0005]\nphotos: {relay.png: [P0001, P0005]}")

    func site(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = TestSite.post("2024-06-14-relay", Self.pictured)
        files.merge(TestSite.post("2024-05-01-draft", TestSite.markdown(title: "Secret draft", body: "Zoë Smith-Jones"), approved: false)) { _, new in new }
        files.merge(extra) { _, new in new }
        return try TestSite(files, binary: ["content/posts/2024-06-14-relay/relay.png": TestSite.png])
    }

    @Test func publishesApprovedPostsAndNeverDrafts() throws {
        let site = try site()
        let result = try site.build(on: "2024-09-02")
        #expect(result.output != nil)
        #expect(result.report.published == ["2024-06-14-relay"])
        #expect(result.report.drafts == ["2024-05-01-draft"])
        let files = site.snapshot()
        #expect(files.keys.contains("/2024-06-14-relay/relay.png"))
        #expect(!files.keys.contains { $0.contains("draft") || $0.hasSuffix(".md") || $0.hasSuffix(".csv") || $0.hasSuffix("approval.json") })
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("Secret draft") })
    }

    /// The posts are the folders in content/posts, links to folders included; files and hidden folders are not posts.
    @Test func postsAreTheFoldersOfThePostsFolder() throws {
        var extra = TestSite.post("linked", TestSite.markdown(title: "Linked", date: "2024-06-20", body: "From elsewhere."), approved: false)
        extra = Dictionary(uniqueKeysWithValues: extra.map { ($0.key.replacingOccurrences(of: "content/posts/linked", with: "elsewhere/linked"), $0.value) })
        extra["content/posts/notes.txt"] = "not a post"
        extra["content/posts/.hidden/index.md"] = "not a post"
        let site = try site(extra)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/posts/2024-06-20-linked").path,
                                                   withDestinationPath: site.root.appendingPathComponent("elsewhere/linked").path)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/posts/2024-06-21-dangling").path,
                                                   withDestinationPath: site.root.appendingPathComponent("nowhere").path)
        let posts = try #require(FolderHandle(site.root.appendingPathComponent(PostLoader.postsFolder).path))
        #expect(PostLoader.folders(in: posts) == ["2024-05-01-draft", "2024-06-14-relay", "2024-06-20-linked"])
    }

    @Test func templateValuesAreEscapedAndTheBodyIsNot() throws {
        // A YAML string ending in a quote with a combining accent on it (one Character,
        // which escaping by Characters let through) and a control character (BEL),
        // which HTML may not hold even escaped.
        let title = #""Fish & chips <b>\"Year 3's\"</b>\"\u0301\a""#
        let site = try site(TestSite.post("2024-07-01-chips", TestSite.markdown(title: title, date: "2024-07-01", body: "*Lovely* chips.")))
        let result = try site.build(on: "2024-09-02")
        #expect(result.output != nil, "\(result.report.diagnostics)")
        let page = try site.read("output/2024-07-01-chips/index.html")
        let escaped = "Fish &amp; chips &lt;b&gt;&quot;Year 3&apos;s&quot;&lt;/b&gt;&quot;\u{301}"
        #expect(page.contains("<h1>\(escaped)</h1>"))
        #expect(page.contains("<title>\(escaped) – Test School News</title>"))
        #expect(page.contains("<em>Lovely</em> chips."))
    }

    @Test func consentWithdrawnAfterPublishingRefusesAndKeepsTheOldSite() throws {
        let site = try site()
        #expect(try site.build(on: "2024-09-02").output != nil)
        let before = site.snapshot()
        try site.write("content/register.csv", TestSite.register.replacingOccurrences(of: "P0001,Amelia,Smith,Millie,pupil,yes", with: "P0001,Amelia,Smith,Millie,pupil,no"))
        let refused = try site.build(on: "2024-09-03")
        #expect(refused.output == nil)
        #expect(refused.report.diagnostics.map(\.description) == [
            "content/posts/2024-06-14-relay/index.md:7:22: error[consent.photo] P0001 is pictured in relay.png but has no photo consent on 2024-09-03",
        ])
        #expect(site.snapshot() == before)
    }

    @Test func lapsingConsentFlipsTheSameSiteFromBuiltToRefused() throws {
        let site = try site()
        #expect(try site.build(on: "2025-07-31").output != nil)
        let refused = try site.build(on: "2025-08-01")
        #expect(refused.output == nil)
        #expect(refused.report.diagnostics.map(\.rule) == ["consent.photo"])
        #expect(refused.report.diagnostics.first?.message.contains("P0005") == true)
    }

    @Test func scheduledAndExpiredFollowTheBuildDate() throws {
        let later = TestSite.markdown(title: "Later", date: "2024-10-01", extra: "expires: 2024-12-31", body: "Soon, Zoë.")
        let site = try site(TestSite.post("2024-10-01-later", later))
        let before = try site.build(on: "2024-09-02")
        #expect(before.report.scheduled == ["2024-10-01-later"])
        // A scheduled post's problems are warnings until its day comes.
        #expect(before.output != nil && before.report.diagnostics.map(\.severity) == [.warning])
        let onTheDay = try site.build(on: "2024-10-01")
        #expect(onTheDay.output == nil && onTheDay.report.diagnostics.map(\.rule) == ["redaction.name"])
        try site.write("content/posts/2024-10-01-later/index.md", later.replacingOccurrences(of: "Soon, Zoë.", with: "Soon."))
        try site.approve("2024-10-01-later")
        #expect(try site.build(on: "2024-10-01").report.published == ["2024-06-14-relay", "2024-10-01-later"])
        let expired = try site.build(on: "2025-01-01")
        #expect(expired.report.expired == ["2024-10-01-later"])
        #expect(!site.exists("output/2024-10-01-later"))
    }

    @Test func sameInputAndDateGiveIdenticalBytes() throws {
        let site = try site()
        _ = try site.build(on: "2024-09-02")
        let first = site.snapshot()
        _ = try site.build(on: "2024-09-02")
        #expect(site.snapshot() == first)
        #expect(!first.isEmpty)
    }

    @Test func aSecondBuildWhileOneHoldsTheLockStops() throws {
        let site = try site()
        do {
            let held = try BuildLock(for: site.root.appendingPathComponent("output"))
            #expect {
                _ = try site.build(on: "2024-09-02")
            } throws: { error in
                (error as? SiteError)?.kind == .buildLocked
            }
            withExtendedLifetime(held) {}
        }
        #expect(try site.build(on: "2024-09-02").output != nil)
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() throws {
        let site = try site()
        try site.write(".output.staging-99999/half.html", "<p>half")
        _ = try site.build(on: "2024-09-02")
        #expect(!site.exists(".output.staging-99999"))
    }

    @Test func safeModeDropsRawHTMLAndScriptURLs() {
        let rendered = MarkdownRenderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n",
                                               firstLine: 1, pageAddress: "https://x.test/p/")
        for html in [rendered.html, rendered.feedHTML] {
            #expect(!html.contains("<script") && !html.contains("javascript:") && !html.contains("onerror"))
        }
    }

    @Test func feedHTMLHasAbsoluteURLs() {
        let rendered = MarkdownRenderer.render("![a](relay.png) [b](../other/) [c](#top) [d](https://e.test/)\n",
                                               firstLine: 1, pageAddress: "https://x.test/news/post/")
        #expect(rendered.html.contains("src=\"relay.png\""))
        for url in ["https://x.test/news/post/relay.png", "https://x.test/news/other/", "https://x.test/news/post/#top", "https://e.test/"] {
            #expect(rendered.feedHTML.contains("\"\(url)\""))
        }
    }
}

extension BuildTests {
    /// A source that disappears between the check and the write (an image
    /// deleted mid-build) stops the write, names the file, and keeps the old site.
    @Test func aSourceGoneMidBuildNamesItAndKeepsTheOldSite() throws {
        let site = try site()
        #expect(try site.build(on: "2024-09-02").output != nil)
        let before = site.snapshot()
        let loaded = try site.load()
        let evaluation = Evaluation.evaluate(loaded, on: Day(iso: "2024-09-02")!, for: .build)
        let rendered = SiteRenderer(site: loaded).render(posts: evaluation.published.map { evaluation.posts[$0.index].post })
        try site.remove("content/posts/2024-06-14-relay/relay.png")
        #expect {
            try OutputWriter(site: loaded.directory, register: loaded.register.file, output: site.root.appendingPathComponent("output")).write(rendered, record: nil)
        } throws: { error in
            let failure = error as? SiteError
            return failure?.kind == .outputFailed && failure?.diagnostics.first?.location.file == "content/posts/2024-06-14-relay/relay.png"
                && failure?.diagnostics.first?.message.contains("does not exist") == true
        }
        #expect(site.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".output.staging-\(getpid())").path))
    }

    /// `--output` names the site built before, where the register has been put since:
    /// refused at `register:` in site.yml, before anything is written.
    @Test func outputFolderHoldingTheRegisterIsRefused() throws {
        let site = try site()
        let output = site.root.appendingPathComponent("public").resolvingSymlinksInPath()
        #expect(try SiteBuild.run(site: site.root.path, output: output.path, date: Day(iso: "2024-09-02")).output != nil)
        try site.write("public/register.csv", TestSite.register)
        try site.write("site.yml", try site.read("site.yml").replacingOccurrences(of: "register: content/register.csv", with: "register: public/register.csv"))
        let before = site.snapshot("public")
        #expect {
            try SiteBuild.run(site: site.root.path, output: output.path, date: Day(iso: "2024-09-02"))
        } throws: { error in
            (error as? SiteError)?.description == "site.yml:8:1: error[config.invalid] `register` must not point inside the output folder \(output.path): that folder is published, and replaced by every build; keep the consent register at content/register.csv"
        }
        #expect(site.snapshot("public") == before)
    }

    /// The register hard-linked into the theme under another name is the same file:
    /// the build stops, names it, and keeps the old site.
    @Test func registerHardLinkedIntoTheThemeStopsTheBuild() throws {
        let site = try site()
        #expect(try site.build(on: "2024-09-02").output != nil)
        let before = site.snapshot()
        #expect(link(site.root.appendingPathComponent("content/register.csv").path,
                     site.root.appendingPathComponent("themes/school/static/pupils.csv").path) == 0)
        #expect {
            try site.build(on: "2024-09-02")
        } throws: { error in
            let failure = error as? SiteError
            return failure?.kind == .outputFailed && failure?.description == "themes/school/static/pupils.csv:1:1: error[output.write] this file is the consent register (under another name, or a copy of it), and the register is never published; nothing was written and the previous site is unchanged. Delete it here (the register stays where `register:` in site.yml points) and build again."
        }
        #expect(site.snapshot() == before)
    }
}
