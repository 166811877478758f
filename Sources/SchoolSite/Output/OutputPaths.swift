/// Paths inside the output folder.
enum OutputPaths {
    /// Every folder that holds one of `files`, parents included (`a/b/c.html`
    /// gives `a/b` and `a`); never "" for the output folder itself.
    static func folders(of files: [String]) -> Set<String> {
        var folders = Set<String>()
        for file in files {
            var parent = file
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                guard folders.insert(parent).inserted else { break }
            }
        }
        return folders
    }
}
