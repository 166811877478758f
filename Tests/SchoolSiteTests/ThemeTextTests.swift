import Mustache
import Testing
@testable import SchoolSite

/// Templates must not be able to tell a `ThemeText` from the String it holds.
@Suite struct ThemeTextTests {
    @Test(arguments: ["a < b & \"c\"", "", "Zoë"])
    func rendersAsItsString(_ text: String) throws {
        let template = try MustacheTemplate(string:
            "[{{x}}] [{{{x}}}] [{{uppercased(x)}}] [{{#x}}set{{/x}}] [{{^x}}unset{{/x}}] [{{#empty(x)}}empty{{/empty(x)}}] [{{#x}}{{x}}{{/x}}]")
        #expect(template.render(["x": ThemeText(text)]) == template.render(["x": text]))
    }
}
