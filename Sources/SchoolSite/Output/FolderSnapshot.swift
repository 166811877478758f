/// Every folder of a tree below its own, with its status as last seen.
struct FolderSnapshot: Sendable {
    /// Sorted, so that equal trees give equal digests.
    let folders: [String]
    let statuses: [FileStatus]

    /// nil when one of them is not a folder.
    init?(of folders: some Collection<String>, in root: String) {
        self.init(sorted: folders.sorted(), in: root)
    }

    init?(sorted folders: [String], in root: String) {
        self.init(folders, in: root, known: [])
    }

    /// The tree's folders are now `folders`, and only those in `changed` (and
    /// those not seen before) have had entries added or removed since this snapshot.
    func updated(to folders: Set<String>, changed: Set<String>, in root: String) -> FolderSnapshot? {
        // By the sorted order this snapshot already has: a rebuild adds few folders.
        let kept = self.folders.indices.filter { folders.contains(self.folders[$0]) }
        let added = kept.count == folders.count ? [] : folders.subtracting(kept.map { self.folders[$0] }).sorted()
        var sorted: [String] = [], known: [FileStatus?] = []
        sorted.reserveCapacity(folders.count)
        known.reserveCapacity(folders.count)
        var next = added.startIndex
        for index in kept {
            let folder = self.folders[index]
            while next < added.endIndex && added[next] < folder {
                sorted.append(added[next])
                known.append(nil)
                next += 1
            }
            sorted.append(folder)
            known.append(changed.contains(folder) ? nil : statuses[index])
        }
        sorted += added[next...]
        known += [FileStatus?](repeating: nil, count: added.endIndex - next)
        return FolderSnapshot(sorted, in: root, known: known)
    }

    /// - Parameter known: each folder's status where it is known still to hold, else nil.
    private init?(_ sorted: [String], in root: String, known: [FileStatus?]) {
        let tree = known.isEmpty || known.contains(where: { $0 == nil }) ? FolderHandle(root) : nil
        let statuses = Array(sorted.indices).parallelMap { index in
            (known.isEmpty ? nil : known[index]) ?? tree?.status(of: sorted[index]).flatMap { $0.isDirectory ? $0 : nil }
        }
        guard statuses.allSatisfy({ $0 != nil }) else { return nil }
        (self.folders, self.statuses) = (sorted, statuses.compactMap { $0 })
    }
}
