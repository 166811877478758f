import Foundation
import Testing
@testable import SchoolSite

/// An approval means "the SBM approved exactly these bytes" (SPEC §7).
@Suite struct ApprovalTests {
    static let slug = "2024-06-14-relay"
    static let markdown = TestSite.markdown(title: "Relay", body: "Well done! ![Children passing the baton](relay.png)")
        .replacingOccurrences(of: "photos: {}", with: "photos: {relay.png: []}")

    func site() throws -> TestSite {
        var files = TestSite.post(Self.slug, Self.markdown)
        files.merge(TestSite.post("2024-06-01-other", TestSite.markdown(title: "Other", date: "2024-06-01"))) { _, new in new }
        return try TestSite(files, binary: ["content/posts/\(Self.slug)/relay.png": TestSite.png])
    }

    func findings(_ site: TestSite) throws -> [String] {
        try site.build(on: "2024-09-02").report.diagnostics.map(\.description)
    }

    @Test func untouchedApprovedPostIsPublished() throws {
        let result = try site().build(on: "2024-09-02")
        #expect(result.output != nil)
        #expect(result.report.published == ["2024-06-01-other", Self.slug])
    }

    @Test func oneChangedByteOfTheTextIsStale() throws {
        let site = try site()
        try site.write("content/posts/\(Self.slug)/index.md", Self.markdown.replacingOccurrences(of: "Well done!", with: "Well done."))
        let problems = try findings(site)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/posts/\(Self.slug)/approval.json:1:1: error[approval.stale] the post or one of its images changed after Sam Taylor approved it on 2024-06-14") == true)
    }

    @Test func aReplacedImageIsStale() throws {
        let site = try site()
        try site.write("content/posts/\(Self.slug)/relay.png", TestSite.redPNG)
        #expect(try findings(site).map { $0.contains("error[approval.stale]") } == [true])
    }

    @Test func anApprovalCopiedFromAnotherPostIsRefused() throws {
        let site = try site()
        try site.write("content/posts/\(Self.slug)/approval.json", try site.read("content/posts/2024-06-01-other/approval.json"))
        let problems = try findings(site)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("error[approval.signature] approval.json was made for another post (2024-06-01-other)") == true)
    }

    @Test func aKeyNotAmongTheApproversIsRefused() throws {
        let site = try site()
        try site.approve(Self.slug, with: ApprovalKey.generate(name: "Sam Taylor"))
        #expect(try findings(site).map { $0.contains("error[approval.signature]") } == [true])
    }

    @Test func anEditedApprovalFileIsRefused() throws {
        let site = try site()
        let path = "content/posts/\(Self.slug)/approval.json"
        try site.write(path, try site.read(path).replacingOccurrences(of: "2024-06-14T15:30:00+01:00", with: "2024-06-15T15:30:00+01:00"))
        #expect(try findings(site).map { $0.contains("error[approval.signature]") } == [true])
        try site.write(path, "not json")
        #expect(try findings(site).map { $0.contains("error[approval.signature] approval.json cannot be read") } == [true])
    }

    @Test func anApprovalLinkThatLeadsNowhereIsRefusedNotTakenForADraft() throws {
        let site = try site()
        let path = "content/posts/\(Self.slug)/approval.json"
        try site.remove(path)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: "gone.json")
        let expected = "\(path):1:1: error[approval.signature] approval.json cannot be read as an approval"
        #expect(try findings(site).map { $0.hasPrefix(expected) } == [true])
        let review = Evaluation.review(try site.load(), on: Day(iso: "2024-09-02")!)
        let post = try #require(review.posts.first { $0.post.slug == Self.slug })
        #expect(post.state == .published)
        #expect(post.diagnostics.map { $0.description.hasPrefix(expected) } == [true])

        try site.remove(path)
        let draft = try #require(Evaluation.review(try site.load(), on: Day(iso: "2024-09-02")!).posts.first { $0.post.slug == Self.slug })
        #expect(draft.state == .draft)
        #expect(draft.diagnostics.isEmpty)
    }

    @Test func removingTheApproverRefusesEveryPostTheyApproved() throws {
        let site = try site()
        let yaml = try site.read("site.yml").replacingOccurrences(of: "name: Sam Taylor", with: "name: Alex Jones")
        try site.write("site.yml", yaml)
        let problems = try findings(site)
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("error[approval.signature]") })
    }

    @Test func approveWritesASignedApprovalAndBuildsAcceptIt() throws {
        let site = try TestSite(TestSite.post(Self.slug, Self.markdown, approved: false),
                                binary: ["content/posts/\(Self.slug)/relay.png": TestSite.png])
        let outcome = try PostApproval.approve(Self.slug, in: try site.load(), key: site.key,
                                               now: ISO8601DateFormatter().date(from: "2024-06-14T14:30:00Z")!)
        guard case .approved(let record, let summary, _) = outcome else {
            Issue.record("a clean post must be approved")
            return
        }
        #expect(record.approvedAt == "2024-06-14T15:30:00+01:00")
        #expect(summary.images.map(\.file) == ["relay.png"])
        #expect(ApprovalRecord.parse(try site.read("content/posts/\(Self.slug)/approval.json")) == record)
        #expect(try site.build(on: "2024-09-02").report.published == [Self.slug])
    }

    @Test func approvingAgainReplacesTheApprovalAndLeavesNothingElse() throws {
        let site = try site()
        let folder = site.root.appendingPathComponent("content/posts/\(Self.slug)").path
        let first = try site.read("content/posts/\(Self.slug)/approval.json")
        _ = try PostApproval.approve(Self.slug, in: try site.load(), key: site.key,
                                     now: ISO8601DateFormatter().date(from: "2024-07-01T09:00:00Z")!)
        #expect(try site.read("content/posts/\(Self.slug)/approval.json") != first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["approval.json", "index.md", "relay.png"])
    }

    @Test func approveRefusesAPostWithAnErrorAndWritesNothing() throws {
        let bad = Self.markdown.replacingOccurrences(of: "Well done!", with: "Well done Oliver!")
        let site = try TestSite(TestSite.post(Self.slug, bad, approved: false), binary: ["content/posts/\(Self.slug)/relay.png": TestSite.png])
        let outcome = try PostApproval.approve(Self.slug, in: try site.load(), key: site.key)
        guard case .refused(let problems) = outcome else {
            Issue.record("a post naming a pupil without consent must be refused")
            return
        }
        #expect(problems.map(\.rule) == ["redaction.name"])
        #expect(!site.exists("content/posts/\(Self.slug)/approval.json"))
    }

    @Test func approveRefusesAKeyThatSiteYMLDoesNotList() throws {
        let site = try TestSite(TestSite.post(Self.slug, Self.markdown, approved: false), binary: ["content/posts/\(Self.slug)/relay.png": TestSite.png])
        #expect(throws: SiteError.self) {
            _ = try PostApproval.approve(Self.slug, in: try site.load(), key: ApprovalKey.generate(name: "Sam Taylor"))
        }
    }

    @Test func keyFilesAreWrittenPrivateAndRefusedWhenOthersCanRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sam.key").path
        let key = ApprovalKey.generate(name: "Sam Taylor")
        try key.write(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try ApprovalKey.read(from: path).publicKeyText == key.publicKeyText)
        #expect(throws: ApprovalKeyError.self) { try key.write(to: path) }
        chmod(path, 0o644)
        do {
            _ = try ApprovalKey.read(from: path)
            Issue.record("a key others can read must be refused")
        } catch {
            #expect(error.description.contains("can be read by other users") && error.description.contains("chmod 600"))
        }
    }
}

extension ApprovalTests {
    @Test func keygenMakesAPrivateFolderForTheKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("sam.key").path
        try ApprovalKey.generate(name: "Sam Taylor").write(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(try ApprovalKey.read(from: path).name == "Sam Taylor")
    }

    @Test func theApprovalSummaryShowsTheWordsNotTreatedAsNames() throws {
        let markdown = Self.markdown.replacingOccurrences(of: "photos: {relay.png: []}", with: "photos: {relay.png: []}\nnot_names: [May]")
        let site = try TestSite(TestSite.post(Self.slug, markdown, approved: false), binary: ["content/posts/\(Self.slug)/relay.png": TestSite.png])
        guard case .approved(_, let summary, _) = try PostApproval.approve(Self.slug, in: try site.load(), key: site.key) else {
            Issue.record("a clean post must be approved")
            return
        }
        #expect(summary.notNames == ["May"])
    }
}
