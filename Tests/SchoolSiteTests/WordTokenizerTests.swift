import Testing
@testable import SchoolSite

/// The tokenizer asks the name filter about a plain ASCII word by a hash taken
/// as it reads, and about any other word by its gathered bytes. Either way the
/// filter must keep exactly the words whose key or parts it may contain, and
/// the words kept must be the ones made without a filter, positions and
/// ordinals included.
@Suite struct WordTokenizerTests {
    static let pieces = ["amelia", "Amelia", "SMITH", "smith", "O", "'", "’", "Neill", "s", "zoë", "ZOË", "e\u{301}", "\u{00AD}",
                         "\u{200B}", "Аmelia", "ＡＭＥＬＩＡ", "ß", "Mc", "Donald", "x2", "9", "Z0e", "1", " ", "-", "_", ".", "#", "/", "日本", "😀"]
    static let filter = NameWordFilter(["amelia", "smith", "oneill", "neill", "zoe", "donald", "mc", "ameliasmith", "mcdonald", "x2"])

    @Test(arguments: [1, 2, 3] as [UInt64])
    func filteringKeepsExactlyTheWordsTheFilterMayContain(seed: UInt64) {
        var random = GeneratedPostsTests.SeededGenerator(state: seed)
        var tokenizer = WordTokenizer()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let all = tokenizer.words(in: text)
            let expected = all.filter { word in
                ([word.key] + word.parts + word.lookalikes).contains { Self.filter.mayContain(ArraySlice($0.utf8)) }
            }
            let kept = tokenizer.words(in: text, keeping: Self.filter)
            #expect(kept.map(\.key) == expected.map(\.key), "\(text.debugDescription)")
            #expect(kept.map(\.parts) == expected.map(\.parts), "\(text.debugDescription)")
            #expect(kept.map(\.lookalikes) == expected.map(\.lookalikes), "\(text.debugDescription)")
            #expect(kept.map { [$0.start, $0.end, $0.ordinal] } == expected.map { [$0.start, $0.end, $0.ordinal] }, "\(text.debugDescription)")
        }
    }

    @Test func aWordReadsTheSameWhetherPlainOrNot() {
        var tokenizer = WordTokenizer()
        // Plain, with an apostrophe, with a letter outside ASCII, and across an invisible character.
        #expect(tokenizer.words(in: "Amelia amelia's Amélia Ame\u{00AD}lia").map(\.key) == ["amelia", "amelia", "amelia", "amelia"])
        #expect(tokenizer.words(in: "Ame\u{00AD}lia").map { [$0.start, $0.end] } == [[0, 7]])
        #expect(tokenizer.words(in: "#AmeliaSmith").map(\.parts) == [["amelia", "smith"]])
    }

    @Test func digitsReadAsLettersOnlyInWordsWithLetters() {
        var tokenizer = WordTokenizer()
        let readings = Dictionary(uniqueKeysWithValues: tokenizer.words(in: "0liver Is1a 2024 10 Y6 4th x2 O'Ne1ll's").map { ($0.key, $0.lookalikes) })
        #expect(readings == ["0liver": ["oliver"], "is1a": ["isla", "isia"], "2024": [], "10": [], "y6": [], "4th": ["ath"], "x2": [],
                             "one1ll": ["onelll", "oneill"]])
    }
}
