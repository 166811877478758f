/// A character reference (`&amp;`, `&#235;`, `&euml;`) where source text is
/// written, for lining up text that was read with it decoded.
enum CharacterReference {
    /// The length of the reference at the start of `rest`, when `text`, the text
    /// read from there, does not start with the same bytes (it was decoded); nil
    /// when there is none, or when it was left as written (`AT&T;`).
    static func decodedLength(at rest: ArraySlice<UInt8>, readAs text: ArraySlice<UInt8>) -> Int? {
        guard rest.first == UInt8(ascii: "&"), let end = rest.prefix(40).firstIndex(of: UInt8(ascii: ";")), end > rest.startIndex + 1,
              rest[(rest.startIndex + 1)..<end].allSatisfy(isNameByte) else { return nil }
        let reference = rest[rest.startIndex...end]
        return text.starts(with: reference) ? nil : reference.count
    }

    /// `#`, ASCII letters and digits: all a reference's name or number is made of.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
