import Foundation

/// File systems keep times as coarsely as 2 s, so an entry added to a folder in
/// the same tick as its last change can leave the folder's times as they were.
/// A folder is judged unchanged by its times only when that change was longer
/// ago than a tick; one changed more recently is listed instead.
enum ClockTick {
    static let span: Int64 = 2_000_000_000

    /// The time (nanoseconds since 1970) after which a change is recent.
    static func recentSince() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - span
    }
}
