import Testing
@testable import SchoolSite

/// The filter that spares most words of a post a look-up must never rule out a
/// word it was given, and must rule out most others, or it spares nothing.
@Suite struct NameWordFilterTests {
    /// 3,000 made-up name words: "name0" … "name2999".
    static let words = (0..<3000).map { "name\($0)" }

    @Test func everyWordItWasGivenMayBeThere() {
        let filter = NameWordFilter(Self.words)
        for word in Self.words {
            #expect(filter.mayContain(ArraySlice(word.utf8)), "\(word)")
        }
    }

    @Test func apostrophesInTheWordAreLeftOut() {
        let filter = NameWordFilter(["oneill"])
        #expect(filter.mayContain(ArraySlice("o'neill".utf8)))
        #expect(filter.mayContain(ArraySlice("oneill".utf8)))
    }

    @Test func mostOtherWordsAreRuledOut() {
        let filter = NameWordFilter(Self.words)
        let others = (0..<10000).map { "word\($0)" }
        let passed = others.count { filter.mayContain(ArraySlice($0.utf8)) }
        #expect(passed < 200, "\(passed) of 10,000 words not given passed the filter")
    }

    @Test func anEmptyFilterRulesOutEverything() {
        let filter = NameWordFilter([String]())
        #expect(!filter.mayContain(ArraySlice("amelia".utf8)))
    }
}
