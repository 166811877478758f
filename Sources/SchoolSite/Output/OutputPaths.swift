/// Paths inside the output folder.
enum OutputPaths {
    /// Every folder that holds one of `files`, parents included (`a/b/c.html`
    /// gives `a/b` and `a`); never "" for the output folder itself.
    static func folders(of files: [String]) -> Set<String> {
        var folders = Set<String>()
        for file in files {
            // By UTF-8 code unit: Character-wise search costs more than the rest (this runs for every output file).
            var end = file.utf8.endIndex
            while let slash = file.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                guard folders.insert(String(file[..<slash])).inserted else { break }
                end = slash
            }
        }
        return folders
    }

    /// The folder that holds `path` ("" for the output folder).
    static func parent(_ path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    /// The names directly in each of `wanted` ("" for the output folder), of a
    /// tree that holds `files` and `folders`, in the order of `wanted`.
    static func children(of wanted: [String], files: [String], folders: [String]) -> [NameTally] {
        let matcher = FolderMatcher(wanted)
        var tallies = [NameTally](repeating: NameTally(), count: wanted.count)
        for path in [files, folders].joined() {
            splitting(path) { parent, name in
                if let index = matcher.index(of: parent) { tallies[index].add(name) }
            }
        }
        return tallies
    }

    /// Calls `body` with the bytes of the folder that holds `path` (none for
    /// the output folder) and of its name there, without making a String of either.
    static func splitting<Result>(_ path: String, _ body: (_ parent: UnsafeRawBufferPointer, _ name: UnsafeRawBufferPointer) -> Result) -> Result {
        var path = path
        return path.withUTF8 { bytes in
            let bytes = UnsafeRawBufferPointer(bytes)
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return body(UnsafeRawBufferPointer(rebasing: bytes[0..<0]), bytes) }
            return body(UnsafeRawBufferPointer(rebasing: bytes[..<slash]), UnsafeRawBufferPointer(rebasing: bytes[(slash + 1)...]))
        }
    }
}

/// Finds a path's folder among others by its bytes ("" for the output folder):
/// this runs for each of the output's 10,000 paths, where a String of each
/// path's folder would cost an allocation, and String equality would take
/// the two spellings of `ë` for one folder.
struct FolderMatcher {
    private let folders: [[UInt8]]
    /// The indices of `folders` by the hash of their bytes.
    private let byHash: [Int: [Int]]

    init(_ folders: some Sequence<String>) {
        let folders = folders.map { Array($0.utf8) }
        self.folders = folders
        byHash = Dictionary(grouping: folders.indices) { index in folders[index].withUnsafeBytes(Self.hash) }
    }

    /// Where `folder` is among those given, if it is.
    func index(of folder: UnsafeRawBufferPointer) -> Int? {
        byHash[Self.hash(folder)]?.first { folders[$0].elementsEqual(folder) }
    }

    /// Whether the folder that holds `path` is one of those given.
    func holdsParent(of path: String) -> Bool {
        OutputPaths.splitting(path) { parent, _ in index(of: parent) != nil }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}
