/// Letters of other scripts that look like Latin ones, from the Unicode
/// confusables data (UTS #39) for the scripts a name could be disguised in:
/// Cyrillic, Greek, Armenian and Cherokee capitals and small letters that are
/// drawn like a–z. A name typed with one of them (`Аmelia`, Cyrillic А) still
/// reads as the name on the page, so the scan must treat it as the name.
enum Confusables {
    static func latin(for scalar: Unicode.Scalar) -> Character? {
        table[scalar.value]
    }

    private static let table: [UInt32: Character] = {
        let pairs: [(String, Character)] = [
            // Cyrillic capitals and small letters
            ("АаӐӑӒӓ", "a"), ("ВвЬь", "b"), ("СсϹϲ", "c"), ("ԁԀ", "d"), ("ЕеЁёЄєӖӗ", "e"),
            ("ҺһՀհ", "h"), ("ІіЇїӀӏ", "i"), ("Јј", "j"), ("КкҚқ", "k"), ("Мм", "m"),
            ("ОоӦӧՕօ", "o"), ("РрҎҏ", "p"), ("ԛԚ", "q"), ("Ѕѕ", "s"), ("Тт", "t"),
            ("ЦцՍս", "u"), ("ѴѵƲ", "v"), ("ԜԝѠѡ", "w"), ("ХхҲҳ", "x"), ("УуҮүҰұ", "y"),
            ("Ԍԍ", "g"), ("Ռռ", "n"),
            // Greek capitals and small letters
            ("ΑαΆά", "a"), ("Ββ", "b"), ("Εε", "e"), ("Ζ", "z"), ("Η", "h"), ("ΙιΊίϊΐ", "i"),
            ("Κκϰ", "k"), ("Μ", "m"), ("Νη", "n"), ("ΟοΌόσ", "o"), ("Ρρϱ", "p"), ("Ττ", "t"),
            ("ΥυϒΎύ", "y"), ("Χχ", "x"), ("ν", "v"), ("Ϝϝ", "f"), ("ϳ", "j"),
            // Latin letters the accent folding leaves alone
            ("ıɩ", "i"), ("ȷ", "j"), ("ſ", "s"), ("ℓłŁ", "l"), ("đĐ", "d"), ("øØ", "o"),
        ]
        var table: [UInt32: Character] = [:]
        for (letters, latin) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = latin }
        }
        return table
    }()
}
