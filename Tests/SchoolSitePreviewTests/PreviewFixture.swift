import Foundation
import SchoolSite
import Testing
@testable import SchoolSitePreview

/// A site in a fresh temporary folder (removed with the fixture), with the
/// preview of it running on a free port of 127.0.0.1.
final class PreviewFixture: Sendable {
    static let slug = "2024-06-14-x"
    static let draftSlug = "2024-06-20-odd-socks"
    /// The draft names a pupil of the sample register who has no name consent: `redaction.name` at 9:11.
    static let draft = """
    ---
    title: Odd socks day
    date: 2024-06-20
    author: Mrs A. Patel
    category: update
    people: []
    photos: {}
    ---
    Well done Arjun for the brightest socks.

    """
    static let approved = """
    ---
    title: Relay
    date: 2024-06-14
    author: Mrs A. Patel
    category: update
    people: []
    photos: {relay.png: []}
    ---
    Everyone ran. ![The finish line](relay.png)

    """
    /// The sample site's settings, register and theme, from the repository.
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    let root: URL
    let key = ApprovalKey.generate(name: "Sam Taylor")

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes the sample site's settings (with this fixture's approver key), register
    /// and theme, the relay post (approved) and the draft, then `extra` on top.
    init(_ extra: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("schoolsite-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for path in ["themes", "content/register.csv"] {
            try FileManager.default.copyItem(at: Self.sample.appendingPathComponent(path), to: root.appendingPathComponent(path))
        }
        let settings = try String(contentsOf: Self.sample.appendingPathComponent("site.yml"), encoding: .utf8)
        try write("site.yml", settings.replacing(/public_key: .*/, with: "public_key: \(key.publicKeyText)"))
        let posts = ["content/posts/\(Self.slug)/index.md": Self.approved, "content/posts/\(Self.draftSlug)/index.md": Self.draft]
        for (path, text) in posts.merging(extra, uniquingKeysWith: { $1 }) { try write(path, text) }
        try write("content/posts/\(Self.slug)/relay.png", Self.png)
        try approve(Self.slug)
    }

    func approve(_ slug: String) throws {
        let outcome = try PostApproval.approve(slug, in: try Site.load(at: root.path), key: key)
        guard case .approved = outcome else { throw FixtureError("\(slug) was not approved: \(outcome)") }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Starts the preview of this site on a free port of 127.0.0.1.
    func start(on date: String = "2024-09-02") async throws -> PreviewServer {
        try await PreviewServer.start(.init(site: root.path, address: try ListenAddress(host: "127.0.0.1", port: 0), date: Day(iso: date)))
    }

    /// Runs `body` with the preview running, and stops it afterwards whatever happens.
    func withPreview(on date: String = "2024-09-02", _ body: (PreviewServer) async throws -> Void) async throws {
        let server = try await start(on: date)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Every file under `folder` with its bytes; empty when there is no such folder.
    func files(under folder: String) -> [String: Data] {
        let base = root.appendingPathComponent(folder).path
        let paths = FileManager.default.subpaths(atPath: base) ?? []
        return Dictionary(uniqueKeysWithValues: paths.compactMap { path in
            FileManager.default.contents(atPath: base + "/" + path).map { (path, $0) }
        })
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
