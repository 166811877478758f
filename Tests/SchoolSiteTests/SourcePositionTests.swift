import Foundation
import Testing
@testable import SchoolSite

/// cmark counts columns in UTF-8 bytes and forgets the indentation of a
/// paragraph's continuation lines; positions must come out in scalars, as written.
@Suite struct SourcePositionTests {
    func nodes(_ marked: MarkedSource, firstLine: Int = 1) -> [MarkdownNode] {
        let rendered = MarkdownRenderer.render(marked.text, firstLine: firstLine, pageAddress: "https://x.test/p/")
        return rendered.links
    }

    func at(_ node: MarkdownNode) -> String { "\(node.line):\(node.column)" }

    @Test func continuationLineIndentIsCounted() {
        let source = MarkedSource("para\n  ①[a](u)\n")
        #expect(nodes(source).map(at) == [position(source["①"])])
    }

    @Test func quoteAndListContinuationLines() {
        let source = MarkedSource("> quote\n>   more ①[a](u)\n\n- item\n    cont ②![b](c.png)\n")
        #expect(nodes(source).map(at) == [position(source["①"]), position(source["②"])])
    }

    @Test func nonASCIIBeforeTheNodeCountsOnePerScalar() {
        let source = MarkedSource("Zoë’s café — ①[a](u)\n  ☀️ déjà ②[b](u)\n")
        #expect(nodes(source).map(at) == [position(source["①"]), position(source["②"])])
    }

    @Test func bodyLinesAreShiftedByTheFrontMatter() {
        let source = MarkedSource("x\n\n①[a](u)\n")
        #expect(nodes(source, firstLine: 9).map(at) == ["11:\(source["①"].column)"])
    }
}

extension SourcePositionTests {
    /// The links, images and raw HTML gathered in one walk of cmark's tree are in
    /// document order, a link or image before those in its text, those of a quote
    /// nested 300 deep among them, each where it is written.
    @Test func theNodesGatheredByKindAreInDocumentOrder() {
        let deep = String(repeating: ">", count: 300) + " ①![d](d.png) ②[l](u) ③![e](e.png)\n"
        let source = MarkedSource("④![a](a.png) ⑤![outer ⑥![inner](i.png)](o.png) ⑦[⑧![c](c.png) ⑨<b>](k)\n\n⑩<div>x</div>\n\n" + deep + "\n\n⑪![z](z.png) ⑫<i>\n")
        let rendered = MarkdownRenderer.render(source.text, firstLine: 1, pageAddress: "https://x.test/p/")
        #expect(rendered.images.map(\.url) == ["a.png", "o.png", "i.png", "c.png", "d.png", "e.png", "z.png"])
        #expect(rendered.images.map(at) == ["④", "⑤", "⑥", "⑧", "①", "③", "⑪"].map { position(source[$0]) })
        #expect(rendered.links.map(\.url) == ["a.png", "o.png", "i.png", "k", "c.png", "d.png", "u", "e.png", "z.png"])
        #expect(rendered.links.map(at) == ["④", "⑤", "⑥", "⑦", "⑧", "①", "②", "③", "⑪"].map { position(source[$0]) })
        #expect(rendered.rawHTML.map(\.literal) == ["<b>", "<div>x</div>\n", "<i>"])
        #expect(rendered.rawHTML.map(at) == ["⑨", "⑩", "⑫"].map { position(source[$0]) })
    }

    /// An image's alt text is what its text shows, an image's alt text inside it included.
    @Test func anImagesAltTextIsItsPlainText() {
        let rendered = MarkdownRenderer.render("![a *b* `c`\nd ![e](i.png) <x>](o.png) [link ![f](f.png)](u)\n", firstLine: 1, pageAddress: "https://x.test/p/")
        #expect(rendered.images.map(\.plainText) == ["a b c d e ", "e", "f"])
        #expect(rendered.links.map(\.plainText) == ["a b c d e ", "e", "", "f"])
    }

    /// An image inside another image keeps only the start of its alt text: the page
    /// shows it as words of the outer image's alt text, which is kept whole. Nested
    /// 2,000 deep, whole copies would hold 2,000 copies of the text inside them.
    @Test func anImageInsideAnotherKeepsTheStartOfItsAltText() {
        let long = String(repeating: "long words ", count: 60)
        let rendered = MarkdownRenderer.render("![outer ![inner \(long)](i.png) end](o.png)\n", firstLine: 1, pageAddress: "https://x.test/p/")
        #expect(rendered.images.map(\.url) == ["o.png", "i.png"])
        #expect(rendered.images[0].plainText == "outer inner \(long) end")
        #expect(rendered.images[1].plainText == String(("inner " + long).unicodeScalars.prefix(BodyWalker.nestedAltLimit)))
        let depth = 2_000
        let nested = String(repeating: "![x ", count: depth) + "Oliver" + String(repeating: "](a.png)", count: depth)
        let deep = MarkdownRenderer.render(nested + "\n", firstLine: 1, pageAddress: "https://x.test/p/")
        #expect(deep.images.count == depth)
        #expect(deep.images[0].plainText.hasSuffix("x Oliver"))
        #expect(deep.images.dropFirst().allSatisfy { $0.plainText.utf8.count <= BodyWalker.nestedAltLimit + 8 })
    }
}
