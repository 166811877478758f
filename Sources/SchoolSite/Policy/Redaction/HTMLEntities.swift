/// Decodes the HTML character references a reader would see as letters, for
/// text that cmark did not already decode (front matter): numeric references
/// (`&#235;`, `&#xEB;`) and accented-letter names (`&euml;` → e, since the scan
/// ignores accents anyway). Other references are left as they are.
enum HTMLEntities {
    private static let accentSuffixes = ["acute", "grave", "circ", "uml", "tilde", "ring", "cedil", "slash", "caron", "macr", "ogon", "dot", "breve"]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";"),
                  let decoded = character(for: rest[afterAmpersand..<semicolon]) else {
                result.append("&")
                rest = rest[afterAmpersand...]
                continue
            }
            result.append(decoded)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func character(for name: Substring) -> Character? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        guard let first = name.first, first.isLetter, accentSuffixes.contains(String(name.dropFirst())) else { return nil }
        return first
    }
}
