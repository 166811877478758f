/// A word of scanned text, folded for comparison.
struct ScanWord {
    /// Folded, possessive and apostrophes removed: `O’Neill’s` → `oneill`.
    var key: String
    /// For `#AmeliaSmith`-style words: the camel-case parts (`amelia`, `smith`); else empty.
    var parts: [String]
    /// Scalar range in the segment.
    var start: Int
    var end: Int
    /// Which word of the segment this is (0 for the first), counting words a filter left out.
    var ordinal: Int
}

/// Splits text into words after folding: letters and digits make words; an
/// apostrophe inside a word belongs to it; everything else separates, so
/// `AMELIA_SMITH.jpg`, `amelia.smith@…` and `/pupils/amelia-smith` all yield the names.
///
/// Folds ASCII itself and gathers each word's bytes in one reused buffer: this
/// runs over every word of every post on every build.
struct WordTokenizer {
    private var folding = NameFolding()

    /// - Parameter filter: when given, words it rules out (neither the word nor any part known) are left out, unmade.
    mutating func words(in segment: ScanSegment, keeping filter: NameWordFilter? = nil) -> [ScanWord] {
        words(in: segment.text, keeping: filter)
    }

    mutating func words(in text: String, keeping filter: NameWordFilter? = nil) -> [ScanWord] {
        var builder = WordBuilder(filter: filter)
        var index = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): builder.add(byte, at: index, isUpper: false, isLower: true)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): builder.add(byte | 0x20, at: index, isUpper: true, isLower: false)
                case UInt8(ascii: "0")...UInt8(ascii: "9"): builder.add(byte, at: index, isUpper: false, isLower: false)
                case WordBuilder.apostrophe: builder.addApostrophe()
                default: builder.endWord()
                }
            } else {
                switch folding.fold(scalar) {
                case .nothing: break
                case .separator: builder.endWord()
                case .apostrophe: builder.addApostrophe()
                case .letters(let letters, let isUpper, let isLower): builder.add(letters, at: index, isUpper: isUpper, isLower: isLower)
                }
            }
            index += 1
        }
        builder.endWord()
        return builder.words
    }
}

/// The word being read, and those read so far.
private struct WordBuilder {
    static let apostrophe = UInt8(ascii: "'")

    let filter: NameWordFilter?
    var words: [ScanWord] = []
    private var ordinal = 0
    private var raw: [UInt8] = []
    /// Where camel-case parts begin in `raw`.
    private var breaks: [Int] = []
    private var start = 0
    private var end = 0
    private var previousWasLower = false

    init(filter: NameWordFilter?) {
        self.filter = filter
        raw.reserveCapacity(64)
    }

    mutating func add(_ letter: UInt8, at index: Int, isUpper: Bool, isLower: Bool) {
        begin(at: index, isUpper: isUpper)
        raw.append(letter)
        finish(at: index, isLower: isLower)
    }

    mutating func add(_ letters: [UInt8], at index: Int, isUpper: Bool, isLower: Bool) {
        begin(at: index, isUpper: isUpper)
        raw += letters
        finish(at: index, isLower: isLower)
    }

    mutating func addApostrophe() {
        if !raw.isEmpty { raw.append(Self.apostrophe) }
        previousWasLower = false
    }

    mutating func endWord() {
        if !raw.isEmpty {
            switch makeWord() {
            case .word(let word): words.append(word); ordinal += 1
            case .ruledOut: ordinal += 1
            case .none: break
            }
        }
        raw.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
        previousWasLower = false
    }

    private mutating func begin(at index: Int, isUpper: Bool) {
        if raw.isEmpty { start = index }
        if isUpper && previousWasLower { breaks.append(raw.count) }
    }

    private mutating func finish(at index: Int, isLower: Bool) {
        end = index + 1
        previousWasLower = isLower
    }

    private enum Made {
        case word(ScanWord)
        /// A word the filter ruled out.
        case ruledOut
        /// Only apostrophes.
        case none
    }

    private func makeWord() -> Made {
        var length = raw.count
        // A possessive `'s`, then any closing apostrophes, are not part of the name.
        if length >= 2 && raw[length - 2] == Self.apostrophe && raw[length - 1] == UInt8(ascii: "s") { length -= 2 }
        while length > 0 && raw[length - 1] == Self.apostrophe { length -= 1 }
        var partRanges: [Range<Int>] = []
        if !breaks.isEmpty {
            var from = 0
            for cut in breaks where cut > from && cut < length {
                partRanges.append(from..<cut)
                from = cut
            }
            partRanges.append(from..<length)
        }
        guard raw[0..<length].contains(where: { $0 != Self.apostrophe }) else { return .none }
        if let filter, !filter.mayContain(raw[0..<length]), !partRanges.contains(where: { filter.mayContain(raw[$0]) }) {
            return .ruledOut
        }
        guard let key = keyString(0..<length) else { return .none }
        let parts = partRanges.compactMap(keyString)
        return .word(ScanWord(key: key, parts: parts.count > 1 ? parts : [], start: start, end: end, ordinal: ordinal))
    }

    /// The bytes without apostrophes, as a String; nil when nothing is left.
    private func keyString(_ range: Range<Int>) -> String? {
        let bytes = raw[range]
        guard bytes.contains(Self.apostrophe) else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        let letters = bytes.filter { $0 != Self.apostrophe }
        return letters.isEmpty ? nil : String(decoding: letters, as: UTF8.self)
    }
}
