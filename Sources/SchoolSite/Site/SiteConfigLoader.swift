import Foundation
import Yams

/// Reads and validates `site.yml`; every problem is reported with its line.
enum SiteConfigLoader {
    static let fileName = "site.yml"
    private static let keys = ["title", "school", "base_url", "language", "timezone", "theme",
                               "posts_per_page", "register", "approvers", "policy"]

    static func load(from site: SiteDirectory) throws(SiteError) -> SiteConfig {
        let text: String
        do {
            text = try site.readText(fileName, limit: 1 << 20)
        } catch {
            throw SiteError("config.missing", at: SourceLocation(file: fileName),
                            "site.yml in \(site.root.path) \(error.reason). Run schoolsite in the site folder (where site.yml is) or pass --site DIR.")
        }
        var fields = YAMLFields(yaml: text, file: fileName, rule: "config.invalid", allowedKeys: keys,
                                unknownKeyRule: "config.unknown-key")
        let title = fields.string("title", required: true)
        let school = fields.string("school", required: true)
        let baseURL = fields.string("base_url", required: true)
        if let baseURL, !isAbsoluteDirectoryURL(baseURL) {
            fields.report("base_url", "`base_url` must be an absolute http(s) address ending with `/`, e.g. https://www.example.sch.uk/news/")
        }
        let language = fields.string("language", required: true)
        let zoneName = fields.string("timezone", required: true)
        let timeZone = zoneName.flatMap(TimeZone.init(identifier:))
        if let zoneName, timeZone == nil {
            fields.report("timezone", "`\(zoneName)` is not a time zone name; use one like Europe/London")
        }
        let theme = fields.string("theme", required: true)
        if let theme, !isPlainName(theme) {
            fields.report("theme", "`theme` must be a folder name under themes/, found `\(theme)`")
        }
        let perPage = fields.integer("posts_per_page", required: true, range: 1...1000)
        let register = fields.string("register", required: true)
        let registerLocation = fields.location(ofKey: "register")
        if let register, let misplaced = RegisterPlacement.diagnostic(for: register, at: registerLocation, in: site,
                                                                      output: SiteBuild.outputFolder(of: site, given: nil)) {
            fields.diagnostics(append: misplaced)
        }
        let approvers = readApprovers(&fields)
        let policy = readPolicy(&fields)

        guard fields.diagnostics.isEmpty, let title, let school, let baseURL, let language, let timeZone,
              let theme, let perPage, let register, let approvers, let policy
        else { throw SiteError(fields.diagnostics) }
        var config = SiteConfig(title: title, school: school, baseURL: baseURL, language: language, timeZone: timeZone,
                                theme: theme, postsPerPage: perPage, registerPath: register, approvers: approvers, policy: policy)
        config.sourceDigest = text.sha256
        config.themeLocation = fields.location(ofKey: "theme")
        config.registerLocation = registerLocation
        return config
    }

    private static func readApprovers(_ fields: inout YAMLFields) -> [SiteConfig.Approver]? {
        guard fields.has("approvers") else {
            fields.report("approvers", "required key `approvers` is missing (list the SBM with name and public_key)")
            return nil
        }
        guard let node = fields.node("approvers") else { return [] }
        guard let sequence = node.sequence else {
            fields.report(at: node, "`approvers` must be a list of `- name: … public_key: …` entries")
            return nil
        }
        var approvers: [SiteConfig.Approver] = []
        var names: [(String, SourceLocation)] = []
        var keys: [(String, SourceLocation)] = []
        var valid = true
        for item in sequence {
            guard let mapping = item.mapping else {
                fields.report(at: item, "each approver needs `name:` and `public_key:`")
                valid = false
                continue
            }
            var entry = YAMLFields(mapping: mapping, file: fields.file, rule: fields.rule, lineOffset: fields.lineOffset,
                                   allowedKeys: ["name", "public_key"], unknownKeyRule: "config.unknown-key")
            let name = entry.string("name", required: true)
            let key = entry.string("public_key", required: true)
            if let key, !key.hasPrefix("ed25519:") {
                entry.report("public_key", "`public_key` must start with `ed25519:` (as printed by `schoolsite keygen`)")
            } else if let key, Data(base64Encoded: String(key.dropFirst("ed25519:".count)))?.count != 32 {
                // Otherwise a key cut short when copied shows only later, as every approval failing to verify.
                entry.report("public_key", "`public_key` is not a whole Ed25519 public key: after `ed25519:` come the 44 characters that `schoolsite keygen` printed, ending in `=`; copy them again, all of them")
            }
            fields.absorb(entry)
            if let name, let key {
                approvers.append(.init(name: name, publicKey: key))
                // One person listed twice is reported once, by name.
                if !names.contains(where: { personKey($0.0) == personKey(name) }) { keys.append((key, entry.location(ofKey: "public_key"))) }
                names.append((name, entry.location(ofKey: "name")))
            } else {
                valid = false
            }
        }
        // An old entry left beside a new one would go on approving with a key that was replaced.
        reportRepeats(of: names, by: personKey, in: &fields) { name, first in
            "the approver `\(name)` is listed again (first on line \(first.line)); keep one entry per person, with their current public_key"
        }
        reportRepeats(of: keys, by: keyBytes, in: &fields) { _, first in
            "this public_key is given to another approver too (line \(first.line)); each approver signs with a key of their own"
        }
        return valid ? approvers : nil
    }

    private static func readPolicy(_ fields: inout YAMLFields) -> SiteConfig.Policy? {
        guard fields.has("policy") else {
            fields.report("policy", "required key `policy` is missing")
            return nil
        }
        guard let mapping = fields.node("policy")?.mapping else {
            fields.report("policy", "`policy` must be a mapping with `categories` and `pupil_full_names`")
            return nil
        }
        var policy = YAMLFields(mapping: mapping, file: fields.file, rule: fields.rule, lineOffset: fields.lineOffset,
                                allowedKeys: ["categories", "pupil_full_names"], unknownKeyRule: "config.unknown-key")
        let categories = policy.stringList("categories", required: true)
        if let categories { checkCategories(categories, in: &policy) }
        let fullNamesText = policy.string("pupil_full_names", required: true)
        let fullNames = fullNamesText.flatMap(SiteConfig.PupilFullNames.init(rawValue:))
        if let fullNamesText, fullNames == nil {
            policy.report("pupil_full_names", "`pupil_full_names` must be `forbid` or `allow-with-name-consent`, found `\(fullNamesText)`")
        }
        fields.absorb(policy)
        guard let categories, let fullNames, policy.diagnostics.isEmpty else { return nil }
        return .init(categories: categories.map(\.0), pupilFullNames: fullNames)
    }

    /// Each category names a folder of the output, category/NAME/, written once.
    private static func checkCategories(_ categories: [(String, SourceLocation)], in policy: inout YAMLFields) {
        if categories.isEmpty { policy.report("categories", "`categories` must list at least one category") }
        for (name, location) in categories where !Slug.isValid(name) {
            policy.diagnostics(append: .error(policy.rule, at: location,
                                              "category `\(name)` must be lower-case letters, digits and hyphens"))
        }
        // The file system takes folder names of up to 255 bytes; a valid one is all ASCII.
        for (name, location) in categories where Slug.isValid(name) && name.utf8.count > 255 {
            policy.diagnostics(append: .error(policy.rule, at: location,
                                              "category `\(name.prefix(20))…` is \(name.utf8.count) characters long; it names a folder, category/NAME/, so it can be at most 255"))
        }
        reportRepeats(of: categories, in: &policy) { name, first in
            "category `\(name)` is listed again (first at line \(first.line), column \(first.column)); list each category once"
        }
    }

    /// Reports every value given again, where it is repeated, saying where it was first given.
    /// - Parameter key: what two values are compared by.
    private static func reportRepeats(of values: [(String, SourceLocation)], by key: (String) -> String = { $0 }, in fields: inout YAMLFields,
                                      _ message: (_ value: String, _ first: SourceLocation) -> String) {
        var firsts: [String: SourceLocation] = [:]
        for (value, location) in values {
            if let first = firsts[key(value)] {
                fields.diagnostics(append: .error(fields.rule, at: location, message(value, first)))
            } else {
                firsts[key(value)] = location
            }
        }
    }

    /// An approver's name as a reader tells it apart: case and spacing do not count.
    private static func personKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A public key by its bytes: base64 spells the same 32 bytes in more than one way.
    private static func keyBytes(_ key: String) -> String {
        Data(base64Encoded: String(key.dropFirst("ed25519:".count)))?.base64EncodedString() ?? key
    }

    private static func isAbsoluteDirectoryURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", url.host != nil else { return false }
        return text.hasSuffix("/")
    }

    private static func isPlainName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".") && !text.contains("/")
    }
}

extension YAMLFields {
    /// Takes over the findings of a nested mapping's reader.
    mutating func absorb(_ nested: YAMLFields) {
        for diagnostic in nested.diagnostics { diagnostics(append: diagnostic) }
    }
}
