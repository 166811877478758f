/// Text made safe inside XML or HTML, as content or a quoted attribute value:
/// the theme's values, the feed and the preview's own pages use it.
public enum MarkupEscaping {
    /// Escapes `& < > " '`; characters XML 1.0 forbids are dropped.
    ///
    /// Works on the UTF-8 bytes: all it changes is ASCII, U+FFFE or U+FFFF, so
    /// the rest is copied in runs. Every value a page shows passes here.
    public static func escape(_ text: String) -> String {
        var text = text
        guard let escaped = text.withUTF8(escaped) else { return text }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The escaped bytes; nil when there is nothing to change.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var special = bytes.firstIndex(where: needsLook) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var copied = bytes.startIndex
        while true {
            result.append(contentsOf: bytes[copied..<special])
            copied = special + 1
            switch bytes[special] {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&apos;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): result.append(bytes[special])
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are dropped; any other EF starts a character kept whole.
            case 0xEF where copied + 1 < bytes.count && bytes[copied] == 0xBF && bytes[copied + 1] >= 0xBE: copied += 2
            case 0xEF: result.append(0xEF)
            default: break  // the other control characters
            }
            guard let next = bytes[copied...].firstIndex(where: needsLook) else { break }
            special = next
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// Whether a UTF-8 byte may start something `escape` changes: a character
    /// it escapes, a control character, or the lead byte of U+FFFE and U+FFFF.
    /// Most text has none, and is then returned as it is.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: byte < 0x20
        }
    }
}
