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
    /// tree that holds `files` and `folders`, as bytes: String equality would
    /// take `Zoë` spelt with a combining mark for the other spelling, a name of its own.
    static func children(of wanted: Set<String>, files: [String], folders: [String]) -> [String: Set<[UInt8]>] {
        // By Substring, so that the paths in no wanted folder (nearly all) cost no copy,
        // and by length first, which rules out most of them without hashing.
        let parents = Set(wanted.map { Substring($0) })
        let lengths = Set(wanted.map(\.utf8.count))
        var children: [String: Set<[UInt8]>] = [:]
        for path in [files, folders].joined() {
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let parent = slash.map { path[..<$0] } ?? ""
            guard lengths.contains(parent.utf8.count), parents.contains(parent) else { continue }
            children[String(parent), default: []].insert(Array(slash.map { path.utf8[path.utf8.index(after: $0)...] } ?? path.utf8[...]))
        }
        return children
    }
}
