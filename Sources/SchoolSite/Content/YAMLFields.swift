import Foundation
import Yams

/// Reads the keys of one YAML mapping (site.yml, a post's front matter) with
/// their positions, collecting a diagnostic for every missing, unknown, null or
/// malformed value instead of stopping at the first.
struct YAMLFields {
    let file: String
    let rule: String
    /// Lines of the file before the YAML text starts (front matter: the `---` line).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// False when the text is not YAML at all: then only that is reported, not every key as missing.
    private(set) var isReadable = true
    private var values: [String: Node] = [:]
    private var keyNodes: [String: Node] = [:]
    private let mappingLocation: SourceLocation

    /// No tags are resolved: every value is read from its text (dates, numbers,
    /// null, true and false). Each resolver rule is a regular expression tried on
    /// every scalar, a cost paid per post.
    private static let resolver = Resolver.basic
    /// Nothing is ever constructed from the nodes (they are read here, by their
    /// text), so the parser gets a constructor without Yams' default maps, which
    /// `Constructor.default` builds anew for every parse.
    private static func constructor() -> Constructor { Constructor([:], [:], [:]) }
    /// The words YAML 1.1 (and Yams' default resolver) reads as true or false, unquoted.
    private static let booleans: [String: Bool] = Dictionary(uniqueKeysWithValues:
        ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map { ($0, true) }
            + ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map { ($0, false) })

    /// Parses `yaml` as a mapping; any YAML error becomes a diagnostic and an empty mapping.
    init(yaml: String, file: String, rule: String, lineOffset: Int = 0, allowedKeys: [String], unknownKeyRule: String? = nil) {
        let mapping: Node.Mapping
        var problem: Diagnostic?
        do {
            // Naming the encoding spares Yams a look at the environment on every parse.
            if let root = try Yams.compose(yaml: yaml, Self.resolver, Self.constructor(), .utf8)?.mapping {
                mapping = root
            } else {
                mapping = Node.Mapping([])
                problem = .error(rule, at: SourceLocation(file: file, line: lineOffset + 1), "expected `key: value` lines, found no mapping")
            }
        } catch {
            mapping = Node.Mapping([])
            problem = YAMLFields.diagnostic(for: error, file: file, rule: rule, lineOffset: lineOffset)
        }
        self.init(mapping: mapping, file: file, rule: rule, lineOffset: lineOffset, allowedKeys: allowedKeys, unknownKeyRule: unknownKeyRule)
        if let problem {
            diagnostics.append(problem)
            isReadable = false
        }
    }

    /// Reads a nested mapping node (e.g. `policy:` in site.yml).
    init(mapping: Node.Mapping, file: String, rule: String, lineOffset: Int, allowedKeys: [String], unknownKeyRule: String? = nil) {
        self.file = file
        self.rule = rule
        self.lineOffset = lineOffset
        self.mappingLocation = SourceLocation(file: file, line: (mapping.mark?.line ?? 1) + lineOffset, column: mapping.mark?.column ?? 1)
        values.reserveCapacity(mapping.count)
        keyNodes.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(.error(rule, at: location(of: key), "a key must be plain text"))
                continue
            }
            guard allowedKeys.contains(name) else {
                let hint = YAMLFields.closest(to: name, in: allowedKeys).map { " (did you mean `\($0)`?)" } ?? ""
                diagnostics.append(.error(unknownKeyRule ?? rule, at: location(of: key),
                                          "unknown key `\(name)`\(hint); allowed keys: \(allowedKeys.joined(separator: ", "))"))
                continue
            }
            values[name] = value
            keyNodes[name] = key
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return mappingLocation }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where `key` is written, or the mapping itself when it is absent.
    func location(ofKey key: String) -> SourceLocation {
        keyNodes[key].map(location(of:)) ?? mappingLocation
    }

    func node(_ key: String) -> Node? {
        guard let value = values[key], !YAMLFields.isNull(value) else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    mutating func diagnostics(append diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func report(_ key: String, _ message: String) {
        guard isReadable else { return }
        diagnostics.append(.error(rule, at: location(ofKey: key), message))
    }

    mutating func report(at node: Node, _ message: String) {
        diagnostics.append(.error(rule, at: location(of: node), message))
    }

    /// A text value. A required key that is absent, null (`~`) or blank is an error.
    mutating func string(_ key: String, required: Bool) -> String? {
        text(key, required: required)?.value
    }

    /// A text value and where it is written. The key is looked up once: a
    /// lookup copies the node, and this runs for every field of every post.
    mutating func text(_ key: String, required: Bool) -> (value: String, location: SourceLocation)? {
        guard let value = values[key] else {
            if required { report(key, "required key `\(key)` is missing") }
            return nil
        }
        guard !Self.isNull(value) else {
            if required { report(key, "`\(key)` is empty; give it a value") }
            return nil
        }
        guard let scalar = value.scalar else {
            report(at: value, "`\(key)` must be a single line of text, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmed(of: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { report(key, "`\(key)` is blank; give it a value") }
            return nil
        }
        return (text, location(of: value))
    }

    mutating func day(_ key: String, required: Bool) -> Day? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = Day(iso: text) else {
            report(at: values[key]!, "`\(key)` must be a date written YYYY-MM-DD, found `\(text)`")
            return nil
        }
        return day
    }

    mutating func integer(_ key: String, required: Bool, range: ClosedRange<Int>) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            report(at: values[key]!, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(text)`")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar, scalar.style == .plain, let flag = Self.booleans[scalar.string] else {
            report(at: value, "`\(key)` must be true or false")
            return nil
        }
        return flag
    }

    /// A list of text values (`[a, b]` or one `- item` a line).
    mutating func stringList(_ key: String, required: Bool) -> [(String, SourceLocation)]? {
        guard values[key] != nil else {
            if required { report(key, "required key `\(key)` is missing") }
            return nil
        }
        guard let value = node(key) else { return [] }
        guard let sequence = value.sequence else {
            report(at: value, "`\(key)` must be a list, e.g. `\(key): [a, b]`")
            return nil
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let text = item.scalar?.string, !YAMLFields.isNull(item) else {
                report(at: item, "each item of `\(key)` must be plain text")
                continue
            }
            items.append((text, location(of: item)))
        }
        return items
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && node.null != nil
    }

    /// Turns a Yams error into a diagnostic at the line it names.
    static func diagnostic(for error: Error, file: String, rule: String, lineOffset: Int) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(rule, at: SourceLocation(file: file, line: lineOffset + 1), "cannot be read as YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(rule, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                          "is not valid YAML: \(problem)\(hint(for: problem))")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams names the first of the two; the one to remove is more likely the later.
            let first = context.mark
            let line = repeatLine(of: duplicates.first ?? "", after: first, in: context.text) ?? first.line
            return .error(rule, at: SourceLocation(file: file, line: line + lineOffset, column: first.column),
                          "the key `\(duplicates.joined(separator: "`, `"))` is given more than once (first on line \(first.line + lineOffset)); keep one")
        case let .reader(problem, _, _, _):
            return .error(rule, at: SourceLocation(file: file, line: lineOffset + 1), "cannot be read as YAML: \(problem)")
        default:
            return .error(rule, at: SourceLocation(file: file, line: lineOffset + 1), "cannot be read as YAML: \(yamlError)")
        }
    }

    /// What to do about the YAML mistakes staff make most, in libyaml's words.
    private static func hint(for problem: String) -> String {
        switch problem {
        case "mapping values are not allowed in this context":
            "; a value that holds `: ` must be in quotes, as in `title: \"Year 3: relay winners\"`, "
                + "and the keys of one mapping must start in the same column"
        case "did not find expected key":
            "; a value in quotes must be quoted whole (`title: \"Sports day\" at last` is not), with '' for an apostrophe "
                + "inside '…', and the keys of one mapping must start in the same column"
        case "did not find expected '-' indicator":
            "; check the indentation: the keys of one mapping, and the `-` of one list, must start in the same column"
        case "found a tab character that violates indentation":
            "; indent with spaces, not tabs"
        case "found character that cannot start any token":
            "; put a value that starts with `@`, `%` or a backtick in quotes, and indent with spaces, not tabs"
        default:
            ""
        }
    }

    /// The line of the next `key:` below `mark`'s, in the same column and the
    /// same mapping: the repeat of a key YAML found twice. nil when it is not
    /// written that way (in quotes, `key :`, or in a `{…}` mapping).
    private static func repeatLine(of key: String, after mark: Mark, in text: String) -> Int? {
        let indentation = max(0, mark.column - 1)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for index in lines.indices where index + 1 > mark.line {
            let leading = lines[index].prefix { $0 == " " }.count
            let rest = lines[index].dropFirst(leading)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            // A line left of the key ends its mapping: the next list entry's keys are another person's.
            if leading < indentation { return nil }
            if leading == indentation && rest.hasPrefix(key + ":") { return index + 1 }
        }
        return nil
    }

    /// The allowed key a typo most likely meant (edit distance ≤ 2).
    private static func closest(to name: String, in keys: [String]) -> String? {
        keys.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
