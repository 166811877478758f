/// A word of scanned text, folded for comparison.
struct ScanWord {
    /// Folded, possessive and apostrophes removed: `O’Neill’s` → `oneill`.
    var key: String
    /// For `#AmeliaSmith`-style words: the camel-case parts (`amelia`, `smith`); else empty.
    var parts: [String]
    /// Scalar range in the segment.
    var start: Int
    var end: Int
}

/// Splits text into words after folding: letters and digits make words; an
/// apostrophe inside a word belongs to it; everything else separates, so
/// `AMELIA_SMITH.jpg`, `amelia.smith@…` and `/pupils/amelia-smith` all yield the names.
///
/// Works on folded UTF-8 bytes in one reused buffer: this runs over every word
/// of every post on every build.
struct WordTokenizer {
    private var folding = NameFolding()
    private static let apostrophe = UInt8(ascii: "'")

    mutating func words(in segment: ScanSegment) -> [ScanWord] {
        words(in: segment.scalars)
    }

    mutating func words(in text: String) -> [ScanWord] {
        words(in: Array(text.unicodeScalars))
    }

    private mutating func words(in scalars: [Unicode.Scalar]) -> [ScanWord] {
        var words: [ScanWord] = []
        var raw: [UInt8] = []
        raw.reserveCapacity(64)
        var breaks: [Int] = []
        var start = 0
        var end = 0
        var previousWasLower = false

        for (index, scalar) in scalars.enumerated() {
            let folded = folding.fold(scalar)
            switch folded {
            case .nothing:
                continue
            case .separator:
                if !raw.isEmpty, let word = Self.makeWord(raw, breaks: breaks, start: start, end: end) { words.append(word) }
                raw.removeAll(keepingCapacity: true)
                breaks.removeAll(keepingCapacity: true)
                previousWasLower = false
            case .apostrophe:
                if !raw.isEmpty { raw.append(Self.apostrophe) }
                previousWasLower = false
            case .letter(_, let isUpper, let isLower), .letters(_, let isUpper, let isLower):
                if raw.isEmpty { start = index }
                if isUpper && previousWasLower { breaks.append(raw.count) }
                if case .letter(let letter, _, _) = folded { raw.append(letter) } else if case .letters(let letters, _, _) = folded { raw += letters }
                end = index + 1
                previousWasLower = isLower
            }
        }
        if !raw.isEmpty, let word = Self.makeWord(raw, breaks: breaks, start: start, end: end) { words.append(word) }
        return words
    }

    private static func makeWord(_ raw: [UInt8], breaks: [Int], start: Int, end: Int) -> ScanWord? {
        var length = raw.count
        // A possessive `'s`, then any closing apostrophes, are not part of the name.
        if length >= 2 && raw[length - 2] == apostrophe && raw[length - 1] == UInt8(ascii: "s") { length -= 2 }
        while length > 0 && raw[length - 1] == apostrophe { length -= 1 }
        guard let key = keyString(raw[0..<length]) else { return nil }
        var parts: [String] = []
        if !breaks.isEmpty {
            var from = 0
            for cut in breaks where cut > from && cut < length {
                if let part = keyString(raw[from..<cut]) { parts.append(part) }
                from = cut
            }
            if let part = keyString(raw[from..<length]) { parts.append(part) }
        }
        return ScanWord(key: key, parts: parts.count > 1 ? parts : [], start: start, end: end)
    }

    /// The bytes without apostrophes, as a String; nil when nothing is left.
    private static func keyString(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(apostrophe) else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        let letters = bytes.filter { $0 != apostrophe }
        return letters.isEmpty ? nil : String(decoding: letters, as: UTF8.self)
    }
}
