import ArgumentParser
import SchoolSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a post: a folder with index.md ready to fill in.",
        discussion: """
        The folder is content/posts/DATE-SLUG, named from today's date and the title. \
        An existing folder is never overwritten. The new post is a draft until the SBM approves it.

        Example:
          schoolsite new "Year 3 win the relay" --category achievement
        """
    )

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOptions: DateOptions

    @Argument(help: "The post's title.")
    var title: String

    @Option(name: .long, help: "One of the categories in site.yml (default: the first).")
    var category: String?

    func run() throws {
        let reporter = Reporter()
        do {
            let site = try Site.load(at: siteOptions.site)
            let path = try NewPost.create(title: title, category: category, date: dateOptions.day ?? site.today, in: site)
            print(path)
        } catch {
            throw reporter.fail(error, date: dateOptions.day)
        }
    }
}
