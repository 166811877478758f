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

    @Argument(help: ArgumentHelp("Post folders (content/posts/SLUG) or slugs; each is checked and approved on its own.", valueName: "POST"))
    var posts: [String]

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
        let site = try reporter.loadSite(at: siteOptions.site)
        var refused = 0
        for post in posts {
            let slug = URL(fileURLWithPath: post).lastPathComponent
            do {
                if try !approve(slug, in: site, with: approvalKey, reporter: reporter) { refused += 1 }
            } catch {
                throw reporter.fail(error, date: nil)
            }
        }
        if refused > 0 { throw ExitCode(ExitStatus.refused) }
    }

    func validate() throws {
        if posts.isEmpty { throw ValidationError("name the post to approve, e.g. content/posts/2024-06-14-sports-day") }
    }

    /// Approves one post and says what was approved; false when it was refused.
    private func approve(_ slug: String, in site: Site, with approvalKey: ApprovalKey, reporter: Reporter) throws(SiteError) -> Bool {
        switch try PostApproval.approve(slug, in: site, key: approvalKey) {
        case .refused(let diagnostics):
            for diagnostic in diagnostics { reporter.error(diagnostic.description) }
            reporter.error("Not approved: \(slug). Fix the errors above and approve again; nothing was written.")
            return false
        case .approved(let record, let summary, let warnings):
            for warning in warnings { reporter.error(warning.description) }
            print("Approved \"\(summary.title)\" for \(summary.date.longDisplay) as \(record.approver).")
            print(summary.people.isEmpty ? "People: none" : "People:")
            for person in summary.people {
                print("  \(person.id): photo consent \(person.photo ? "yes" : "no"), name consent \(person.name ? "yes" : "no")\(person.named ? ", named in the text" : "")")
            }
            if !summary.notNames.isEmpty {
                print("Not treated as names (check that none is a child's name): \(summary.notNames.joined(separator: ", "))")
            }
            print(summary.images.isEmpty ? "Images: none" : "Images:")
            for image in summary.images {
                print("  \(image.file): \(image.people.isEmpty ? "nobody visible" : image.people.joined(separator: ", "))")
            }
            print("Wrote \(siteOptions.site == "." ? "" : siteOptions.site + "/")content/posts/\(record.post)/approval.json")
            return true
        }
    }
}
