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
                ([word.key] + word.parts + word.readings.flatMap { [$0.key] + $0.parts }).contains { Self.filter.mayContain(ArraySlice($0.utf8)) }
            }
            let kept = tokenizer.words(in: text, keeping: Self.filter)
            #expect(kept.map(\.key) == expected.map(\.key), "\(text.debugDescription)")
            #expect(kept.map(\.parts) == expected.map(\.parts), "\(text.debugDescription)")
            #expect(kept.map(\.readings) == expected.map(\.readings), "\(text.debugDescription)")
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

    /// Each word's readings with its digits as letters, as "key: part part", or the key alone.
    func readings(_ text: String) -> [String: [String]] {
        var tokenizer = WordTokenizer()
        return Dictionary(tokenizer.words(in: text).map { word in
            (word.key, word.readings.map { $0.parts.isEmpty ? $0.key : "\($0.key): \($0.parts.joined(separator: " "))" })
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test func digitsAreReadAsLettersInWordsLongEnoughToBeNames() {
        #expect(readings("0liver Gr4ce 1s1a O'Ne1ll's") == [
            "0liver": ["oliver"], "gr4ce": ["grace"], "1s1a": [], "one1ll": ["onelll", "oneill"],
        ])
    }

    /// Each way of reading the `1`s, cut as camel case and around digits left as digits,
    /// then also with each digit read after a letter starting a part (as a capital would).
    @Test func aReadingIsCutIntoPartsAsCamelCaseAndNumbersAre() {
        #expect(readings("Y4Is1a")["y4is1a"] == ["yaisla: y4 isla", "yaisla: yais 1a", "yaisia: y4 isia", "yaisia: yais 1a"])
        #expect(readings("Is1aRocks")["is1arocks"] == ["islarocks: isla rocks", "islarocks", "isiarocks: isia rocks", "isiarocks"])
        #expect(readings("Is1a2024")["is1a2024"] == ["is1a2024: isla 2 0 2 4", "is1a2024: isia 2 0 2 4"])
        #expect(readings("WellDone0liver")["welldone0liver"] == ["welldoneoliver: well doneoliver", "welldoneoliver: well done oliver"])
    }

    /// Read, these would be the names Ava, Ed, Sam, Tom and Liam: too short, or no more letters than digits.
    @Test func numbersAndShortCodesAreNotRead() {
        #expect(readings("2024 10 Y6 4th 1st 3D 5am 70m 4v4 A1 100m x2 11am 11AM E11A 13on").values.allSatisfy { $0.isEmpty })
    }

    /// Capitals are kept past a word's 64th byte, and a word longer than any hashtag is not read.
    @Test func longWordsAreReadUpToALimit() {
        let long = "#ThankYouSoMuchToEveryoneWhoCameAlongToOurHarvestFestivalAssemblyIs1aRocks"
        #expect(readings(long).values.first?.contains { $0.hasSuffix("assembly isla rocks") } == true)
        #expect(readings(String(repeating: "Ab", count: 130) + "Is1a").values.allSatisfy { $0.isEmpty })
    }
}
