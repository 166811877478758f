import Testing
@testable import SchoolSite

/// What templates are given besides the posts' own text.
@Suite struct PageContextTests {
    @Test(arguments: [("achievement", "Achievement"), ("school-trips", "School trips"), ("year-6-news", "Year 6 news"),
                      ("-", " "), ("éclair-day", "Éclair day")])
    func labelsACategoryAsASentence(_ name: String, _ label: String) {
        #expect(PageContext.label(name) == label)
    }

    /// The navigation is made once per root; each page must still get its own root's
    /// links and only its own category marked, whatever page came before it.
    @Test func navigationLinksFromThePageAndMarksItsCategory() throws {
        let context = PageContext(config: try TestSite().load().config)
        let names = ["achievement", "celebration", "update", "reminder"]
        for (root, current) in [("", nil), ("../../", "update"), ("", "reminder"), ("../", nil), ("../../../", "achievement"), ("../../", nil), ("", nil)] as [(String, String?)] {
            let values = context.layout(pageTitle: "T", description: "D", path: "p/", root: root, currentCategory: current, content: "", notice: nil)
            let entries = try #require(values["categories"] as? [ThemeValues])
            #expect(entries.map { ($0["url"] as? ThemeText)?.text } == names.map { "\(root)category/\($0)/" }, "\(root) \(current ?? "-")")
            #expect(entries.map { $0["current"] as? Bool } == names.map { $0 == current }, "\(root) \(current ?? "-")")
        }
    }
}
