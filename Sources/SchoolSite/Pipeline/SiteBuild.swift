import Foundation

/// `schoolsite build`: check every published post as of the build date, and only
/// if none fails, render the site and swap it into the output folder.
public enum SiteBuild {
    public struct Result: Sendable {
        public var report: BuildReport
        /// Where the site was written; nil when the build refused.
        public var output: URL?
    }

    /// - Parameters:
    ///   - outputPath: default `output` inside the site folder.
    ///   - date: default today in the site's time zone.
    public static func run(site sitePath: String, output outputPath: String?, date: Day?) throws(SiteError) -> Result {
        let directory = SiteDirectory(sitePath)
        let output = outputPath.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? directory.url("output")
        let lock = try BuildLock(for: output)
        defer { withExtendedLifetime(lock) {} }
        let site = try Site.load(at: sitePath)
        let evaluation = Evaluation.evaluate(site, on: date ?? site.today, for: .build)
        guard !evaluation.hasErrors else { return Result(report: BuildReport(evaluation), output: nil) }
        let rendered = SiteRenderer(site: site).render(posts: evaluation.published)
        try OutputWriter(site: site.directory, output: output).write(rendered)
        return Result(report: BuildReport(evaluation), output: output)
    }
}
