import CFileSystem
import Foundation

/// Pruning by the output record instead of listing every folder: a tree found
/// holding just what the record says (`OutputRecord.HeldTree`) loses what the
/// new site does not keep, by name.
///
/// A file kept this way is taken to be the live one at its path when its
/// folder's status shows no entry changed since the record said so; in a
/// folder whose status cannot show that (`HeldTree.unsure`), each file kept is
/// checked to be the live one, as `keepOnlyShared` checks every file.
extension StagingTree {
    /// `keepOnlyShared` for the spare, found as recorded beside a live site also
    /// found as recorded: each of its files is then the live one at its path.
    func keepRecorded(_ spare: OutputRecord.HeldTree) throws -> Kept {
        try removeUnneeded(spare, keeping: files, unsure: spare.unsure)
    }

    /// `keepOnlyShared` for the previous site, found as recorded before the
    /// build changed anything, and swapped out since.
    /// - Parameters:
    ///   - shared: the paths where the new site has the previous site's file.
    ///   - since: see `FolderRecord`; a folder changed since then may have changed again unseen.
    /// - Returns: nil when any of its folders changed in the meantime (the caller then lists them).
    func pruneRecorded(_ previous: OutputRecord.HeldTree, shared: Set<String>, since: Int64) throws -> Kept? {
        // The site was live until the swap: anyone could have changed it during the build.
        guard let now = FolderSnapshot(sorted: previous.snapshot.folders, in: root), now.statuses == previous.snapshot.statuses else { return nil }
        let changedLately = zip(now.folders, now.statuses).filter { $0.1.modified >= since }.map(\.0)
        return try removeUnneeded(previous, keeping: shared, unsure: previous.unsure.union(changedLately))
    }

    /// Removes the tree's files but those `keeping` that are the live ones, and the folders the site does not need.
    /// - Parameter unsure: folders whose files must each be checked to be the live one.
    private func removeUnneeded(_ tree: OutputRecord.HeldTree, keeping: Set<String>, unsure: Set<String>) throws -> Kept {
        guard rootIsOwnFolder, let rootStatus = FileStatus(root) else { throw NotReusable() }
        try setFolderMode(root, rootStatus)
        // One pass each, not set algebra: these are the 10,000 files and folders of every rebuild.
        var kept: [String] = [], gone: [String] = [], toCheck: [String] = []
        kept.reserveCapacity(tree.files.count)
        let unsure = FolderMatcher(unsure)
        for file in tree.files {
            if !keeping.containsExactly(file) {
                gone.append(file)
            } else if unsure.holdsParent(of: file) {
                toCheck.append(file)
            } else {
                kept.append(file)
            }
        }
        let live = toCheck.parallelMap { file in FileStatus("\(root)/\(file)").map { isLiveFile(file, $0) } ?? false }
        for (file, isLive) in zip(toCheck, live) {
            if isLive { kept.append(file) } else { gone.append(file) }
        }
        let removed = gone.parallelMap { unlink("\(root)/\($0)") == 0 || errno == ENOENT }
        guard removed.allSatisfy({ $0 }) else { throw NotReusable() }
        // Shallowest first: what is below a folder removed goes with it.
        let unneeded = tree.folders.filter { !folders.containsExactly($0) }.sorted()
        for folder in unneeded {
            guard schoolsite_remove_tree("\(root)/\(folder)") == 0 || errno == ENOENT else { throw NotReusable() }
        }
        return Kept(files: Set(kept), folders: unneeded.isEmpty ? tree.folders : tree.folders.subtracting(unneeded),
                    snapshot: tree.snapshot, changed: Set((gone + unneeded).map(OutputPaths.parent)))
    }
}
