import ArgumentParser
import Foundation
import SchoolSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check posts against the policy, drafts included; writes nothing.",
        discussion: """
        POST is a post folder (content/posts/SLUG) or its slug; with none, every post is checked.

        Example:
          schoolsite check content/posts/2024-06-14-sports-day
        """
    )

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOptions: DateOptions

    @Argument(help: ArgumentHelp("Posts to check (folder or slug).", valueName: "POST"))
    var posts: [String] = []

    @Option(name: .long, help: "text, or json for scripts.")
    var format: OutputFormat = .text

    func run() throws {
        let reporter = Reporter(format: format)
        let site = try reporter.loadSite(at: siteOptions.site, date: dateOptions.day)
        let slugs = posts.map { URL(fileURLWithPath: $0).lastPathComponent }
        let evaluation = Evaluation.review(site, on: dateOptions.day ?? site.today, only: slugs.isEmpty ? nil : Set(slugs))
        let unknown = Set(slugs).subtracting(evaluation.posts.map(\.post.slug))
        guard unknown.isEmpty else {
            reporter.error("No post folder \(unknown.sorted().joined(separator: ", ")) under content/posts; give a folder like content/posts/2024-06-14-sports-day or its slug.")
            throw ExitCode(ExitStatus.badUsage)
        }
        let report = BuildReport(evaluation)
        reporter.show(report)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        reporter.info(errors == 0
            ? "Checked \(evaluation.posts.count) post\(evaluation.posts.count == 1 ? "" : "s") for \(report.date): no errors."
            : "Checked \(evaluation.posts.count) post\(evaluation.posts.count == 1 ? "" : "s") for \(report.date): \(errors) error\(errors == 1 ? "" : "s").")
        ExitStatus.end(with: errors > 0 ? ExitStatus.refused : 0, keeping: (site, evaluation, report))
    }
}
