import Foundation

/// What `build` and `check` tell their caller, as text or as the JSON of SPEC §8.
public struct BuildReport: Codable, Sendable {
    public var ok: Bool
    public var date: String
    public var published: [String]
    public var scheduled: [String]
    public var expired: [String]
    public var drafts: [String]
    public var diagnostics: [Diagnostic]

    public init(_ evaluation: Evaluation) {
        ok = !evaluation.hasErrors
        date = evaluation.date.description
        published = evaluation.slugs(in: .published)
        scheduled = evaluation.slugs(in: .scheduled)
        expired = evaluation.slugs(in: .expired)
        drafts = evaluation.slugs(in: .draft)
        diagnostics = evaluation.diagnostics
    }

    /// For a site that could not be loaded at all.
    public init(failure: SiteError, date: Day?) {
        ok = false
        self.date = date?.description ?? ""
        published = []
        scheduled = []
        expired = []
        drafts = []
        diagnostics = failure.diagnostics
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{\"ok\":false}"
    }
}
