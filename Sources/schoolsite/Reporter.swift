import ArgumentParser
import Foundation
import SchoolSite

/// Prints what the library found and picks the exit code; the only place that does.
struct Reporter {
    var format: OutputFormat = .text
    var quiet = false

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func info(_ line: String) {
        guard !quiet, format == .text else { return }
        print(line)
    }

    /// Prints the diagnostics (errors always; warnings unless quiet) or the JSON report.
    func show(_ report: BuildReport) {
        if format == .json {
            print(report.json)
            return
        }
        for diagnostic in report.diagnostics where !(quiet && diagnostic.severity == .warning) {
            error(diagnostic.description)
        }
    }

    /// Loads the site, or prints why it cannot be loaded and exits 2.
    func loadSite(at path: String, date: Day? = nil) throws -> Site {
        do {
            return try Site.load(at: path)
        } catch {
            throw fail(error, date: date)
        }
    }

    /// A site that could not be loaded, or an output that could not be written: exit 2 (75 for the lock).
    func fail(_ failure: SiteError, date: Day?) -> ExitCode {
        if format == .json {
            print(BuildReport(failure: failure, date: date).json)
        } else {
            for diagnostic in failure.diagnostics { error(diagnostic.description) }
        }
        switch failure.kind {
        case .buildLocked: return ExitCode(ExitStatus.locked)
        case .invalidSite, .outputFailed: return ExitCode(ExitStatus.badUsage)
        }
    }
}
