import ArgumentParser
import Foundation
import SchoolSite

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line per post: its state and how many problems it has.",
        discussion: """
        States: draft (not approved), approved (due, but not on the site as the last \
        build left it: the next build puts it there), stale (changed since approval), \
        failing (would be refused), scheduled, published (on the site as the last build \
        left it), expired. Newest first.

        Example:
          schoolsite status --date 2025-01-06
        """
    )

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOptions: DateOptions

    @Option(name: .long, help: ArgumentHelp("The site's output folder, where build writes it (default: output/ in the site folder).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: "text, or json for scripts.")
    var format: OutputFormat = .text

    func run() throws {
        let reporter = Reporter(format: format)
        let site = try reporter.loadSite(at: siteOptions.site, date: dateOptions.day)
        let lines = PostStatus.list(for: site, on: dateOptions.day ?? site.today, output: output)
        if format == .json {
            print(JSONOutput.encode(lines))
            return
        }
        let width = lines.map(\.slug.count).max() ?? 0
        for line in lines {
            let problems = line.errors == 0 ? "no problems" : "\(line.errors) problem\(line.errors == 1 ? "" : "s")"
            let warnings = line.warnings == 0 ? "" : ", \(line.warnings) warning\(line.warnings == 1 ? "" : "s")"
            print(line.slug.padding(toLength: width, withPad: " ", startingAt: 0) + "  " +
                  line.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + "  " + problems + warnings)
        }
    }
}
