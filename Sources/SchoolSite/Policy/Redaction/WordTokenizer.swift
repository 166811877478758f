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
struct WordTokenizer {
    private var folding = NameFolding()

    mutating func words(in segment: ScanSegment) -> [ScanWord] {
        words(in: segment.scalars)
    }

    mutating func words(in text: String) -> [ScanWord] {
        words(in: Array(text.unicodeScalars))
    }

    private mutating func words(in scalars: [Unicode.Scalar]) -> [ScanWord] {
        var words: [ScanWord] = []
        var raw = ""
        var breaks: [String.Index] = []
        var start = 0
        var end = 0
        var previousWasLower = false

        func finish() {
            defer { raw = ""; breaks = []; previousWasLower = false }
            guard let word = Self.makeWord(raw, breaks: breaks, start: start, end: end) else { return }
            words.append(word)
        }

        for (index, scalar) in scalars.enumerated() {
            switch folding.fold(scalar) {
            case .nothing:
                continue
            case .separator:
                finish()
            case .apostrophe:
                if !raw.isEmpty { raw.append("'") }
                previousWasLower = false
            case .letters(let letters):
                if raw.isEmpty { start = index }
                let properties = scalar.properties
                if properties.isUppercase && previousWasLower { breaks.append(raw.endIndex) }
                raw += letters
                end = index + 1
                previousWasLower = properties.isLowercase
            }
        }
        finish()
        return words
    }

    private static func makeWord(_ raw: String, breaks: [String.Index], start: Int, end: Int) -> ScanWord? {
        var text = Substring(raw)
        if text.hasSuffix("'s") { text = text.dropLast(2) }
        while text.hasSuffix("'") { text = text.dropLast() }
        guard !text.isEmpty else { return nil }
        let key = text.filter { $0 != "'" }
        guard !key.isEmpty else { return nil }
        var parts: [String] = []
        if !breaks.isEmpty {
            var from = text.startIndex
            for cut in breaks where cut > from && cut < text.endIndex {
                parts.append(String(text[from..<cut].filter { $0 != "'" }))
                from = cut
            }
            parts.append(String(text[from...].filter { $0 != "'" }))
        }
        return ScanWord(key: key, parts: parts.count > 1 ? parts : [], start: start, end: end)
    }
}
