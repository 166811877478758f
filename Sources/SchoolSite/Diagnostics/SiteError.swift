/// A problem with the site as a whole (site.yml, the register, the theme,
/// the output folder) that stops every command before any post is looked at.
/// The CLI exits 2 for these, or 75 when another build holds the lock.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case invalidSite
        case buildLocked
        case outputFailed
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.init(.invalidSite, diagnostics)
    }

    public init(_ rule: String, at location: SourceLocation, _ message: String) {
        self.init(.invalidSite, [.error(rule, at: location, message)])
    }

    public init(_ kind: Kind, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ kind: Kind, _ rule: String, at location: SourceLocation, _ message: String) {
        self.init(kind, [.error(rule, at: location, message)])
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
