import ArgumentParser
import Foundation
import SchoolSite

@main
struct SchoolSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schoolsite",
        abstract: "Publish a school's news page as a static site, refusing any post that breaks the consent policy.",
        subcommands: [
            NewCommand.self, CheckCommand.self, KeygenCommand.self, ApproveCommand.self,
            BuildCommand.self, StatusCommand.self, SarCommand.self,
        ]
    )

    /// ArgumentParser exits 64 on bad usage; SPEC §11 says 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badUsage)
            }
            exit(withError: error)
        }
    }
}
