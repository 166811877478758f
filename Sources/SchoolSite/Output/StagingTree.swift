import CFileSystem
import Foundation

/// The folder a new site is written into before the swap, brought into line
/// with the rendered site by changing only what differs from the live one.
///
/// Creating and deleting a folder and a file per post on every build costs more
/// than rendering it (ext4 allocates inodes slowly just after many were freed),
/// so a build starts from the spare folder the last one left: the live site's
/// folders, with hard links to its files. A file whose bytes equal the live
/// file's is linked to it; only a changed file is written anew, never through
/// a link. The staging folder is never served, and holds nothing the live site
/// does not once `keepOnlyShared` has run.
struct StagingTree {
    /// Thrown when the folder holds something it cannot name or remove; the
    /// caller then starts from an empty folder.
    struct NotReusable: Error {}

    let root: String
    /// The live output folder, whose files the staging tree may share.
    let live: String
    let files: Set<String>
    /// Every folder the files need, parents included, "" excepted.
    let folders: Set<String>
    /// What `open` and `mkdir` give under the current umask.
    let fileMode: UInt32
    let folderMode: UInt32

    init(root: String, live: String, files: [OutputFile], fileMode: UInt32, folderMode: UInt32) {
        self.root = root
        self.live = live
        let paths = files.map(\.path)
        self.files = Set(paths)
        self.folders = OutputPaths.folders(of: paths)
        self.fileMode = fileMode
        self.folderMode = folderMode
    }

    /// What `keepOnlyShared` (or `keepRecorded`, `pruneRecorded`) kept.
    struct Kept {
        /// Each the live file at its path.
        var files = Set<String>()
        var folders = Set<String>()
        /// The tree's folders as found before pruning, when it was found as recorded.
        var snapshot: FolderSnapshot?
        /// The folders whose entries pruning changed.
        var changed = Set<String>()
    }

    /// Removes every entry but the site's folders and the files already shared
    /// with the live site at the same path, so the tree holds nothing the live
    /// site does not. Used before writing, and on the previous site after the swap.
    @discardableResult
    func keepOnlyShared() throws -> Kept {
        guard rootIsOwnFolder, let rootStatus = FileStatus(root) else { throw NotReusable() }
        try setFolderMode(root, rootStatus)
        let top = try entries(of: root)
        let results = top.parallelMap { name -> Result<Kept, Error> in
            var kept = Kept()
            do { try prune(name, keeping: &kept) } catch { return .failure(error) }
            return .success(kept)
        }
        var kept = Kept()
        for result in results {
            let part = try result.get()
            kept.files.formUnion(part.files)
            kept.folders.formUnion(part.folders)
        }
        return kept
    }

    /// The root is a real folder of this user's: not a link, which pruning would
    /// follow into whatever it names (the live site, someone's documents).
    var rootIsOwnFolder: Bool {
        var info = stat()
        return lstat(root, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid()
    }

    /// Gives a kept folder the mode a new one gets. Only the permission bits are
    /// compared: a setgid parent or a default ACL adds others to every new folder.
    func setFolderMode(_ path: String, _ status: FileStatus) throws {
        guard status.mode & 0o777 != folderMode & 0o777 else { return }
        guard chmod(path, mode_t(folderMode)) == 0 else { throw NotReusable() }
    }

    /// The folders the site needs but for those `existing`, parents first (one depth at a time, in parallel).
    /// - Returns: the folders made.
    func makeFolders(existing: Set<String>) throws(FileWriteError) -> Set<String> {
        let missing = folders.subtracting(existing)
        let byDepth = Dictionary(grouping: missing) { $0.count(where: { $0 == "/" }) }
        for depth in byDepth.keys.sorted() {
            let failures = byDepth[depth]!.parallelMap { folder -> FileWriteError? in
                let path = "\(root)/\(folder)"
                guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return FileWriteError(path: path, code: errno) }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
        return missing
    }

    /// How a file came to be in the tree.
    enum Placement: Equatable {
        /// The live file was there already.
        case kept
        /// The live file, linked now.
        case linked
        /// New bytes.
        case written
    }

    /// Puts `bytes` at `path`: the live file, linked, when it holds exactly these bytes; else a new file.
    /// - Parameter isShared: the live file is known to be there (`keepOnlyShared` kept it).
    @discardableResult
    func place(_ bytes: Data, at path: String, isShared: Bool = false) throws(FileWriteError) -> Placement {
        let target = "\(root)/\(path)"
        if isShared || share(path) {
            if holds(bytes, target) { return isShared ? .kept : .linked }
            try remove(target)
        }
        try FileWriting.write(bytes, to: target)
        return .written
    }

    /// Links the live file at `path` into the tree, unless it is there already;
    /// false when the file system refuses the link.
    func share(_ path: String) -> Bool {
        let target = "\(root)/\(path)", source = "\(live)/\(path)"
        guard let existing = FileStatus(source), existing.isRegularFile, existing.mode & 0o7777 == fileMode else { return false }
        if let current = FileStatus(target) {
            if current.inode == existing.inode && current.device == existing.device { return true }
            guard unlink(target) == 0 else { return false }
        }
        return link(source, target) == 0
    }

    private func remove(_ path: String) throws(FileWriteError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw FileWriteError(path: path, code: errno) }
    }

    /// The file at `path` holds exactly `bytes`, with the mode a new file gets.
    private func holds(_ bytes: Data, _ path: String) -> Bool {
        guard let file = try? SiteDirectory.readOwnFile(at: path, limit: bytes.count + 1) else { return false }
        return file.status.mode & 0o7777 == fileMode && file.data == bytes
    }

    /// `relative` (below the root) goes unless the site needs it: a folder
    /// is then pruned in turn, a file kept only if it is the live one.
    private func prune(_ relative: String, keeping kept: inout Kept) throws {
        let path = "\(root)/\(relative)"
        guard let status = FileStatus(path) else { return }
        if status.isDirectory {
            guard folders.containsExactly(relative) else {
                guard schoolsite_remove_tree(path) == 0 else { throw NotReusable() }
                return
            }
            try setFolderMode(path, status)
            kept.folders.insert(relative)
            for name in try entries(of: path) { try prune("\(relative)/\(name)", keeping: &kept) }
            return
        }
        if files.containsExactly(relative), isLiveFile(relative, status) {
            kept.files.insert(relative)
            return
        }
        guard unlink(path) == 0 || errno == ENOENT else { throw NotReusable() }
    }

    /// The tree's file at `relative` (of `status`) is the live one there, with the mode a new file gets.
    func isLiveFile(_ relative: String, _ status: FileStatus) -> Bool {
        guard status.isRegularFile, status.mode & 0o7777 == fileMode, let live = FileStatus("\(live)/\(relative)") else { return false }
        return live.inode == status.inode && live.device == status.device
    }

    /// The names in a folder; any that is not UTF-8 makes the tree not reusable.
    private func entries(of folder: String) throws -> [String] {
        guard let names = DirectoryListing.names(in: folder) else { throw NotReusable() }
        return names
    }
}
