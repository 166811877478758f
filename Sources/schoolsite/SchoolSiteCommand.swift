import ArgumentParser
import Foundation
import SchoolSite

@main
struct SchoolSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schoolsite",
        abstract: "Publish a school's news page as a static site, refusing any post that breaks the consent policy.",
        subcommands: [
            NewCommand.self, CheckCommand.self, PreviewCommand.self, KeygenCommand.self, ApproveCommand.self,
            BuildCommand.self, StatusCommand.self, SarCommand.self,
        ]
    )

    /// ArgumentParser exits 64 on bad usage; SPEC §11 says 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            if let command = command as? AsyncParsableCommand {
                try runToEnd(command)
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badUsage)
            }
            exit(withError: error)
        }
    }

    /// Runs an async command (`preview`) while the main thread waits for it.
    /// An `async` main would hand the main thread to dispatch_main for every
    /// command, `build` included, and valgrind's leak check cannot follow that.
    private static func runToEnd(_ command: AsyncParsableCommand) throws {
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var command = command
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            do { try await command.run() } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw failure }
    }
}
