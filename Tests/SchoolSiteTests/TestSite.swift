import Foundation
import Testing
@testable import SchoolSite

/// A whole site described as `[path: contents]`, written to a fresh temporary
/// folder, which goes when the last reference to the site does.
final class TestSite: Sendable {
    let root: URL
    /// The approver whose public key the site's site.yml lists.
    let key = ApprovalKey.generate(name: "Sam Taylor")
    static let unsignedApproval = "SIGN"

    /// A well-formed key nobody holds, in `siteYAML` until a site signs with its own.
    static let placeholderKey = "ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    static let siteYAML = """
    title: Test School News
    school: Test Primary School
    base_url: https://www.example.sch.uk/news/
    language: en-GB
    timezone: Europe/London
    theme: school
    posts_per_page: 2
    register: content/register.csv
    approvers:
      - name: Sam Taylor
        public_key: \(placeholderKey)
    policy:
      categories: [achievement, celebration, update, reminder]
      pupil_full_names: forbid

    """

    static let register = """
    id,given_name,family_name,known_as,role,photo_consent,name_consent,do_not_publish,consent_until
    P0001,Amelia,Smith,Millie,pupil,yes,yes,no,
    P0002,Oliver,Brown,,pupil,yes,no,no,
    P0003,Zoë,Smith-Jones,,pupil,no,no,no,
    P0004,Harry,O'Neill,,pupil,yes,yes,yes,
    P0005,Grace,Taylor,,pupil,yes,yes,no,2025-07-31
    P0006,Mary Ann,Lee,,pupil,yes,no,no,
    P0007,May,Evans,,pupil,yes,no,no,
    S001,Anita,Patel,,staff,yes,yes,no,

    """

    /// The minimal theme every test site gets unless it brings its own.
    static let theme: [String: String] = [
        "themes/school/templates/layout.mustache": "<!doctype html><html lang=\"{{lang}}\"><title>{{page_title}}</title><main>{{{content}}}</main></html>\n",
        "themes/school/templates/index.mustache": "{{#posts}}<a href=\"{{url}}\">{{title}}</a>\n{{/posts}}",
        "themes/school/templates/category.mustache": "<h1>{{label}}</h1>{{#posts}}<a href=\"{{url}}\">{{title}}</a>\n{{/posts}}",
        "themes/school/templates/post.mustache": "<h1>{{post.title}}</h1>{{{post.body}}}",
        "themes/school/static/style.css": "body{}\n",
    ]

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    init(_ files: [String: String] = [:], binary: [String: Data] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("schoolsite-test-\(UUID().uuidString)")
        var all = Self.theme
        all["site.yml"] = Self.siteYAML
        all["content/register.csv"] = Self.register
        all.merge(files) { _, new in new }
        all["site.yml"] = all["site.yml"]?.replacingOccurrences(of: Self.placeholderKey, with: key.publicKeyText)
        for (path, text) in all { try write(path, Data(text.utf8)) }
        for (path, data) in binary { try write(path, data) }
        for (path, text) in all where path.hasSuffix("/approval.json") && text == Self.unsignedApproval {
            try approve(URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent)
        }
    }

    /// Signs the post as it is now with the site's approver key, as `schoolsite approve` would.
    func approve(_ slug: String, with signer: ApprovalKey? = nil, approvedAt: String = "2024-06-14T15:30:00+01:00") throws {
        let site = try load()
        let posts = try #require(FolderHandle(site.directory.path(PostLoader.postsFolder)))
        let post = PostLoader.loadPost(slug: slug, from: site.directory, postsFolder: posts, config: site.config, readDrafts: true)
        let digest = try #require(ApprovalDigest.of(post, site: site.directory))
        let record = try (signer ?? key).sign(post, digest: digest, approvedAt: approvedAt)
        try write(post.approvalFile, record.json)
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func load() throws -> Site { try Site.load(at: root.path) }

    func build(on date: String) throws -> SiteBuild.Result {
        try SiteBuild.run(site: root.path, output: nil, date: Day(iso: date)!)
    }

    /// Every file under `folder` with its bytes, for byte-for-byte comparisons.
    func snapshot(_ folder: String = "output") -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
        var files: [String: Data] = [:]
        for case let url as URL in enumerator {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count))] = data
            }
        }
        return files
    }

    /// An approved post folder: `index.md` plus an `approval.json`, signed once the site is written.
    static func post(_ slug: String, _ markdown: String, approved: Bool = true) -> [String: String] {
        var files = ["content/posts/\(slug)/index.md": markdown]
        if approved {
            files["content/posts/\(slug)/approval.json"] = unsignedApproval
        }
        return files
    }

    /// A 1×1 PNG, for posts that show an image.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    /// Another valid 1×1 PNG (a red pixel), to replace the first one.
    static let redPNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4IScHAAK2AQU0pnWqAAAAAElFTkSuQmCC")!

    /// Front matter with the required keys, then `body`.
    static func markdown(title: String = "A post", date: String = "2024-06-14", extra: String = "", body: String = "Hello.") -> String {
        """
        ---
        title: \(title)
        date: \(date)
        author: Mrs A. Patel
        category: update
        people: []
        photos: {}
        \(extra)
        ---
        \(body)

        """
    }
}
