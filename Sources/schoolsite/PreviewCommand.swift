import ArgumentParser
import Foundation
import SchoolSite
import SchoolSitePreview

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show the site in your browser with drafts and their problems; writes nothing.",
        discussion: """
        Serves the site from memory: every post, drafts, scheduled and expired ones \
        included, with a banner saying its state and, when the build would refuse it, \
        each problem with its line and column. /_preview/ lists every post. Open pages \
        reload when you save a post, the theme or site.yml. Nothing is written to output/.

        It listens on this computer only (127.0.0.1). The preview shows children's \
        names and unapproved posts: give --host only on a network you trust.

        Example:
          schoolsite preview
        """
    )

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOptions: DateOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "PORT"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "IP"))
    var host: String = "127.0.0.1"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be a number from 0 to 65535 (got \(port))") }
    }

    func run() async throws {
        let reporter = Reporter()
        let server: PreviewServer
        do throws(PreviewError) {
            let address = try ListenAddress(host: host, port: UInt16(port))
            if !address.isLoopback {
                reporter.error("warning: listening on \(address.host), so other computers can open the preview. It shows children's names and posts nobody has approved; use it only on a network you trust, and stop it when you are done.")
            }
            server = try await PreviewServer.start(.init(site: siteOptions.site, address: address, date: dateOptions.day))
        } catch {
            if case .site(let failure) = error { throw reporter.fail(failure, date: dateOptions.day) }
            reporter.error("error: \(error)")
            throw ExitCode(ExitStatus.badUsage)
        }
        let url = server.address.url
        // Written straight out, not buffered: whoever started the preview is waiting for the address.
        FileHandle.standardOutput.write(Data("""
        Previewing \(siteOptions.site == "." ? "the site" : siteOptions.site) at \(url)
        Every post with its state and problems: \(url)_preview/
        Pages reload when you save. Nothing is written to output/. Press Ctrl-C to stop.

        """.utf8))
        try await server.waitUntilStopped()
    }
}
