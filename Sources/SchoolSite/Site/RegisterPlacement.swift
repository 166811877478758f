import Foundation

/// Where `register:` in site.yml must not point. The register is part of the
/// site (SPEC §2), so it must not lead outside the site folder. It is never
/// published (SPEC §8), so it must not be in a theme folder, whose static files
/// every build copies to assets/, nor in the output folder, which is published
/// and which every build replaces.
enum RegisterPlacement {
    /// The problem with a register at `path` (site-relative) for a site built into `output`; nil when there is none.
    /// - Parameter location: where site.yml gives the path.
    static func diagnostic(for path: String, at location: SourceLocation, in site: SiteDirectory, output: URL) -> Diagnostic? {
        let register = site.url(path)
        let message: String
        if path.utf8.contains(0) {
            // The system reads a path only up to a NUL: these checks would judge one file and the build open another.
            message = "`register` holds a NUL character (`\\0`), which no file name can: the system would read the path only up to it. Write the path without it, e.g. content/register.csv"
        } else if !staysInsideSite(path) {
            message = "`register` must be a path inside the site folder, written from there, e.g. content/register.csv; found `\(path)`, which leads outside it. Move the consent register into the site folder and give its path from there"
        } else if isInside(register, site.url("themes")) {
            message = "`register` must not point inside themes/: a theme's files are published with the site, and the consent register never is; keep it at content/register.csv"
        } else if isInside(register, output) {
            message = "`register` must not point inside the output folder \(output.path): that folder is published, and replaced by every build; keep the consent register at content/register.csv"
        } else {
            return nil
        }
        return .error("config.invalid", at: location, message)
    }

    /// The site folder joins an absolute path onto itself (`/tmp/reg.csv` would be
    /// looked for as SITE/tmp/reg.csv); `../reg.csv` climbs out. `content/../themes/…`
    /// stays inside, and is judged by where it leads.
    private static func staysInsideSite(_ path: String) -> Bool {
        guard !path.hasPrefix("/") else { return false }
        var depth = 0
        for component in path.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            if depth < 0 { return false }
        }
        return true
    }

    /// Whether `file` lies inside `folder`, by name (`content/../themes/…` is in
    /// themes/) or once symlinks are resolved (a linked content/ into the theme).
    private static func isInside(_ file: URL, _ folder: URL) -> Bool {
        isBelow(file.standardizedFileURL.path, folder.standardizedFileURL.path)
            || isBelow(file.resolvingSymlinksInPath().path, folder.resolvingSymlinksInPath().path)
    }

    /// Compared by bytes, as the file system tells names apart.
    private static func isBelow(_ path: String, _ folder: String) -> Bool {
        path.utf8.starts(with: (folder.hasSuffix("/") ? folder : folder + "/").utf8)
    }
}
