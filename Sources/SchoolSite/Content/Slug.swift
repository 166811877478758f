import Foundation

/// Slugs and category names: `^[a-z0-9]+(-[a-z0-9]+)*$` (SPEC §2).
public enum Slug {
    /// Top-level folders of the output that are not posts.
    static let reservedForTheSite: Set<String> = ["assets", "category", "page"]

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
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
