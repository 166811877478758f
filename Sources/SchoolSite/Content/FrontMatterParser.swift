import Foundation
import Yams

/// Splits `index.md` into YAML front matter and Markdown body, and reads the
/// front matter; every problem is a `post.front-matter` diagnostic with its line.
enum FrontMatterParser {
    static let rule = "post.front-matter"
    static let keys = ["title", "date", "expires", "author", "category", "summary", "cover",
                       "people", "photos", "not_names"]

    struct Result {
        var frontMatter: FrontMatter?
        var body: String
        /// The file line on which the body starts.
        var bodyFirstLine: Int
        var diagnostics: [Diagnostic]
    }

    static func parse(_ source: String, file: String) -> Result {
        var lines = LineScanner(source)
        guard let first = lines.next(), isFence(first.text, opening: true) else {
            return Result(frontMatter: nil, body: source, bodyFirstLine: 1, diagnostics: [
                .error(rule, at: SourceLocation(file: file), "the post must start with front matter: a `---` line, the YAML keys (title, date, author, category, people, photos), and another `---` line"),
            ])
        }
        let yamlStart = first.next
        while let line = lines.next() {
            guard isFence(line.text, opening: false) else { continue }
            let yaml = String(source[yamlStart..<line.start])
            var fields = YAMLFields(yaml: yaml, file: file, rule: rule, lineOffset: 1, allowedKeys: keys)
            let frontMatter = read(&fields, file: file)
            return Result(frontMatter: fields.diagnostics.isEmpty ? frontMatter : nil, body: String(source[line.next...]),
                          bodyFirstLine: line.number + 1, diagnostics: fields.diagnostics)
        }
        return Result(frontMatter: nil, body: "", bodyFirstLine: lines.count + 1, diagnostics: [
            .error(rule, at: SourceLocation(file: file), "the front matter is never closed: add a `---` line after the last key"),
        ])
    }

    private static func isFence(_ line: Substring, opening: Bool) -> Bool {
        // Most lines are `key: value`: only one whose first byte past spaces and tabs is
        // `-`, `.` or non-ASCII (a byte-order mark, other white space) can be a fence.
        let first = line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard let first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || first >= 0x80 else { return false }
        // An ASCII line (`  - id: P0042`, the usual one) is compared byte by byte: Foundation's trimming is slow.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            guard let start = line.utf8.firstIndex(where: { !isBlank($0) }), let end = line.utf8.lastIndex(where: { !isBlank($0) }) else { return false }
            let core = line.utf8[start...end]
            return core.elementsEqual("---".utf8) || (!opening && core.elementsEqual("...".utf8))
        }
        let trimmed = line.drop { $0 == "\u{FEFF}" }.trimmingCharacters(in: .whitespaces)
        return trimmed == "---" || (!opening && trimmed == "...")
    }

    private static func read(_ fields: inout YAMLFields, file: String) -> FrontMatter? {
        let title = text(&fields, "title", required: true)
        let date = fields.day("date", required: true)
        let expires = fields.day("expires", required: false)
        if let date, let expires, expires < date {
            fields.report("expires", "`expires` (\(expires)) is before `date` (\(date)); the post would never be shown")
        }
        let author = fields.string("author", required: true)
        let category = text(&fields, "category", required: true)
        let summary = text(&fields, "summary", required: false)
        let cover = text(&fields, "cover", required: false)
        let people = readPeople(&fields)
        let photos = readPhotos(&fields)
        let notNames = fields.stringList("not_names", required: false)?.map(\.0) ?? []
        guard let title, let date, let author, let category, let people, let photos else { return nil }
        return FrontMatter(title: title, date: date, expires: expires, author: author, category: category,
                           summary: summary, cover: cover, people: people, photos: photos, notNames: notNames,
                           location: SourceLocation(file: file, line: 1))
    }

    private static func text(_ fields: inout YAMLFields, _ key: String, required: Bool) -> FrontMatter.Text? {
        fields.text(key, required: required).map { FrontMatter.Text(value: $0.value, location: $0.location) }
    }

    private static func readPeople(_ fields: inout YAMLFields) -> [FrontMatter.PersonEntry]? {
        guard fields.has("people") else {
            fields.report("people", "required key `people` is missing; list everyone the post features by register id, or write `people: []`")
            return nil
        }
        guard let node = fields.node("people") else { return [] }
        guard let sequence = node.sequence else {
            fields.report(at: node, "`people` must be a list of `- id: P0042` entries (add `named: true` when the text names them)")
            return nil
        }
        var entries: [FrontMatter.PersonEntry] = []
        for item in sequence {
            if let id = item.scalar?.string, !YAMLFields.isNull(item) {
                entries.append(.init(id: id, named: false, location: fields.location(of: item)))
                continue
            }
            guard let mapping = item.mapping else {
                fields.report(at: item, "each entry of `people` needs an `id:`")
                continue
            }
            var entry = YAMLFields(mapping: mapping, file: fields.file, rule: rule, lineOffset: fields.lineOffset,
                                   allowedKeys: ["id", "named"])
            let id = entry.string("id", required: true)
            let named = entry.bool("named") ?? false
            fields.absorb(entry)
            if let id, let idNode = entry.node("id") {
                entries.append(.init(id: id, named: named, location: entry.location(of: idNode)))
            }
        }
        return entries
    }

    private static func readPhotos(_ fields: inout YAMLFields) -> [FrontMatter.PhotoEntry]? {
        guard fields.has("photos") else {
            fields.report("photos", "required key `photos` is missing; list every image with who is visible in it, or write `photos: {}`")
            return nil
        }
        guard let node = fields.node("photos") else { return [] }
        guard let mapping = node.mapping else {
            fields.report(at: node, "`photos` must map each image file to the ids visible in it, e.g. `relay.jpg: [P0042]`")
            return nil
        }
        var entries: [FrontMatter.PhotoEntry] = []
        for (key, value) in mapping {
            guard let file = key.scalar?.string else {
                fields.report(at: key, "each key of `photos` must be an image file name")
                continue
            }
            var ids: [(String, SourceLocation)] = []
            if let sequence = value.sequence {
                for item in sequence {
                    if let id = item.scalar?.string, !YAMLFields.isNull(item) {
                        ids.append((id, fields.location(of: item)))
                    } else {
                        fields.report(at: item, "each person in `photos: \(file)` must be a register id")
                    }
                }
            } else if !YAMLFields.isNull(value) {
                fields.report(at: value, "`\(file)` must list the ids visible in it, e.g. `[P0042, P0107]`, or `[]` for nobody")
            } else {
                fields.report(at: key, "`\(file)` must say who is visible: `[P0042]`, or `[]` for nobody")
            }
            entries.append(.init(file: file, people: ids, location: fields.location(of: key)))
        }
        return entries
    }
}
