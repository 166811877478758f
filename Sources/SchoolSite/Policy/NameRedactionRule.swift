/// `redaction.name` and `redaction.full-name`: no register name may reach the
/// page unless someone with that name is `named: true` with name consent on the
/// build date; with `pupil_full_names: forbid`, a pupil's given (or known-as) and
/// family name never appear together. Diagnostics give ids, never the names.
struct NameRedactionRule: PolicyRule {
    func check(_ post: Post, front: FrontMatter, in context: PolicyContext) -> [Diagnostic] {
        var scan = NameScan(post: post, front: front, context: context)
        for segment in ScanSegments.of(post, front) { scan.scan(segment) }
        return scan.diagnostics
    }
}

private struct NameScan {
    let post: Post
    let context: PolicyContext
    let index: NameIndex
    /// People the post may name: `named: true` and name consent on the day.
    let mayBeNamed: Set<String>
    let notNames: Set<String>
    let forbidFullNames: Bool
    var tokenizer = WordTokenizer()
    var diagnostics: [Diagnostic] = []

    init(post: Post, front: FrontMatter, context: PolicyContext) {
        self.post = post
        self.context = context
        self.index = context.register.names
        self.mayBeNamed = Set(front.people.filter { entry in
            entry.named && (context.register[entry.id]?.hasNameConsent(on: context.date) ?? false)
        }.map(\.id))
        var tokenizer = WordTokenizer()
        self.notNames = Set(front.notNames.flatMap { tokenizer.words(in: $0).map(\.key) })
        self.forbidFullNames = context.config.policy.pupilFullNames == .forbid
    }

    /// One word, or one part of a word, with the owners of its name (looked up
    /// once) and its position, which counts the words the filter left out too:
    /// `writtenAfter` tells by it how many words stand between two units.
    private struct Unit {
        var key: String
        var start: Int
        var end: Int
        var owners: [(owner: NameIndex.Owner, part: NameIndex.Part)]
        var position: Int
    }

    mutating func scan(_ segment: ScanSegment) {
        // A word under `not_names` may be no name's, so with any, every word gets its key.
        let words = tokenizer.words(in: segment, keeping: notNames.isEmpty ? index.filter : nil)
        // Camel-case words count as their parts for "written together" (`#AmeliaSmith`).
        var units: [Unit] = []
        var position = 0
        var previousOrdinal = -1
        for word in words {
            // Words the filter left out stand between their neighbours, though no name has them.
            if word.ordinal > previousOrdinal + 1 { position += 1 }
            previousOrdinal = word.ordinal
            // SPEC §6 lets `not_names` off `redaction.name` only: `Summer`, listed as no
            // name, still makes a full name beside a pupil's family name. A word with
            // digits for letters is let off as written or as read (`Gr4ce`, `Grace`).
            let mayBeAName = notNames.isEmpty || !([word.key] + word.readings.map(\.key)).contains(where: notNames.contains)
            let names = WordNames(word, in: index)
            if forbidFullNames && !names.fullNames.isEmpty {
                reportFullName(names.fullNames.filter(\.isPupil).map(\.id), at: word.start, in: segment)
            }
            units += names.units.enumerated().map { Unit(key: $1.key, start: word.start, end: word.end, owners: $1.owners, position: position + $0) }
            position += names.units.count
            if mayBeAName {
                checkName(word, bearers: names.bearers + Array(names.fullNames), in: segment)
            }
        }
        guard forbidFullNames, units.contains(where: { !$0.owners.isEmpty }) else { return }
        // Indexed by the units' scalar positions, for the text between two of them.
        let scalars = Array(segment.text.unicodeScalars)
        for (offset, first) in units.enumerated() where !first.owners.isEmpty {
            for second in Self.writtenAfter(offset, in: units, text: scalars) {
                let together = first.owners.filter { candidate in
                    guard candidate.owner.isPupil else { return false }
                    let other = candidate.part == .family ? index.givenWords[candidate.owner.id] : index.familyWords[candidate.owner.id]
                    return other?.contains(second.key) ?? false
                }
                reportFullName(together.map(\.owner.id), at: first.start, in: segment)
            }
        }
    }

    /// The units written together with `units[offset]` after it: the next, with at most
    /// a comma or hyphen between (however much space), or one after a middle name or
    /// initials (`Amelia J. Smith`, `Amelia Jane Smith`, `Amelia "Jay" Smith`), which the
    /// word filter may have left out as no name's; in one word (`#AmeliaJaneSmith`), the
    /// next part or the one after.
    private static func writtenAfter(_ offset: Int, in units: [Unit], text: [Unicode.Scalar]) -> [Unit] {
        let first = units[offset]
        return units[(offset + 1)...].prefix(3).filter { next in
            let wordsBetween = next.position - first.position - 1
            guard (0...2).contains(wordsBetween) else { return false }
            if next.start == first.start { return wordsBetween <= 1 }
            return isWrittenTogether(in: text, from: first.end, to: next.start, wordsBetween: wordsBetween)
        }
    }

    /// Whether the text from scalar `start` to `end` keeps the words either side together:
    /// with no word between, at most one mark (`Smith, Amelia`); else only capitalised
    /// middle names or initials. Space and invisible characters count for nothing.
    private static func isWrittenTogether(in text: [Unicode.Scalar], from start: Int, to end: Int, wordsBetween: Int) -> Bool {
        guard start <= end, end - start <= 40, end <= text.count else { return false }
        // The usual case: one space, or one mark, between two words.
        if wordsBetween == 0 && end - start <= 1 { return true }
        let visible = text[start..<end].filter { !$0.properties.isDefaultIgnorableCodePoint }
        let tokens = String(String.UnicodeScalarView(visible)).split(whereSeparator: \.isWhitespace)
        guard wordsBetween > 0 else { return tokens.joined().unicodeScalars.count <= 1 }
        return (1...2).contains(tokens.count) && tokens.allSatisfy { token in
            token.drop { "\"'“‘(".contains($0) }.first?.isUppercase == true
        }
    }

    private mutating func checkName(_ word: ScanWord, bearers found: [NameIndex.Owner], in segment: ScanSegment) {
        guard !found.isEmpty, !found.contains(where: { mayBeNamed.contains($0.id) }) else { return }
        let ids = Set(found.map(\.id)).sorted()
        let who = ids.count == 1 ? ids[0] : ids.dropLast().joined(separator: ", ") + " or " + ids.last!
        diagnostics.append(.error("redaction.name", at: location(word.start, in: segment),
                                  "a name of \(who) appears in the \(segment.place), but \(ids.count == 1 ? "they are" : "none of them is") not `named: true` with name consent on \(context.date); remove the name (or, only if the word is not a name here, like the month May, list it under `not_names`)"))
    }

    private mutating func reportFullName(_ ids: [String], at start: Int, in segment: ScanSegment) {
        guard !ids.isEmpty else { return }
        let location = location(start, in: segment)
        guard !diagnostics.contains(where: { $0.rule == "redaction.full-name" && $0.location == location }) else { return }
        diagnostics.append(.error("redaction.full-name", at: location,
                                  "the full name of \(Set(ids).sorted().joined(separator: " or ")) appears in the \(segment.place); pupils' full names are never published (policy: pupil_full_names: forbid); use the given name only"))
    }

    private func location(_ start: Int, in segment: ScanSegment) -> SourceLocation {
        let file = segment.place == ScanSegments.folderName ? post.folder : post.sourceFile
        guard let position = segment.position(of: start) else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}
