import Testing
@testable import SchoolSite

/// What templates are given besides the posts' own text.
@Suite struct PageContextTests {
    @Test(arguments: [("achievement", "Achievement"), ("school-trips", "School trips"), ("year-6-news", "Year 6 news"),
                      ("-", " "), ("éclair-day", "Éclair day")])
    func labelsACategoryAsASentence(_ name: String, _ label: String) {
        #expect(PageContext.label(name) == label)
    }
}
