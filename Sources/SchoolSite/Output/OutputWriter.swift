import CFileSystem
import Foundation

/// Writes a rendered site into a sibling folder and swaps it for the output
/// folder in one atomic step, so a web server sees the old site or the new one,
/// never a mix, and a build killed at any moment leaves the old site whole.
struct OutputWriter: Sendable {
    let site: SiteDirectory
    /// The consent register's file (`Register.file`), never published.
    let register: RegisterFile?
    let output: URL

    init(site: SiteDirectory, register: RegisterFile?, output: URL) {
        self.site = site
        self.register = register
        self.output = output.standardizedFileURL
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(output.lastPathComponent).staging-" }
    /// What the last build left of the previous site: its folders and the files it shares with the live one.
    private var spare: String { parent.appendingPathComponent(".\(output.lastPathComponent).spare").path }

    /// What a write did besides writing the site.
    struct Outcome {
        /// The spare, and the previous site after the swap, were pruned by the record, not listed.
        var spareByRecord = false
        var previousByRecord = false
    }

    /// Call while holding the `BuildLock`.
    /// - Parameters:
    ///   - record: what the last build left (`OutputRecord`), if known.
    ///   - alongside: run once the new site is in place, while the previous one is
    ///     made into the spare (the build cache's save, on the other core). It is
    ///     given the unchanged files (`.previous`) that the new site has from the
    ///     spare untouched by this build, so their file system data is as it was,
    ///     unless the previous site cannot be kept as the spare: removing it then
    ///     changes theirs, and the next build finds that and renders their posts again.
    @discardableResult
    func write(_ rendered: RenderedSite, record: OutputRecord?,
               alongside: @Sendable (_ untouched: Set<String>) -> Void = { _ in }) throws(SiteError) -> Outcome {
        try requireReplaceable()
        // A tick before the first change: a folder changed from here on is listed by the next build.
        let since = ClockTick.recentSince()
        let modes = Self.creationModes()
        // The live site is checked against the record before anything changes, and the record goes.
        let record = record.flatMap { $0.fileMode == modes.file && $0.folderMode == modes.folder ? $0 : nil }
        let live = record?.site(heldAt: output.path)
        OutputRecord.remove(for: output)
        let staging = parent.appendingPathComponent(stagingPrefix + String(getpid())).path
        let tree = StagingTree(root: staging, live: output.path, files: rendered.files, fileMode: modes.file, folderMode: modes.folder)
        let kept: StagingTree.Kept
        let changed: Set<String>
        let placements: [StagingTree.Placement]
        do {
            kept = try prepare(tree, recorded: live == nil ? nil : record)
            let made = try tree.makeFolders(existing: kept.folders)
            placements = try rendered.files.parallelMap { file in
                Result { try place(file, in: tree, isShared: kept.files.containsExactly(file.path)) }
            }.map { try $0.get() }
            changed = kept.changed.union(made).union(made.map(OutputPaths.parent))
                .union(zip(rendered.files, placements).filter { $0.1 != .kept }.map { OutputPaths.parent($0.0.path) })
            guard schoolsite_sync_file_system(staging) == 0 else { throw FileWriteError(path: staging, code: errno) }
        } catch {
            removeTree(staging)
            if let error = error as? SiteError { throw error }
            throw failure("could not write the new site: \(Self.reason(error))")
        }
        let shared = Set(zip(rendered.files, placements).filter { $0.1 != .written }.map(\.0.path))
        let untouched = Set(zip(rendered.files, placements).lazy.filter { file, placement in
            if case .previous = file.content { placement == .kept } else { false }
        }.map(\.0.path))
        let replaced = try swap(tree)
        let previous = concurrently({
            let previous = replaced ? keepAsSpare(tree, live: live, shared: shared, since: since) : PreviousSite()
            let folders = kept.snapshot?.updated(to: tree.folders, changed: changed, in: output.path) ?? FolderSnapshot(of: tree.folders, in: output.path)
            if let folders {
                OutputRecord(modes: modes, output: output.path, files: rendered.files.map(\.path), site: folders,
                             spare: previous.spare.map { (spare, $0.files, $0.folders) }, since: since)?.save(for: output)
            }
            return previous
        }, { alongside(untouched) })
        return Outcome(spareByRecord: kept.snapshot != nil, previousByRecord: previous.byRecord)
    }

    /// The staging folder, from the spare when there is one: only what differs is written then.
    /// - Parameter recorded: the record the live site was found to match.
    /// - Returns: the folders and the live files the staging folder already has.
    private func prepare(_ tree: StagingTree, recorded: OutputRecord?) throws -> StagingTree.Kept {
        if rename(spare, tree.root) == 0 {
            // A spare that is not a real folder of ours, or cannot be pruned, is replaced by an empty folder.
            if let held = recorded?.spare(heldAt: tree.root), let kept = try? tree.keepRecorded(held) { return kept }
            if let shared = try? tree.keepOnlyShared() { return shared }
            guard schoolsite_remove_tree(tree.root) == 0 else {
                throw failure("\(spare) (the previous site's folders, kept to speed up builds) could not be removed: \(String(cString: strerror(errno))); remove it by hand and build again")
            }
        }
        guard mkdir(tree.root, 0o755) == 0 else { throw FileWriteError(path: tree.root, code: errno) }
        return StagingTree.Kept()
    }

    private func place(_ file: OutputFile, in tree: StagingTree, isShared: Bool) throws -> StagingTree.Placement {
        switch file.content {
        case .data(let data):
            return try tree.place(data, at: file.path, isShared: isShared)
        case .copy(let source):
            return try tree.place(readSource(source, limit: 64 << 20), at: file.path, isShared: isShared)
        case .image(let source):
            return try tree.place(withoutMetadata(source), at: file.path, isShared: isShared)
        case .previous:
            // A hard link: the new site shares the unchanged file with the old one. Where the
            // file system or its settings refuse links (vfat, protected_hardlinks), a copy.
            if isShared { return .kept }
            if tree.share(file.path) { return .linked }
            let previous = "\(tree.live)/\(file.path)"
            return try tree.place(SiteDirectory.readData(at: previous, limit: ImageMetadataStripper.sizeLimit), at: file.path)
        }
    }

    /// What `open(…, 0644)` and `mkdir(…, 0755)` give under the process's umask.
    private static func creationModes() -> (file: UInt32, folder: UInt32) {
        let mask = umask(0)
        umask(mask)
        return (0o644 & ~UInt32(mask), 0o755 & ~UInt32(mask))
    }

    /// The bytes of a site file the new site publishes. The consent register is
    /// never published: under another name (a hard link, a symlink) or copied, it
    /// stops the build, named.
    private func readSource(_ source: String, limit: Int) throws -> Data {
        let file = try site.readFile(source, limit: limit)
        guard register?.isRegister(file) != true else {
            throw SiteError(.outputFailed, "output.write", at: SourceLocation(file: source),
                            "this file is the consent register (under another name, or a copy of it), and the register is never published; nothing was written and the previous site is unchanged. Delete it here (the register stays where `register:` in site.yml points) and build again.")
        }
        return file.data
    }

    /// A post image with its metadata removed; one that cannot be read or
    /// cleaned stops the build, named, since it must not be published as it is.
    private func withoutMetadata(_ source: String) throws -> Data {
        let reason: String
        do {
            let data = try readSource(source, limit: ImageMetadataStripper.sizeLimit)
            do { return try ImageMetadataStripper.strip(data) } catch { reason = error.reason }
        } catch let error as FileReadError {
            reason = error.reason
        }
        throw SiteError(.outputFailed, "output.write", at: SourceLocation(file: source),
                        "the image \(reason), so its metadata could not be removed; nothing was written and the previous site is unchanged. Open it in a photo editor, save it again and build again.")
    }

    /// What became of the previous site in the swap.
    private struct PreviousSite {
        /// The spare it was made into: the new site's files it shares, and its folders. nil when
        /// there is none (no previous site, or one that could not be kept and was removed).
        var spare: (files: Set<String>, folders: FolderSnapshot)?
        /// It was pruned by the record.
        var byRecord = false
    }

    /// Puts the staging folder in the output folder's place.
    /// - Returns: whether there was a previous site, now at the staging path.
    private func swap(_ tree: StagingTree) throws(SiteError) -> Bool {
        let staging = tree.root
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            removeTree(staging)
            throw failure("\(output.path) exists but is not a folder; move it away and build again")
        }
        let result = exists ? schoolsite_exchange_paths(staging, output.path) : rename(staging, output.path)
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            removeTree(staging)
            throw failure("could not put the new site in place (\(reason)); the previous site is unchanged")
        }
        return exists
    }

    /// The staging path holds the previous site. What the new site shares with
    /// it is kept as the next build's spare; the rest (a withdrawn photo) goes now.
    /// - Parameters:
    ///   - live: the live site as recorded, found so before the build changed anything.
    ///   - shared: the paths where the new site has the live site's file.
    ///   - since: when this build began changing the trees (`FolderRecord`).
    private func keepAsSpare(_ tree: StagingTree, live: OutputRecord.HeldTree?, shared: Set<String>, since: Int64) -> PreviousSite {
        let staging = tree.root
        do {
            let kept = try live.flatMap { try tree.pruneRecorded($0, shared: shared, since: since) } ?? tree.keepOnlyShared()
            let folders = kept.snapshot?.updated(to: kept.folders, changed: kept.changed, in: staging) ?? FolderSnapshot(of: kept.folders, in: staging)
            removeTree(spare)
            guard rename(staging, spare) == 0 else { throw StagingTree.NotReusable() }
            return PreviousSite(spare: folders.map { (kept.files, $0) }, byRecord: kept.snapshot != nil)
        } catch {
            removeTree(staging)
            return PreviousSite()
        }
    }

    /// Whether the folder the output folder goes in exists (it holds the build lock).
    var hasParentFolder: Bool {
        FileStatus(parent.path, following: true)?.isDirectory == true
    }

    /// Makes the folders above the output folder that do not exist yet, as
    /// `mkdir -p` would (`--output /tmp/look-ahead/future`).
    func makeParentFolders() throws(SiteError) {
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("the folder \(parent.path) for the output could not be made: \(Self.reason(error)); check the --output path and its permissions")
        }
    }

    /// `--output ~` or `--output .` would replace the site itself.
    private func requireOutsideSite() throws(SiteError) {
        let siteRoot = site.root.standardizedFileURL.resolvingSymlinksInPath().path
        let target = output.resolvingSymlinksInPath().path
        if siteRoot == target || siteRoot.hasPrefix(target.hasSuffix("/") ? target : target + "/") {
            throw failure("\(output.path) holds the site itself, and building there would replace it; choose another --output folder (the default is output/ in the site folder)")
        }
    }

    /// The swap throws the old folder away, so it must be one a build wrote (or
    /// an empty one), and must not hold the site: `--output ~/Documents` or
    /// `--output .` must never delete anyone's files. Asked without listing the
    /// folder (a built site holds a folder per post), so a build can ask before
    /// it takes the lock beside the folder, and `write` again where it deletes.
    func requireReplaceable() throws(SiteError) {
        try requireOutsideSite()
        guard FileManager.default.fileExists(atPath: output.path) else { return }
        guard let isEmpty = DirectoryListing.isEmpty(output.path) else {
            throw failure("\(output.path) cannot be read, so it is not known what building there would delete; check its permissions or choose another --output folder")
        }
        guard isEmpty || Self.isBuiltSite(output) else {
            throw failure("\(output.path) already holds files that schoolsite did not write (no index.html and schoolsite's feed.xml), and building there would delete them; choose an empty or new --output folder")
        }
    }

    /// A site a build wrote: an index.html, no site.yml, and a feed.xml whose generator is schoolsite.
    private static func isBuiltSite(_ folder: URL) -> Bool {
        guard FileStatus(folder.appendingPathComponent("index.html").path) != nil,
              FileStatus(folder.appendingPathComponent("site.yml").path) == nil,
              let feed = try? SiteDirectory.readData(at: folder.appendingPathComponent("feed.xml").path, limit: 64 << 20) else { return false }
        return String(decoding: feed.prefix(4096), as: UTF8.self).contains("<generator>schoolsite</generator>")
    }

    /// Staging folders left by a build that was killed. Call while holding the
    /// `BuildLock`, before writing or deciding there is nothing to write.
    func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            removeTree(parent.appendingPathComponent(name).path)
        }
    }

    /// Best effort: what is left is cleaned up by the next build.
    private func removeTree(_ folder: String) {
        _ = schoolsite_remove_tree(folder)
    }

    private func failure(_ message: String) -> SiteError {
        SiteError(.outputFailed, "output.write", at: SourceLocation(file: output.lastPathComponent), message)
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? FileReadError { return "a source file \(error.reason)" }
        if let error = error as? FileWriteError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return "\(String(cString: strerror(Int32(underlying.code)))) (\((nsError.userInfo[NSFilePathErrorKey] as? String) ?? ""))"
        }
        return nsError.localizedDescription
    }
}
