import ArgumentParser
import Foundation
import SchoolSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check every approved post and, if none fails, write the site.",
        discussion: """
        Only approved posts whose date has come are published; each is checked again \
        against the consent register as it is on the build date. On any error nothing \
        is written and the previous output stays as it was.

        Example (nightly rebuild on the web host):
          schoolsite build --site /srv/news --quiet
        """
    )

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOptions: DateOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: output/ in the site folder).", valueName: "DIR"))
    var output: String?

    @Flag(name: .long, help: "Print errors only (for cron and systemd timers).")
    var quiet = false

    @Option(name: .long, help: "text, or json for scripts.")
    var format: OutputFormat = .text

    func run() throws {
        let reporter = Reporter(format: format, quiet: quiet)
        let result: SiteBuild.Result
        do {
            result = try SiteBuild.run(site: siteOptions.site, output: output, date: dateOptions.day)
        } catch {
            throw reporter.fail(error, date: dateOptions.day)
        }
        let report = result.report
        reporter.show(report)
        guard let written = result.output else {
            let errors = report.diagnostics.filter { $0.severity == .error }
            let posts = Set(errors.map { $0.location.file }).count
            if format == .text {
                reporter.error("Refused: \(errors.count) error\(errors.count == 1 ? "" : "s") in \(posts) file\(posts == 1 ? "" : "s"); nothing was written and the previous site is unchanged. Fix the lines above, then build again.")
                if errors.contains(where: { $0.rule.hasPrefix("consent.") }) {
                    // The old site still shows the post until a build succeeds: say how to take it down now.
                    reporter.error("To take a post down at once, delete its approval.json: it becomes a draft, and the next build leaves it out.")
                }
            }
            throw ExitCode(ExitStatus.refused)
        }
        reporter.info("Built \(report.published.count) published post\(report.published.count == 1 ? "" : "s") into \(written.path) for \(report.date) (\(report.scheduled.count) scheduled, \(report.expired.count) expired, \(report.drafts.count) draft\(report.drafts.count == 1 ? "" : "s") not published).")
    }
}
