import Foundation
import SchoolSite

/// Notices a saved change under content/, themes/ or to site.yml by comparing
/// each file's modification time and size with the previous look: simple,
/// portable, and cheap for a school site's few hundred files.
struct ChangeWatcher: Sendable {
    /// What is compared: a file's modification time (to the nanosecond) and size.
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    static let watched = ["site.yml", "content", "themes"]

    let directory: SiteDirectory

    /// Every watched file and folder with its stamp. Hidden files and editor
    /// backups (`.index.md.swp`, `index.md~`) are left out: editors rewrite
    /// them while typing, and the site never uses them.
    func look() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in Self.watched {
            record(root, into: &stamps)
            guard directory.isDirectory(root),
                  let enumerator = FileManager.default.enumerator(atPath: directory.path(root)) else { continue }
            for case let relative as String in enumerator {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") {
                    if directory.isDirectory("\(root)/\(relative)") { enumerator.skipDescendants() }
                    continue
                }
                record("\(root)/\(relative)", into: &stamps)
            }
        }
        return stamps
    }

    private func record(_ path: String, into stamps: inout [String: Stamp]) {
        var info = stat()
        guard stat(directory.path(path), &info) == 0 else { return }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        stamps[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size))
    }
}
