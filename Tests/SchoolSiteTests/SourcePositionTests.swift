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
    /// The nodes gathered by kind while the tree is copied are the tree's, in
    /// document order: a link or image before those in its text, and those of a
    /// subtree nested too deep to copy whole among them.
    @Test func theNodesGatheredByKindAreTheTreesInDocumentOrder() {
        let deep = String(repeating: ">", count: 300) + " ![d](d.png) [l](u) ![e](e.png)\n"
        let body = "![a](a.png) ![outer ![inner](i.png)](o.png) [![c](c.png) <b>](k)\n\n<div>x</div>\n\n" + deep + "\n\n![z](z.png) <i>\n"
        let rendered = MarkdownRenderer.render(body, firstLine: 1, pageAddress: "https://x.test/p/")
        #expect(rendered.images.map(\.url) == ["a.png", "o.png", "i.png", "c.png", "d.png", "e.png", "z.png"])
        #expect(rendered.links.map(\.url) == ["a.png", "o.png", "i.png", "k", "c.png", "d.png", "u", "e.png", "z.png"])
        #expect(rendered.rawHTML.map(\.literal) == ["<b>", "<div>x</div>\n", "<i>"])
        for (gathered, kinds) in [(rendered.images, [MarkdownNode.Kind.image]), (rendered.links, [.link, .image]), (rendered.rawHTML, [.htmlBlock, .htmlInline])] {
            let walked = Self.walk(rendered.document).filter { kinds.contains($0.kind) }
            #expect(gathered.map(ObjectIdentifier.init) == walked.map(ObjectIdentifier.init))
        }
    }

    /// Every node of the tree, depth first, each before its children.
    static func walk(_ node: MarkdownNode) -> [MarkdownNode] {
        [node] + node.children.flatMap(walk)
    }
}
