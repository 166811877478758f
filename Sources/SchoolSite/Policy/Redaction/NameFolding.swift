import Foundation

/// Folds text the way a reader sees it, one scalar at a time, so names are
/// compared whatever their case, accents, width, look-alike letters, invisible
/// characters or apostrophe style: `ＺＯË`, `Zoe`, `Zo\u{00AD}e` and `Ζoë` all give `zoe`.
struct NameFolding {
    enum Folded: Equatable {
        /// Part of a word: lower-case UTF-8, accents removed; may be several letters (`ß` → `ss`).
        case letters([UInt8], isUpper: Bool, isLower: Bool)
        /// Inside a name or a possessive: `O'Neill`, `Amelia's`.
        case apostrophe
        /// Invisible: soft hyphens, zero-width characters, combining accents.
        case nothing
        /// Between words.
        case separator
    }

    /// Every scalar seen so far, folded once.
    private var cache: [UInt32: Folded] = [:]

    /// Folds a scalar outside ASCII (`WordTokenizer` folds ASCII itself, without a look-up).
    mutating func fold(_ scalar: Unicode.Scalar) -> Folded {
        if let known = cache[scalar.value] { return known }
        let folded = Self.foldUncommon(scalar)
        cache[scalar.value] = folded
        return folded
    }

    private static let apostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x2032, 0xFF07, 0x02B9, 0x00B4]

    private static func foldUncommon(_ scalar: Unicode.Scalar) -> Folded {
        if apostrophes.contains(scalar.value) { return .apostrophe }
        let properties = scalar.properties
        // Drawn as nothing: besides the format characters, Hangul fillers (U+3164) and the like, which are letters.
        if properties.isDefaultIgnorableCodePoint { return .nothing }
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark, .control: return .nothing
        default: break
        }
        // A digit of any script is an ASCII digit (`٤` → `4`), as NFKC makes only some of them.
        if properties.numericType == .decimal, let value = properties.numericValue, (0...9).contains(value) {
            return .letters([UInt8(ascii: "0") + UInt8(value)], isUpper: false, isLower: false)
        }
        let isUpper = properties.isUppercase, isLower = properties.isLowercase
        if let latin = Confusables.latin(for: scalar) { return .letters(Array(String(latin).utf8), isUpper: isUpper, isLower: isLower) }
        guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
        // Width folding turns ＡＭＥＬＩＡ into AMELIA; then case and accents.
        let text = String(Character(scalar))
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
            .precomposedStringWithCompatibilityMapping
            .lowercased()
        let letters = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { folded in
            Confusables.latin(for: folded).flatMap { $0.unicodeScalars.first } ?? (folded.properties.isAlphabetic || folded.properties.numericType != nil ? folded : nil)
        }))
        return letters.isEmpty ? .nothing : .letters(Array(letters.utf8), isUpper: isUpper, isLower: isLower)
    }
}
