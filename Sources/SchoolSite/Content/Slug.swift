import Foundation

/// Slugs and category names: `^[a-z0-9]+(-[a-z0-9]+)*$` (SPEC §2).
public enum Slug {
    /// Top-level folders of the output that are not posts.
    static let reservedForTheSite: Set<String> = ["assets", "category", "page"]

    /// Read byte by byte: every post's folder name is asked about, and Foundation's
    /// `contains("--")` costs more than the rest of the test.
    public static func isValid(_ text: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen  // a slug cannot start with one
        for byte in text.utf8 {
            guard byte == hyphen ? previous != hyphen : isLowerAlphanumeric(Unicode.Scalar(byte)) else { return false }
            previous = byte
        }
        return previous != hyphen
    }

    /// A slug made from a title: "Year 3 win the relay!" → "year-3-win-the-relay".
    public static func make(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let characters: [Character] = folded.unicodeScalars.map { isLowerAlphanumeric($0) ? Character($0) : " " }
        return characters.split(separator: " ").map { String($0) }.joined(separator: "-")
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
    }
}
