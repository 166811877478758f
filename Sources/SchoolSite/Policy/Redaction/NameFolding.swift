import Foundation

/// Folds text the way a reader sees it, one scalar at a time, so names are
/// compared whatever their case, accents, width, look-alike letters, invisible
/// characters or apostrophe style: `ＺＯË`, `Zoe`, `Zo\u{00AD}e` and `Ζoë` all give `zoe`.
struct NameFolding {
    enum Folded: Equatable {
        /// Part of a word (lower-case, accents removed); may be several letters (`ß` → `ss`).
        case letters(String)
        /// Inside a name or a possessive: `O'Neill`, `Amelia's`.
        case apostrophe
        /// Invisible: soft hyphens, zero-width characters, combining accents.
        case nothing
        /// Between words.
        case separator
    }

    /// Non-ASCII scalars are folded with Foundation once and remembered.
    private var cache: [UInt32: Folded] = [:]

    mutating func fold(_ scalar: Unicode.Scalar) -> Folded {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39: return .letters(String(Character(scalar)))
        case 0x41...0x5A: return .letters(String(Character(Unicode.Scalar(value + 0x20)!)))
        case 0x27: return .apostrophe
        case 0..<0x80: return .separator
        default: break
        }
        if let known = cache[value] { return known }
        let folded = Self.foldUncommon(scalar)
        cache[value] = folded
        return folded
    }

    private static let apostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x2032, 0xFF07, 0x02B9, 0x0060, 0x00B4]

    private static func foldUncommon(_ scalar: Unicode.Scalar) -> Folded {
        if apostrophes.contains(scalar.value) { return .apostrophe }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark, .control: return .nothing
        default: break
        }
        if let latin = Confusables.latin(for: scalar) { return .letters(String(latin)) }
        guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
        // Width folding turns ＡＭＥＬＩＡ into AMELIA; then case and accents.
        let text = String(Character(scalar))
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
            .precomposedStringWithCompatibilityMapping
            .lowercased()
        let letters = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { folded in
            Confusables.latin(for: folded).flatMap { $0.unicodeScalars.first } ?? (folded.properties.isAlphabetic || folded.properties.numericType != nil ? folded : nil)
        }))
        return letters.isEmpty ? .nothing : .letters(letters)
    }
}
