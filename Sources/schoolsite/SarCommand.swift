import ArgumentParser
import Foundation
import SchoolSite

struct SarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sar",
        abstract: "For a subject access request: every post that lists, pictures or names a person.",
        discussion: """
        Looks at every post, published or not, drafts included. A post counts when it \
        lists the person under `people`, shows them in a photo, or names them in its \
        text (found by the same name scan as the policy, even if they are not listed).

        Example:
          schoolsite sar P0042 --format json > sar-P0042.json
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Argument(help: "The person's register id, e.g. P0042.")
    var id: String

    @Option(name: .long, help: "text, or json for the request's file.")
    var format: OutputFormat = .text

    func run() throws {
        let reporter = Reporter(format: format)
        let site = try reporter.loadSite(at: siteOptions.site)
        let evaluation = Evaluation.evaluate(site, on: site.today, for: .review)
        let report = SubjectAccess.report(for: id, in: evaluation, site: site)
        if !report.inRegister {
            reporter.error("warning: \(id) is not in the consent register (\(site.config.registerPath)), so posts were searched for the id only, not for the person's names. Check the id; for someone who has left, search the posts for their names too.")
        }
        if format == .json {
            print(JSONOutput.encode(report))
            return
        }
        print("\(report.posts.count) post\(report.posts.count == 1 ? "" : "s") mention\(report.posts.count == 1 ? "s" : "") \(id)\(report.posts.isEmpty ? "." : ":")")
        for mention in report.posts {
            print("\n\(mention.post) (\(mention.state))\n  \(mention.url)")
            if mention.listed { print("  listed under people") }
            for image in mention.images { print("  pictured in \(mention.url)\(image)") }
            for place in mention.namedAt { print("  named at \(place)") }
        }
    }
}
