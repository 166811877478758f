/// Where a post mentions one person by name, whatever the post declares: the
/// same scan as `redaction.name`, asked about one person (for subject access requests).
enum NameMentions {
    static func of(_ personID: String, in post: Post, register: Register) -> [SourceLocation] {
        guard let front = post.frontMatter else { return [] }
        var tokenizer = WordTokenizer()
        var found: [SourceLocation] = []
        for segment in ScanSegments.of(post, front) {
            for word in tokenizer.words(in: segment, keeping: register.names.filter) {
                let wholes = [word.key] + word.readings.map(\.key)
                let keys = wholes + word.parts + word.readings.flatMap(\.parts)
                let named = keys.contains { key in register.names.people(named: key).contains { $0.owner.id == personID } }
                    || wholes.contains { key in register.names.fullNames(key).contains { $0.id == personID } }
                guard named, let position = segment.position(of: word.start) else { continue }
                let file = segment.place == ScanSegments.folderName ? post.folder : post.sourceFile
                found.append(SourceLocation(file: file, line: position.line, column: position.column))
            }
        }
        return found
    }
}
