import ArgumentParser
import Foundation
import SchoolSite

/// `--site DIR`, shared by every command.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, where site.yml is.", valueName: "DIR"))
    var site: String = "."
}

/// `--date YYYY-MM-DD`: the day posts are checked and published for.
struct DateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use this day instead of today (in the site's time zone).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date must be a real day written YYYY-MM-DD, e.g. 2025-06-14 (got \(date))")
        }
    }

    var day: Day? { date.flatMap(Day.init(iso:)) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Exit codes of SPEC §11.
enum ExitStatus {
    static let refused: Int32 = 1
    static let badUsage: Int32 = 2
    static let locked: Int32 = 75

    /// Ends the process with `status` while `objects` are still alive: releasing
    /// the posts of a large site one object at a time takes longer than the
    /// system takes to reclaim the whole process at once.
    static func end(with status: Int32, keeping objects: some Any) -> Never {
        withExtendedLifetime(objects) { Foundation.exit(status) }
    }
}
