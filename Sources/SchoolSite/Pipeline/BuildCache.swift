import Foundation

/// What the last successful build learnt about each post, kept beside the output
/// folder (`.output.cache` for `output/`), so the next build neither checks
/// nor renders a post that has not changed and links its files from the
/// previous output instead of writing them again.
///
/// The cache only ever saves work: a missing, unreadable, corrupt or outdated
/// cache is ignored, and deleting it makes the next build a clean one. A cached
/// result is used only when everything it was made from is the same: the
/// program, `site.yml`, the register and the templates (`key`), the post
/// folder (`FolderFingerprint`), the build date as far as the post depends on
/// it (`DateSensitivity`), and the previous output files (`OutputStamp`).
/// What else the output folder holds is the `OutputRecord`'s to tell.
struct BuildCache: Sendable {
    static let formatVersion = 14

    /// One post's cached result. A class of constants, so that the 10,000 entries a
    /// rebuild passes from the cache to its evaluation and on to the next cache
    /// are shared, not copied field by field (each copy counted a dozen references).
    final class Entry: Sendable, Equatable {
        let fingerprint: String
        let state: PostState
        let sensitivity: DateSensitivity
        /// As the news list would show the post (its date also orders `status`).
        let listing: PostListing?
        /// The post's files in the output folder (page, images) as last written.
        let files: [OutputStamp]
        /// The post folder's entries, when the next fingerprint need not list it (`FolderFingerprint.names`).
        let folderNames: [String]?

        init(fingerprint: String, state: PostState, sensitivity: DateSensitivity, listing: PostListing?, files: [OutputStamp], folderNames: [String]?) {
            (self.fingerprint, self.state, self.sensitivity, self.listing, self.files, self.folderNames) = (fingerprint, state, sensitivity, listing, files, folderNames)
        }

        static func == (first: Entry, second: Entry) -> Bool {
            first === second || (first.fingerprint == second.fingerprint && first.state == second.state && first.sensitivity == second.sensitivity
                && first.listing == second.listing && first.files == second.files && first.folderNames == second.folderNames)
        }
    }

    var version = Self.formatVersion
    var key: String
    var posts: [String: Entry]
    /// The output's other files (news list, category pages, feed, assets) as last written.
    var siteFiles: [OutputStamp]
    /// The news list and category pages and the feed by what they showed (`RenderedSite.pageSignatures`).
    var pageSignatures: [String: String]
    /// The chunks of the file this cache was read from, with the posts each
    /// holds, so that saving the next cache copies the chunks that have not changed.
    private var chunks: [(slugs: [String], entries: [Entry], bytes: Data)] = []

    /// What every cached result depends on besides its own post; the theme's
    /// static files by their file system data, as they are copied, not read.
    static func key(for site: Site) -> String {
        let assets = site.theme.staticFiles.map { "\($0):\(FileStatus(site.directory.path($0))?.description ?? "")" }
        return ([ProgramIdentity.current, "cmark \(MarkdownRenderer.libraryVersion)", site.config.sourceDigest,
                 site.register.sourceDigest, site.theme.templatesDigest] + assets)
            .joined(separator: "\u{0}").sha256
    }

    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// The cache for `output`, if there is one made under `key` (nil: under any key).
    static func load(for output: URL, key: String?) -> BuildCache? {
        guard let data = try? SiteDirectory.readData(at: location(for: output).path, limit: 256 << 20),
              let file = try? CacheFile(serializedBytes: data), file.version == formatVersion, key.map({ file.key == $0 }) ?? true else { return nil }
        let chunks = file.chunks.parallelMap { bytes -> [(slug: String, entry: Entry)]? in
            guard let chunk = try? CachedChunk(serializedBytes: bytes) else { return nil }
            let entries = chunk.posts.compactMap { record in Entry(record).map { (record.slug, $0) } }
            return entries.count == chunk.posts.count ? entries : nil
        }
        var cache = BuildCache(key: file.key, posts: [:], siteFiles: file.siteFiles.map(OutputStamp.init), pageSignatures: file.pageSignatures)
        var posts: [String: Entry] = [:]
        for (entries, bytes) in zip(chunks, file.chunks) {
            guard let entries else { return nil }
            for (slug, entry) in entries where posts[slug] == nil { posts[slug] = entry }
            cache.chunks.append((entries.map(\.slug), entries.map(\.entry), bytes))
        }
        cache.posts = posts
        return cache
    }

    /// The entries whose output files are still the ones the last build wrote.
    func intact(in output: URL) -> [String: Entry] {
        let folder = FolderHandle(output.path)
        let kept = Array(posts).parallelMap { slug, entry in
            let ownFiles = entry.files.allSatisfy { $0.path.hasPrefix("\(slug)/") }
                && (entry.state != .published || (entry.listing?.slug == slug && entry.files.contains { $0.path == "\(slug)/index.html" }))
            return ownFiles && entry.files.allSatisfy({ OutputStamp(path: $0.path, in: folder) == $0 }) ? (slug, entry) : nil
        }
        return Dictionary(kept.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }

    /// The signatures of the news list and category pages still as the last build wrote them.
    func intactPages(in output: URL) -> [String: String] {
        let folder = FolderHandle(output.path)
        let intact = Set(siteFiles.filter { OutputStamp(path: $0.path, in: folder) == $0 }.map(\.path))
        return pageSignatures.filter { intact.contains($0.key) }
    }

    /// Whether `output` already is what a build of `evaluation` would write:
    /// every post that is not a draft came from this cache, and the output holds
    /// exactly the files this cache recorded, each as it was written, and
    /// nothing else (by `record`). The build then leaves it as it is.
    func isCurrent(for evaluation: Evaluation, in output: URL, record: OutputRecord?) -> Bool {
        let all = evaluation.posts
        let read = all.indices.filter { all[$0].state != .draft }
        guard read.allSatisfy({ all[$0].cached != nil }), Set(read.map { all[$0].post.slug }) == Set(posts.keys),
              case let folder = FolderHandle(output.path), siteFiles.allSatisfy({ OutputStamp(path: $0.path, in: folder) == $0 }) else { return false }
        // Anything else in the folder (a file left or put there by hand) needs a real build to go.
        let files = allFiles
        guard let record, record.files.count == files.count, Set(record.files) == Set(files) else { return false }
        return record.site(heldAt: output.path) != nil
    }

    var allFiles: [String] {
        siteFiles.map(\.path) + posts.values.flatMap { $0.files.map(\.path) }
    }

    private init(key: String, posts: [String: Entry], siteFiles: [OutputStamp], pageSignatures: [String: String]) {
        (self.key, self.posts, self.siteFiles, self.pageSignatures) = (key, posts, siteFiles, pageSignatures)
    }

    /// The results of a build just written to `output`: every post that passed
    /// cleanly (no finding at all) and was fingerprinted, and the other files.
    /// - Parameter untouched: output files this build did not touch (`OutputWriter.write`):
    ///   a cached post whose files are all such keeps their cached data, as checked at the
    ///   start (should it have changed since, the next build finds that and renders the post again).
    init(key: String, evaluation: Evaluation, register: Register, output: URL, written: RenderedSite, untouched: Set<String> = []) {
        self.key = key
        let folder = FolderHandle(output.path)
        let entries = evaluation.posts.parallelMap { evaluated -> (String, Entry)? in
            guard let fingerprint = evaluated.fingerprint, evaluated.diagnostics.isEmpty,
                  let state = evaluated.state, state != .draft else { return nil }
            let files: [OutputStamp]
            if let cached = evaluated.cached, cached.files.allSatisfy({ untouched.contains($0.path) }) {
                // The same entry, not an equal one: saving then copies its chunk without comparing field by field.
                if cached.fingerprint == fingerprint && cached.state == state && cached.folderNames == evaluated.folderNames {
                    return (evaluated.post.slug, cached)
                }
                files = cached.files
            } else {
                let paths = state != .published ? [] : evaluated.cached?.files.map(\.path)
                    ?? ["\(evaluated.post.slug)/index.html"] + SiteRenderer.imageNames(of: evaluated.post).map { "\(evaluated.post.slug)/\($0)" }
                files = paths.compactMap { OutputStamp(path: $0, in: folder) }
                guard files.count == paths.count else { return nil }
            }
            let sensitivity = evaluated.cached?.sensitivity ?? DateSensitivity(of: evaluated.post, register: register, checkedOn: evaluation.date)
            return (evaluated.post.slug, Entry(fingerprint: fingerprint, state: state, sensitivity: sensitivity,
                                               listing: evaluated.listing, files: files, folderNames: evaluated.folderNames))
        }
        posts = Dictionary(entries.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
        let postFiles = Set(posts.values.flatMap { $0.files.map(\.path) })
        siteFiles = written.files.map(\.path).filter { !postFiles.contains($0) }.parallelMap { OutputStamp(path: $0, in: folder) }.compactMap { $0 }
        pageSignatures = written.pageSignatures
    }

    /// Written beside the output after it was swapped in; a failure only costs the next build time.
    /// - Parameters:
    ///   - previous: the cache this build started from, whose unchanged chunks are copied.
    ///   - postsPerChunk: how many posts a chunk encoded afresh holds.
    func save(for output: URL, reusing previous: BuildCache?, postsPerChunk: Int = 500) {
        // The JSON Lines cache of earlier versions holds titles and authors nobody reads any more.
        unlink(output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache.jsonl").path)
        guard let data = encoded(reusing: previous, postsPerChunk: postsPerChunk) else { return }
        FileWriting.replace(BuildCache.location(for: output).path, with: data)
    }

    /// A chunk of `previous` whose posts are all here, unchanged, is copied as
    /// it is (after a rebuild, most are); the other posts are encoded afresh,
    /// `postsPerChunk` a chunk, every core a share. An output file kept from
    /// the spare untouched keeps its status, so an unchanged post's entry is the
    /// one read (`init`). A chunk of fewer than half that many posts is encoded
    /// again with the others, so posts added one build at a time do not leave a chunk each.
    private func encoded(reusing previous: BuildCache?, postsPerChunk: Int) -> Data? {
        var copied: [Data] = []
        // The entries of `posts` that the copied chunks hold, by identity: pointers hash fast, slugs do not.
        var covered = Set<ObjectIdentifier>()
        if let previous, previous.key == key {
            let current = Set(posts.values.lazy.map(ObjectIdentifier.init))
            for chunk in previous.chunks where chunk.entries.count >= (postsPerChunk + 1) / 2 {
                // Most entries a rebuild keeps are the very ones read (`init`); others may still be equal.
                let held = chunk.entries.allSatisfy { current.contains(ObjectIdentifier($0)) } ? chunk.entries
                    : zip(chunk.slugs, chunk.entries).compactMap { slug, entry in posts[slug].flatMap { $0 == entry ? $0 : nil } }
                let ids = held.map(ObjectIdentifier.init)
                guard held.count == chunk.entries.count, !ids.contains(where: covered.contains) else { continue }
                copied.append(chunk.bytes)
                covered.formUnion(ids)
            }
        }
        let fresh = posts.compactMap { covered.contains(ObjectIdentifier($0.value)) ? nil : $0.key }.sorted()
        let chunks = stride(from: 0, to: fresh.count, by: postsPerChunk).map { Array(fresh[$0..<min($0 + postsPerChunk, fresh.count)]) }
        let encoded = chunks.parallelMap { slugs -> Data? in
            var chunk = CachedChunk()
            chunk.posts = slugs.map { posts[$0]!.record(slug: $0) }
            return try? chunk.serializedData()
        }
        guard encoded.allSatisfy({ $0 != nil }) else { return nil }
        var file = CacheFile()
        file.version = UInt32(version)
        file.key = key
        file.siteFiles = siteFiles.map(\.record)
        file.pageSignatures = pageSignatures
        file.chunks = copied + encoded.compactMap { $0 }
        return try? file.serializedData()
    }
}

/// An output file as the file system saw it right after the build that wrote
/// it: a file changed, replaced or removed since then no longer matches and is
/// written again rather than linked.
struct OutputStamp: Sendable, Equatable {
    var path: String
    var status: FileStatus

    /// - Parameter folder: the output folder (nil when it cannot be opened: then nothing is in it).
    init?(path: String, in folder: FolderHandle?) {
        guard let status = folder?.status(of: path), status.isRegularFile else { return nil }
        self.path = path
        self.status = status
    }
}

/// The running program, by its file: a new or rebuilt schoolsite may check or
/// render differently, so it starts from a clean cache.
enum ProgramIdentity {
    static let current = FileStatus("/proc/self/exe", following: true)?.description ?? "unknown-\(UUID().uuidString)"
}
