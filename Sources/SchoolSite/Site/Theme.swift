import Foundation
import Mustache

/// A theme folder: Mustache templates and the static files copied to `assets/`.
public struct Theme: Sendable {
    static let requiredTemplates = ["layout", "index", "category", "post"]

    public let name: String
    /// Site-relative folder of the theme.
    public let folder: String
    let library: MustacheLibrary
    /// Site-relative paths of the files under `static/`, sorted.
    public let staticFiles: [String]
    /// SHA-256 over the templates' names and texts.
    public let templatesDigest: String

    /// - Parameter setting: where site.yml names the theme.
    static func load(named name: String, from site: SiteDirectory, setting: SourceLocation) throws(SiteError) -> Theme {
        let folder = "themes/\(name)"
        let templates = "\(folder)/templates"
        guard site.isDirectory(templates) else {
            throw SiteError("theme.missing", at: setting,
                            "theme `\(name)` not found: expected templates in \(templates)/ (check `theme:` in site.yml)")
        }
        ThemeEscaping.register()
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources = ""
        for file in site.entries(of: templates) where file.hasSuffix(".mustache") {
            let path = "\(templates)/\(file)"
            do {
                let text = try site.readText(path, limit: 1 << 20)
                sources += "\(file)\u{0}\(text.utf8.count)\u{0}\(text)"
                library.register(try MustacheTemplate(string: ThemeEscaping.pragma + text), named: String(file.dropLast(".mustache".count)))
            } catch let error as FileReadError {
                diagnostics.append(.error("theme.template", at: SourceLocation(file: path), "template \(error.reason)"))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - ThemeEscaping.pragmaLines
                diagnostics.append(.error("theme.template", at: SourceLocation(file: path, line: line, column: error.context.columnNumber),
                                          "template is not valid Mustache: \(error.error)"))
            } catch {
                diagnostics.append(.error("theme.template", at: SourceLocation(file: path), "template cannot be read: \(error)"))
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error("theme.missing", at: SourceLocation(file: "\(templates)/\(required).mustache"),
                                      "the theme has no `\(required).mustache` template; every theme needs \(requiredTemplates.map { "\($0).mustache" }.joined(separator: ", "))"))
        }
        guard diagnostics.isEmpty else { throw SiteError(diagnostics) }
        return Theme(name: name, folder: folder, library: library, staticFiles: listStaticFiles(in: "\(folder)/static", site: site),
                     templatesDigest: sources.sha256)
    }

    /// Renders `template` with `context`; templates were checked to exist at load time.
    func render(_ template: String, _ context: ThemeValues) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    private static func listStaticFiles(in folder: String, site: SiteDirectory) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: site.url(folder), includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(site.url(folder).standardizedFileURL.path.count + 1)
            files.append("\(folder)/\(relative)")
        }
        return files.sorted()
    }
}

/// How `{{name}}` escapes a value: with `MarkupEscaping`, as the feed does,
/// rather than with swift-mustache's own escaping, which walks each string's
/// characters twice and took a tenth of a 10,000-post build. Mustache takes a
/// content type from a pragma, so every template is parsed with one on a line
/// of its own before the theme's text; such a line renders as nothing.
private struct ThemeEscaping: MustacheContentType {
    static let name = "SCHOOLSITE_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let pragmaLines = 1

    static func register() {
        MustacheContentTypes.register(ThemeEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
