import Foundation
import Testing
@testable import SchoolSite

/// Every rule of SPEC §6 (but approvals and image formats, tested on their own):
/// it fires, with its id, file, line and column, and a near miss does not.
@Suite struct PolicyRuleTests {
    static let file = "content/posts/2024-06-14-post/index.md"

    func front(people: String = "[]", photos: String = "{}", extra: String = "") -> String {
        "---\ntitle: Sports day\ndate: 2024-06-14\nauthor: Mrs A. Patel\ncategory: update\npeople: \(people)\nphotos: \(photos)\n\(extra)---\n"
    }

    @Test func frontMatterMissingKeyFiresAtTheMapping() throws {
        let found = try diagnostics(forPost: "---\ntitle: Hi\ndate: 2024-06-14\nauthor: A\ncategory: update\nphotos: {}\n---\nBody\n")
        #expect(found.with(rule: "post.front-matter").map(\.description) == [
            "\(Self.file):2:1: error[post.front-matter] required key `people` is missing; list everyone the post features by register id, or write `people: []`",
        ])
    }

    @Test func frontMatterUnknownKeyBadDateAndNullTitle() throws {
        let source = MarkedSource("---\n①title: ~\ndate: ②2024-13-01\nauthor: A\ncategory: update\npeople: []\nphotos: {}\n③summery: typo\n---\nBody\n")
        let found = try diagnostics(forPost: source.text).with(rule: "post.front-matter")
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["①", "②", "③"].map { position(source[$0]) })
        #expect(found.contains { $0.message.contains("`summery`") && $0.message.contains("did you mean `summary`") })
        #expect(found.contains { $0.message.contains("2024-13-01") })
    }

    @Test func frontMatterNotYAMLAndNotClosed() throws {
        let broken = try diagnostics(forPost: "---\ntitle: [unclosed\ndate: 2024-06-14\n---\nBody\n")
        // libyaml finds the unclosed `[` where the next key starts; nothing else is reported.
        #expect(broken.with(rule: "post.front-matter").map(\.location.line) == [3])
        #expect(broken.first?.message.hasPrefix("is not valid YAML") == true)
        let unclosed = try diagnostics(forPost: "---\ntitle: x\n")
        #expect(unclosed.with(rule: "post.front-matter").first?.message.contains("never closed") == true)
    }

    /// The YAML mistakes staff make most say what to do, at the line to change.
    @Test func frontMatterYAMLMistakesSayWhatToDo() throws {
        let colon = try diagnostics(forPost: front(extra: "summary: Results: a sunny day\n") + "Body\n")
        #expect(colon.map(\.description) == [
            "\(Self.file):8:17: error[post.front-matter] is not valid YAML: mapping values are not allowed in this context; "
                + "a value that holds `: ` must be in quotes, as in `title: \"Year 3: relay winners\"`, and the keys of one mapping must start in the same column",
        ])
        // `named:` one space short of `id:`, and one space past it.
        let short = try diagnostics(forPost: front(people: "\n  - id: P0001\n   named: true") + "Body\n")
        #expect(short.count == 1)
        #expect(short.first?.message.hasSuffix("; check the indentation: the keys of one mapping, and the `-` of one list, must start in the same column") == true)
        let past = try diagnostics(forPost: front(people: "\n  - id: P0001\n     named: true") + "Body\n")
        #expect(past.first?.message.hasSuffix("and the keys of one mapping must start in the same column") == true)
        let quoted = try diagnostics(forPost: front(extra: "summary: \"Results: a sunny day\"\n") + "Body\n")
        #expect(quoted.isEmpty)
        // Quotes that end before the value does, and an apostrophe inside '…'.
        for summary in ["\"Reading Week\" ends with a visit", "'Year 3's relay'"] {
            let found = try diagnostics(forPost: front(extra: "summary: \(summary)\n") + "Body\n")
            #expect(found.first?.message.contains("a value in quotes must be quoted whole") == true, "\(summary)")
        }
        let tab = try diagnostics(forPost: front(people: "\n  - id: P0001\n\tnamed: true") + "Body\n")
        #expect(tab.first?.message.hasSuffix("; indent with spaces, not tabs") == true)
    }

    /// A key given twice is reported where it is given again, naming the first.
    @Test func frontMatterDuplicateKeyAtTheRepeat() throws {
        let found = try diagnostics(forPost: front(extra: "title: Again\n") + "Body\n")
        #expect(found.map(\.description) == [
            "\(Self.file):8:1: error[post.front-matter] the key `title` is given more than once (first on line 2); keep one",
        ])
        // Written `named :`, the repeat is not found by its line, and the search stops at the
        // end of the list entry: the next person's `named:` is not it. The first is named.
        let entry = try diagnostics(forPost: front(people: "\n  - id: P0001\n    named: true\n    named : false\n  - id: P0002\n    named: true") + "Body\n")
        #expect(entry.map(\.location.line) == [8])
        #expect(entry.first?.message.hasPrefix("the key `named` is given more than once (first on line 8)") == true)
        // In a `{…}` mapping the repeat is not on a line of its own: the first is named.
        let flow = try diagnostics(forPost: front(people: "[{id: P0001, id: P0002}]") + "Body\n")
        #expect(flow.map(\.location.line) == [6])
        #expect(flow.first?.message.hasPrefix("the key `id` is given more than once (first on line 6)") == true)
    }

    /// A front matter mistake hides no finding in the body or the files (SPEC §6: all violations, never only the first).
    @Test func frontMatterMistakeHidesNoBodyFinding() throws {
        let source = MarkedSource("---\ntitle: T\ndate: 2024-06-14\n①author: \ncategory: update\npeople: []\nphotos: {}\n---\n②![Gone](gone.png) and ③<b>bold</b>\n")
        let found = try diagnostics(forPost: source.text)
        #expect(found.positions(of: "post.front-matter") == [position(source["①"])])
        #expect(found.positions(of: "image.missing") == [position(source["②"])])
        #expect(found.positions(of: "post.raw-html").first == position(source["③"]))
        // The rules that read the front matter wait until it can be read: `gone.png` is not under `photos`.
        #expect(found.with(rule: "image.undeclared").isEmpty)
        #expect(try diagnostics(forPost: source.text.replacingOccurrences(of: "author: ", with: "author: A")).with(rule: "image.undeclared").count == 1)
        // A post changed after approval is still found stale.
        let slug = "2024-06-14-post"
        let site = try TestSite(TestSite.post(slug, front() + "Hello.\n"))
        try site.write("content/posts/\(slug)/index.md", Data((front().replacingOccurrences(of: "author: Mrs A. Patel", with: "author:") + "Hello.\n").utf8))
        let changed = Evaluation.evaluate(try site.load(), on: Day(iso: "2024-09-02")!, for: .review).diagnostics
        #expect(changed.map(\.rule).sorted() == ["approval.stale", "post.front-matter"])
    }

    @Test func validFrontMatterHasNoFinding() throws {
        #expect(try diagnostics(forPost: front() + "Hello.\n").isEmpty)
    }

    /// YAML's unquoted words for true and false are read as such; a quoted one is text.
    @Test func namedIsTrueOrFalseAsYAMLWritesThem() throws {
        for word in ["true", "True", "yes", "on", "false", "NO", "Off"] {
            let found = try diagnostics(forPost: front(people: "[{id: P0001, named: \(word)}]") + "Hello.\n")
            #expect(found.with(rule: "post.front-matter").isEmpty, "named: \(word)")
        }
        for value in ["\"true\"", "'yes'", "maybe", "1", "tRuE"] {
            let found = try diagnostics(forPost: front(people: "[{id: P0001, named: \(value)}]") + "Hello.\n")
            #expect(found.with(rule: "post.front-matter").map(\.message) == ["`named` must be true or false"], "named: \(value)")
        }
    }

    @Test func categoryOutsidePolicy() throws {
        let source = MarkedSource("---\ntitle: T\ndate: 2024-06-14\nauthor: A\ncategory: ①news\npeople: []\nphotos: {}\n---\nx\n")
        #expect(try diagnostics(forPost: source.text).positions(of: "post.category") == [position(source["①"])])
        #expect(try diagnostics(forPost: front() + "x\n").with(rule: "post.category").isEmpty)
    }

    @Test func rawHTMLBlockAndInline() throws {
        let source = MarkedSource(front() + "①<div>hi</div>\n\nText ②<b>bold③</b> end.\n")
        #expect(try diagnostics(forPost: source.text).positions(of: "post.raw-html") == ["①", "②", "③"].map { position(source[$0]) })
        // An escaped tag and a tag in a code span are text, not HTML.
        #expect(try diagnostics(forPost: front() + "Use \\<b> or `<b>` to write it.\n").with(rule: "post.raw-html").isEmpty)
    }

    @Test func unsafeLinkSchemes() throws {
        let source = MarkedSource(front() + "See ①[this](javascript:alert(1)) and ②[that](JAVA%09SCRIPT:x) and ③[d](data:text/html,x) ④[v](vbscript:x) ⑤[f](file:///etc/passwd).\n")
        let found = try diagnostics(forPost: source.text).positions(of: "post.unsafe-link")
        // A percent-encoded tab is not stripped by browsers: `JAVA%09SCRIPT:` is no scheme.
        #expect(found == ["①", "③", "④", "⑤"].map { position(source[$0]) })
        #expect(try diagnostics(forPost: front() + "See [the news](https://example.com/javascript-tips).\n").with(rule: "post.unsafe-link").isEmpty)
    }

    @Test(arguments: [
        ("javascript:alert(1)", "javascript"), ("JavaScript:x", "javascript"), (" java\tscript:x", "javascript"),
        ("java\u{0}scr\u{7F}ipt:x", "javascript"), ("javascript:\u{0301}alert(1)", "javascript"), ("DATA:text/html,x", "data"),
        ("VBScript:x", "vbscript"), ("file:///etc/passwd", "file"), ("\ndata:x", "data"),
    ])
    func unsafeSchemeFound(url: String, scheme: String) {
        #expect(UnsafeLinkRule.unsafeScheme(of: url) == scheme)
    }

    @Test(arguments: ["https://example.com/javascript:x", "mailto:office@example.com", "jävascript:x", "javascripts:x",
                      "java-script:x", "data", "", "photo.jpg", "//example.com/data:x", "javascript", "ｊavascript:x"])
    func unsafeSchemeNotFound(url: String) {
        #expect(UnsafeLinkRule.unsafeScheme(of: url) == nil)
    }

    @Test func unknownPerson() throws {
        let source = MarkedSource(front(people: "[①P9999, P0001]", photos: "{a.png: [②P8888]}") + "![x](a.png)\n")
        let found = try diagnostics(forPost: source.text, binary: ["content/posts/2024-06-14-post/a.png": TestSite.png])
        #expect(found.positions(of: "people.unknown") == [position(source["①"]), position(source["②"])])
        #expect(try diagnostics(forPost: front(people: "[P0001]") + "x\n").with(rule: "people.unknown").isEmpty)
    }

    @Test func undeclaredPerson() throws {
        let source = MarkedSource(front(people: "[P0001]", photos: "{a.png: [P0001, ①P0002]}") + "![Kids](a.png)\n")
        let found = try diagnostics(forPost: source.text, binary: ["content/posts/2024-06-14-post/a.png": TestSite.png])
        #expect(found.positions(of: "people.undeclared") == [position(source["①"])])
        let fine = front(people: "[P0001, P0002]", photos: "{a.png: [P0001, P0002]}") + "![Kids](a.png)\n"
        #expect(try diagnostics(forPost: fine, binary: ["content/posts/2024-06-14-post/a.png": TestSite.png]).isEmpty)
    }

    @Test func photoConsentOnlyForShownImages() throws {
        // P0003 has no photo consent; P0005's consent ended 2025-07-31.
        let source = MarkedSource(front(people: "[P0001, P0003, P0005]", photos: "{a.png: [P0001, ①P0003, ②P0005], unused.png: [P0003]}") + "![Kids](a.png)\n")
        let images = ["content/posts/2024-06-14-post/a.png": TestSite.png]
        let early = try diagnostics(forPost: source.text, date: "2025-07-31", binary: images)
        #expect(early.positions(of: "consent.photo") == [position(source["①"])])
        #expect(early.with(rule: "consent.photo").first?.message == "P0003 is pictured in a.png but has no photo consent on 2025-07-31")
        let late = try diagnostics(forPost: source.text, date: "2025-08-01", binary: images)
        #expect(late.positions(of: "consent.photo") == [position(source["①"]), position(source["②"])])
    }

    @Test func nameConsent() throws {
        let source = MarkedSource(front(people: "[{id: P0001, named: true}, {id: ①P0002, named: true}, {id: P0003}]") + "Well done.\n")
        #expect(try diagnostics(forPost: source.text).positions(of: "consent.name") == [position(source["①"])])
    }

    @Test func doNotPublish() throws {
        let source = MarkedSource(front(people: "[P0001, ①P0004]") + "Well done.\n")
        #expect(try diagnostics(forPost: source.text).positions(of: "consent.do-not-publish") == [position(source["①"])])
        #expect(try diagnostics(forPost: front(people: "[P0001]") + "x\n").with(rule: "consent.do-not-publish").isEmpty)
    }

    @Test func redactionNameAndFullName() throws {
        let source = MarkedSource(front(people: "[P0002]") + "Well done ①Oliver and ②Amelia Smith!\n")
        let found = try diagnostics(forPost: source.text)
        #expect(found.positions(of: "redaction.name") == [position(source["①"]), position(source["②"])] || found.positions(of: "redaction.name").count == 3)
        #expect(found.positions(of: "redaction.full-name") == [position(source["②"])])
        #expect(found.with(rule: "redaction.name").allSatisfy { !$0.message.contains("Oliver") && !$0.message.contains("Amelia") })
        let named = try diagnostics(forPost: front(people: "[{id: P0001, named: true}]") + "Well done Amelia!\n")
        #expect(named.with(rule: "redaction.name").isEmpty)
    }

    @Test func fullNameAllowedWithNameConsentPolicy() throws {
        let body = front(people: "[{id: P0001, named: true}]") + "Well done Amelia Smith!\n"
        let files = ["site.yml": TestSite.siteYAML.replacingOccurrences(of: "pupil_full_names: forbid", with: "pupil_full_names: allow-with-name-consent")]
        #expect(try diagnostics(forPost: body, files: files).isEmpty)
        #expect(try diagnostics(forPost: body).with(rule: "redaction.full-name").count == 1)
    }

    @Test func imageUndeclaredMissingAltAndCover() throws {
        let source = MarkedSource(front(photos: "{a.png: []}", extra: "cover: ③gone.png\n") + "①![](a.png) and ②![Cake](b.png)\n")
        let found = try diagnostics(forPost: source.text, binary: ["content/posts/2024-06-14-post/a.png": TestSite.png])
        #expect(found.positions(of: "image.alt") == [position(source["①"])])
        #expect(found.positions(of: "image.undeclared") == [position(source["③"]), position(source["②"])])
        #expect(found.positions(of: "image.missing") == [position(source["③"]), position(source["②"])])
        let fine = front(photos: "{a.png: []}", extra: "cover: a.png\n") + "![Cake](a.png)\n"
        #expect(try diagnostics(forPost: fine, binary: ["content/posts/2024-06-14-post/a.png": TestSite.png]).isEmpty)
    }

    @Test func imageOutsideThePostFolder() throws {
        // ⑥: `/` then a combining mark is one Character, but the file system still climbs out with `..`.
        let source = MarkedSource(front(photos: "{a.png: []}") + "①![a](../other/a.png) ②![b](/etc/a.png) ③![c](https://x.test/a.png) ④![d](//x.test/a.png) ⑤![e](link.png) ⑥![f](../\u{301}x.png)\n")
        let site = try TestSite(TestSite.post("2024-06-14-post", source.text, approved: false),
                                binary: ["content/secret.png": TestSite.png, "content/posts/\u{301}x.png": TestSite.png])
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/posts/2024-06-14-post/link.png").path,
                                                   withDestinationPath: site.root.appendingPathComponent("content/secret.png").path)
        let found = Evaluation.evaluate(try site.load(), on: Day(iso: "2024-09-02")!, for: .review).diagnostics
        #expect(found.positions(of: "image.outside") == ["①", "②", "③", "④", "⑤", "⑥"].map { position(source[$0]) })
        #expect(found.positions(of: "image.missing").isEmpty)
        // No advice to declare a path or an address the post cannot show; a link keeps its name.
        let undeclared = found.with(rule: "image.undeclared")
        #expect(undeclared.count == 6)
        #expect(undeclared.filter { $0.message.contains("once the photo is a file in the post folder, shown by its file name, add `FILE-NAME:") }
            .map { "\($0.location.line):\($0.location.column)" } == ["①", "②", "③", "④", "⑥"].map { position(source[$0]) })
        #expect(undeclared.contains { $0.message.hasSuffix("; add `link.png: [ids of everyone visible]`, or `[]` if nobody is") })
    }
}

extension PolicyRuleTests {
    @Test func imageFormatIsJudgedByTheBytes() throws {
        let source = MarkedSource(front(photos: "{fake.jpg: [], cut.png: [], good.png: []}") + "①![a](fake.jpg) ②![b](cut.png) ![c](good.png)\n")
        let folder = "content/posts/2024-06-14-post/"
        let found = try diagnostics(forPost: source.text, binary: [
            folder + "fake.jpg": Data("<html>not a photo</html>".utf8),
            folder + "cut.png": TestSite.png.prefix(30),
            folder + "good.png": TestSite.png,
        ])
        #expect(found.positions(of: "image.format") == [position(source["①"]), position(source["②"])])
        #expect(found.with(rule: "image.format").first?.message.contains("is not a JPEG, PNG, GIF or WebP image") == true)
    }
}

extension PolicyRuleTests {
    @Test func aMissingImageThatDiffersOnlyInCaseIsNamed() throws {
        let source = front(photos: "{Volcano.JPG: []}") + "![A volcano](Volcano.JPG)\n"
        let found = try diagnostics(forPost: source, binary: ["content/posts/2024-06-14-post/volcano.jpg": TestSite.png])
        #expect(found.with(rule: "image.missing").first?.message.contains("did you mean `volcano.jpg`?") == true)
    }

    /// An image name is read by its bytes, as the browser asks for it: a byte-order
    /// mark before it names another file, and a `:` is one even with a mark on it.
    @Test func anImageNameIsReadByItsBytes() throws {
        let image = ["content/posts/2024-06-14-post/relay.png": TestSite.png]
        let bom = try diagnostics(forPost: front(photos: "{\"\u{FEFF}relay.png\": []}") + "![A relay](\u{FEFF}relay.png)\n", binary: image)
        #expect(bom.map(\.rule).contains("image.missing"))
        let colon = try diagnostics(forPost: front(photos: "{\"re:\u{0301}lay.png\": []}") + "![A relay](re:\u{0301}lay.png)\n", binary: image)
        #expect(colon.map(\.rule) == ["image.outside"])
    }

    /// `é` as one character and as `e` with a combining mark are equal Strings but two
    /// file names: each image is looked up, checked and approved as the file it names.
    @Test func twoSpellingsOfOneImageNameAreTwoFiles() throws {
        let (composed, decomposed) = ("caf\u{E9}.png", "cafe\u{301}.png")
        let folder = "content/posts/2024-06-14-post/"
        let post = front(photos: "{\(composed): []}") + "![A cup](\(composed)) ![Another cup](\(decomposed))\n"
        let site = try TestSite(TestSite.post("2024-06-14-post", post, approved: false), binary: [folder + composed: TestSite.png])
        let check = { Evaluation.evaluate(try site.load(), on: Day(iso: "2024-09-02")!, for: .review).diagnostics }
        #expect(try check().with(rule: "image.missing").count == 1)
        // A String-keyed dictionary cannot hold both names: the second file is written by its path.
        try Data("not a photo".utf8).write(to: site.root.appendingPathComponent(folder + decomposed))
        let found = try check()
        #expect(found.with(rule: "image.missing").isEmpty)
        #expect(found.with(rule: "image.format").count == 1)
    }
}

extension PolicyRuleTests {
    @Test func aPostFolderNamedLikeOneOfTheSitesOwnFoldersIsRefused() throws {
        let taken = try diagnostics(forPost: front() + "Hello.\n", slug: "assets")
        #expect(taken.map(\.description) == [
            "content/posts/assets:1:1: error[post.slug] the folder name `assets` is taken by the site's own assets/ folder; rename the post folder, e.g. 2024-06-14-assets",
        ])
        #expect(try diagnostics(forPost: front() + "Hello.\n", slug: "2024-06-14-assets").isEmpty)
    }
}

extension PolicyRuleTests {
    @Test(arguments: ["Sports-day", "-sports-day", "sports-day-", "sports--day", "sports_day", "sports day", "spörts-day", "sports-day\u{0301}"])
    func aPostFolderNameThatIsNoSlugIsRefused(slug: String) throws {
        let found = try diagnostics(forPost: front() + "Hello.\n", slug: slug)
        #expect(found.map(\.description) == [
            "content/posts/\(slug):1:1: error[post.slug] the folder name `\(slug)` is not a valid slug: use lower-case letters, digits and single hyphens, e.g. 2024-06-14-sports-day",
        ])
    }

    @Test(arguments: ["a", "7", "2024-06-14-sports-day", "year-6-leavers-2025"])
    func aPostFolderNameThatIsASlugIsTaken(slug: String) throws {
        #expect(try diagnostics(forPost: front() + "Hello.\n", slug: slug).isEmpty)
    }
}
