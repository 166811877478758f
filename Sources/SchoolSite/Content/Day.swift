import Foundation

/// A calendar day in the site's time zone (`YYYY-MM-DD`), with no time of day.
///
/// Publication, expiry and consent dates are whole days; keeping them apart
/// from `Date` means no build ever depends on the machine's own time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses a strict `YYYY-MM-DD` that names a real day; nil otherwise.
    public init?(iso text: String) {
        // Byte by byte: every post has dates, and the build cache holds several per post.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today as seen in `timeZone`.
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(iso: "\(padded(parts.year ?? 1970, to: 4))-\(padded(parts.month ?? 1, to: 2))-\(padded(parts.day ?? 1, to: 2))")!
    }

    // Not String(format:): a build writes several dates per post, and formatting through Foundation cost 2 % of it.
    public var description: String { "\(Self.padded(year, to: 4))-\(Self.padded(month, to: 2))-\(Self.padded(day, to: 2))" }

    /// `value` in decimal, with leading zeros to at least `width` digits.
    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// "14 June 2024", as dates are written in UK schools.
    public var longDisplay: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    /// Midnight at the start of this day in `timeZone`, as RFC 3339 with that zone's offset.
    public func rfc3339Midnight(in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
        let seconds = timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let offset = "\(sign)\(Self.padded(abs(seconds) / 3600, to: 2)):\(Self.padded(abs(seconds) % 3600 / 60, to: 2))"
        return "\(description)T00:00:00\(offset)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
