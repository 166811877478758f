import ArgumentParser
import Foundation
import SchoolSite

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an approver's signing key.",
        discussion: """
        Writes the private key to FILE, readable by you only, and prints the line \
        to put under `approvers:` in site.yml. Keep the file private: anyone who \
        has it can approve posts.

        Example:
          schoolsite keygen --name "Sam Taylor" --out ~/.schoolsite/sam.key
        """
    )

    @Option(name: .long, help: "The approver's name, as it will appear in approvals.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Where to write the private key (never overwritten).", valueName: "FILE"))
    var out: String

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
    }

    func run() throws {
        let key = ApprovalKey.generate(name: name.trimmingCharacters(in: .whitespaces))
        do {
            try key.write(to: out)
        } catch {
            Reporter().error("error: \(error)")
            throw ExitCode(ExitStatus.badUsage)
        }
        print("Wrote the private key for \(key.name) to \(out) (readable by you only; keep it that way).")
        print("Add these two lines to the `approvers:` list in site.yml (replace an old entry for the same person):\n")
        print("  - name: \(key.name)\n    public_key: \(key.publicKeyText)")
    }
}
