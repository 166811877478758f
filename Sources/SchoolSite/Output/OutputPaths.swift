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

    /// The names directly in each folder ("" for the output folder) of `files` and their folders.
    static func children(of files: [String]) -> [String: Set<String>] {
        var children: [String: Set<String>] = [:]
        for path in files + folders(of: files) {
            let slash = path.lastIndex(of: "/")
            children[slash.map { String(path[..<$0]) } ?? "", default: []].insert(String(path[(slash.map { path.index(after: $0) } ?? path.startIndex)...]))
        }
        return children
    }
}
