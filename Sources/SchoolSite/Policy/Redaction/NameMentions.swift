/// Where a post mentions one person by name, whatever the post declares: the
/// same scan as `redaction.name`, asked about one person (for subject access requests).
enum NameMentions {
    static func of(_ personID: String, in post: Post, register: Register) -> [SourceLocation] {
        guard let front = post.frontMatter else { return [] }
        var tokenizer = WordTokenizer()
        var found: [SourceLocation] = []
        for segment in ScanSegments.of(post, front) {
            for word in tokenizer.words(in: segment, keeping: register.names.filter) {
                let names = WordNames(word, in: register.names)
                let named = (names.bearers + names.fullNames).contains { $0.id == personID }
                guard named, let position = segment.position(of: word.start) else { continue }
                let file = segment.place == ScanSegments.folderName ? post.folder : post.sourceFile
                found.append(SourceLocation(file: file, line: position.line, column: position.column))
            }
        }
        return found
    }
}
