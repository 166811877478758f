/// Text made safe inside XML or HTML, as content or a quoted attribute value:
/// the feed and the preview's own pages use it.
public enum MarkupEscaping {
    /// Escapes `& < > " '`; characters XML 1.0 forbids are dropped.
    public static func escape(_ text: String) -> String {
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
}
