import Foundation
import Testing
@testable import SchoolSite

/// Days are written into every page, the feed and the build cache.
@Suite struct DayTests {
    @Test(arguments: ["2024-06-14", "2024-02-29", "0999-01-01", "2026-12-31"])
    func writesTheDayItWasReadFrom(_ text: String) throws {
        #expect(try #require(Day(iso: text)).description == text)
    }

    @Test(arguments: ["2024-6-14", "2023-02-29", "2024-13-01", "24-06-14", "2024-06-14 "])
    func refusesWhatIsNotARealDay(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        ("Europe/London", "2024-06-14", "2024-06-14T00:00:00+01:00"),
        ("Europe/London", "2024-01-05", "2024-01-05T00:00:00+00:00"),
        ("America/St_Johns", "2024-01-05", "2024-01-05T00:00:00-03:30"),
        ("Asia/Kolkata", "2024-01-05", "2024-01-05T00:00:00+05:30"),
    ])
    func givesMidnightWithTheZonesOffset(_ zone: String, _ day: String, _ expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect(try #require(Day(iso: day)).rfc3339Midnight(in: timeZone) == expected)
    }

    @Test func todayIsTheDayInTheZone() throws {
        let now = Date(timeIntervalSince1970: 1_718_319_600) // 2024-06-13 23:00 UTC
        #expect(Day.today(in: try #require(TimeZone(identifier: "Europe/London")), now: now).description == "2024-06-14")
        #expect(Day.today(in: try #require(TimeZone(identifier: "UTC")), now: now).description == "2024-06-13")
    }
}
