/// Text made safe inside XML or HTML, as content or a quoted attribute value:
/// the feed and the preview's own pages use it.
public enum MarkupEscaping {
    /// Escapes `& < > " '`; characters XML 1.0 forbids are dropped.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsLook) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Whether a UTF-8 byte may start something `escape` changes: a character
    /// it escapes, a control character, or the lead byte of U+FFFE and U+FFFF.
    /// Most text has none, and is then returned as it is without a scalar walk.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: byte < 0x20
        }
    }
}
