import Foundation

/// What the last build left in the output folder and in the spare beside it,
/// kept beside them (`.output.record` for `output/`), so that the next
/// build brings the spare into line and prunes the previous site by their
/// folders' times (`FolderRecord`) instead of listing every folder of both.
///
/// Like the build cache it only ever saves work: a missing, corrupt or outdated
/// record, or a tree that no longer matches it, means listing the folders. A
/// build checks the live site against the record and removes it before it
/// changes either tree (the spare is checked once moved to be the staging
/// folder), and writes a new one once both are in place.
struct OutputRecord: Sendable {
    static let formatVersion = 3

    /// A tree's folder, by inode (the record is of this folder, wherever it has
    /// been moved), and the folders below it.
    struct Tree: Sendable {
        var inode: UInt64
        var folders: FolderRecord
    }

    /// A tree found holding just what the record says it held.
    struct HeldTree: Sendable {
        var files: [String]
        var folders: Set<String>
        /// Its folders as they were found.
        var snapshot: FolderSnapshot
        /// The folders found by listing their names (its own, "", and the recent
        /// ones), not by status: a file there may have been replaced under the same name.
        var unsure: Set<String>
    }

    var version = Self.formatVersion
    /// The modes new files and folders got: under another umask the trees' are not a clean build's.
    var fileMode: UInt32
    var folderMode: UInt32
    /// The output's files; its folders are those that hold them.
    var files: [String]
    var site: Tree
    /// nil when the build kept no spare.
    var spare: Tree?
    /// What of the output the spare does not have.
    var filesNotInSpare: [String] = []
    var foldersNotInSpare: [String] = []
    /// The output's folders, sorted: worked out once from `files`, not kept in the file.
    private var folders: [String] = []

    /// - Parameters:
    ///   - site: the output folder's folders, as the build left them.
    ///   - spare: the spare's folder, the output's files it shares and its folders.
    ///   - since: see `FolderRecord`.
    init?(modes: (file: UInt32, folder: UInt32), output: String, files: [String], site: FolderSnapshot,
          spare: (path: String, files: Set<String>, folders: FolderSnapshot)?, since: Int64) {
        guard let inode = FileStatus(output)?.inode else { return nil }
        (fileMode, folderMode, self.files, folders) = (modes.file, modes.folder, files, site.folders)
        self.site = Tree(inode: inode, folders: FolderRecord(site, since: since))
        guard let spare, let spareInode = FileStatus(spare.path)?.inode else { return }
        self.spare = Tree(inode: spareInode, folders: FolderRecord(spare.folders, since: since))
        // The spare's files and folders are some of the output's: as many means all.
        filesNotInSpare = spare.files.count == files.count ? [] : files.filter { !spare.files.contains($0) }
        if spare.folders.folders.count != site.folders.count {
            let spareFolders = Set(spare.folders.folders)
            foldersNotInSpare = site.folders.filter { !spareFolders.contains($0) }
        }
    }

    /// The output as recorded, if the folder at `root` still is just that.
    func site(heldAt root: String) -> HeldTree? {
        held(site, files: files, folders: folders, at: root)
    }

    /// The spare as recorded, if the folder at `root` still is just that.
    func spare(heldAt root: String) -> HeldTree? {
        guard let spare else { return nil }
        let absentFiles = Set(filesNotInSpare), absentFolders = Set(foldersNotInSpare)
        // Usually the spare has all of them: then there is nothing to look up.
        return held(spare, files: absentFiles.isEmpty ? files : files.filter { !absentFiles.contains($0) },
                    folders: absentFolders.isEmpty ? folders : folders.filter { !absentFolders.contains($0) }, at: root)
    }

    /// - Parameter folders: sorted.
    private func held(_ tree: Tree, files: [String], folders: [String], at root: String) -> HeldTree? {
        guard let status = FileStatus(root), status.isDirectory, status.inode == tree.inode,
              let snapshot = tree.folders.check(files: files, sortedFolders: folders, in: root, folderMode: folderMode) else { return nil }
        return HeldTree(files: files, folders: Set(folders), snapshot: snapshot, unsure: Set([""] + tree.folders.recent))
    }

    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).record")
    }

    static func load(for output: URL) -> OutputRecord? {
        guard let data = try? SiteDirectory.readData(at: location(for: output).path, limit: 256 << 20),
              let file = try? RecordFile(serializedBytes: data), file.version == formatVersion, file.complete, file.hasSite else { return nil }
        return OutputRecord(file)
    }

    /// Call before changing the output or the spare.
    static func remove(for output: URL) {
        unlink(location(for: output).path)
    }

    /// A failure to write only costs the next build time.
    func save(for output: URL) {
        guard let data = try? file.serializedBytes() as Data else { return }
        FileWriting.replace(Self.location(for: output).path, with: data)
        // The record's JSON file of earlier versions.
        unlink(output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).record.json").path)
    }

    private init(_ file: RecordFile) {
        (version, fileMode, folderMode, files) = (Int(file.version), file.fileMode, file.folderMode, file.files)
        site = Tree(file.site)
        spare = file.hasSpare ? Tree(file.spare) : nil
        (filesNotInSpare, foldersNotInSpare) = (file.filesNotInSpare, file.foldersNotInSpare)
        folders = OutputPaths.folders(of: files).sorted()
    }

    private var file: RecordFile {
        var file = RecordFile()
        (file.version, file.fileMode, file.folderMode, file.files) = (UInt32(version), fileMode, folderMode, files)
        file.site = site.record
        if let spare { file.spare = spare.record }
        (file.filesNotInSpare, file.foldersNotInSpare) = (filesNotInSpare, foldersNotInSpare)
        file.complete = true
        return file
    }
}

extension OutputRecord.Tree {
    init(_ record: RecordTree) {
        inode = record.inode
        folders = FolderRecord(digest: record.folderDigest, recent: record.recentFolders)
    }

    var record: RecordTree {
        var record = RecordTree()
        (record.inode, record.folderDigest, record.recentFolders) = (inode, folders.digest, folders.recent)
        return record
    }
}
