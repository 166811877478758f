import CFileSystem
import Foundation

/// Pruning by the output record instead of listing every folder: a tree found
/// holding just what the record says (`OutputRecord.HeldTree`) loses what the
/// new site does not keep, by name.
extension StagingTree {
    /// `keepOnlyShared` for the spare, found as recorded beside a live site also
    /// found as recorded: each of its files is then the live one at its path.
    func keepRecorded(_ spare: OutputRecord.HeldTree) throws -> Kept {
        try removeUnneeded(spare, keeping: files)
    }

    /// `keepOnlyShared` for the previous site, swapped out after it was found as recorded.
    /// - Parameter shared: the paths where the new site has the previous site's file.
    func pruneRecorded(_ previous: OutputRecord.HeldTree, shared: Set<String>) throws -> Kept {
        try removeUnneeded(previous, keeping: shared)
    }

    /// Removes the tree's files but those `keeping`, and the folders the site does not need.
    private func removeUnneeded(_ tree: OutputRecord.HeldTree, keeping: Set<String>) throws -> Kept {
        guard rootIsOwnFolder, let rootStatus = FileStatus(root) else { throw NotReusable() }
        try setFolderMode(root, rootStatus)
        // One pass each, not set algebra: these are the 10,000 files and folders of every rebuild.
        var kept: [String] = [], gone: [String] = []
        kept.reserveCapacity(tree.files.count)
        for file in tree.files {
            if keeping.contains(file) { kept.append(file) } else { gone.append(file) }
        }
        let removed = gone.parallelMap { unlink("\(root)/\($0)") == 0 || errno == ENOENT }
        guard removed.allSatisfy({ $0 }) else { throw NotReusable() }
        // Shallowest first: what is below a folder removed goes with it.
        let unneeded = tree.folders.filter { !folders.contains($0) }.sorted()
        for folder in unneeded {
            guard schoolsite_remove_tree("\(root)/\(folder)") == 0 || errno == ENOENT else { throw NotReusable() }
        }
        return Kept(files: Set(kept), folders: unneeded.isEmpty ? tree.folders : tree.folders.subtracting(unneeded),
                    snapshot: tree.snapshot, changed: Set((gone + unneeded).map(OutputPaths.parent)))
    }
}
