extension Set<String> {
    /// Holds `path` spelt byte for byte as given. `contains` also takes the
    /// other Unicode spelling of a name (`é` as one character, or as `e` and a
    /// combining mark), which the file system keeps as another file.
    func containsExactly(_ path: String) -> Bool {
        guard let index = firstIndex(of: path) else { return false }
        return self[index].utf8.elementsEqual(path.utf8)
    }
}
