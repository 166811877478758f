import ArgumentParser
import Foundation
import SchoolSite

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Check a post as of today and, if it passes, sign its approval.",
        discussion: """
        On any policy error nothing is written and the errors are listed. Otherwise \
        it shows what is being approved (title, date, people and their consent, \
        images and who is in them) and writes approval.json into the post folder. \
        Any later change to the post or its images makes the approval stale.

        Example:
          schoolsite approve content/posts/2024-06-14-sports-day --key ~/.schoolsite/sam.key
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Argument(help: ArgumentHelp("The post folder (content/posts/SLUG) or its slug.", valueName: "POST"))
    var post: String

    @Option(name: .long, help: ArgumentHelp("Your private key file from `schoolsite keygen`.", valueName: "FILE"))
    var key: String

    func run() throws {
        let reporter = Reporter()
        let approvalKey: ApprovalKey
        do {
            approvalKey = try ApprovalKey.read(from: key)
        } catch {
            reporter.error("error: \(error)")
            throw ExitCode(ExitStatus.badUsage)
        }
        let slug = URL(fileURLWithPath: post).lastPathComponent
        let outcome: PostApproval.Outcome
        do {
            outcome = try PostApproval.approve(slug, in: try Site.load(at: siteOptions.site), key: approvalKey)
        } catch {
            throw reporter.fail(error, date: nil)
        }
        switch outcome {
        case .refused(let diagnostics):
            for diagnostic in diagnostics { reporter.error(diagnostic.description) }
            reporter.error("Not approved: fix the errors above and approve again. Nothing was written.")
            throw ExitCode(ExitStatus.refused)
        case .approved(let record, let summary, let warnings):
            for warning in warnings { reporter.error(warning.description) }
            print("Approved \"\(summary.title)\" for \(summary.date.longDisplay) as \(record.approver).")
            print(summary.people.isEmpty ? "People: none" : "People:")
            for person in summary.people {
                print("  \(person.id): photo consent \(person.photo ? "yes" : "no"), name consent \(person.name ? "yes" : "no")\(person.named ? ", named in the text" : "")")
            }
            print(summary.images.isEmpty ? "Images: none" : "Images:")
            for image in summary.images {
                print("  \(image.file): \(image.people.isEmpty ? "nobody visible" : image.people.joined(separator: ", "))")
            }
            print("Wrote \(siteOptions.site == "." ? "" : siteOptions.site + "/")content/posts/\(record.post)/approval.json")
        }
    }
}
