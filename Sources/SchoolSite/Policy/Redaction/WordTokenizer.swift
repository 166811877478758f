/// A word of scanned text, folded for comparison.
struct ScanWord {
    /// Folded, possessive and apostrophes removed: `O’Neill’s` → `oneill`.
    var key: String
    /// For `#AmeliaSmith`-style words: the camel-case parts (`amelia`, `smith`), and
    /// the runs of letters and of digits (`amelia1` → `amelia`, `1`); else empty.
    var parts: [String]
    /// Scalar range in the segment.
    var start: Int
    var end: Int
    /// Which word of the segment this is (0 for the first), counting words a filter left out.
    var ordinal: Int
    /// For a word of letters and digits: the word read with its digits as the letters
    /// they stand for (`0liver` → `oliver`; `Is1aRocks` → `islarocks`, parts `isla`,
    /// `rocks`), one reading per way of reading its `1`s; else empty.
    var readings: [Reading] = []

    struct Reading: Equatable {
        var key: String
        var parts: [String]
    }
}

/// Splits text into words after folding: letters and digits make words; an
/// apostrophe inside a word belongs to it; everything else separates, so
/// `AMELIA_SMITH.jpg`, `amelia.smith@…` and `/pupils/amelia-smith` all yield the names.
///
/// Reads the text's UTF-8 bytes and folds ASCII itself. A word of ASCII letters
/// and digits alone (nearly every word of a post) is hashed for the filter as it
/// is read, and made only if the filter lets it through; any other word has its
/// folded bytes gathered in one reused buffer. This runs over every word of
/// every post on every build.
struct WordTokenizer {
    private var folding = NameFolding()

    /// - Parameter filter: when given, words it rules out (neither the word nor any part known) are left out, unmade.
    mutating func words(in segment: ScanSegment, keeping filter: NameWordFilter? = nil) -> [ScanWord] {
        words(in: segment.text, keeping: filter)
    }

    mutating func words(in text: String, keeping filter: NameWordFilter? = nil) -> [ScanWord] {
        var text = text
        return text.withUTF8 { words(inUTF8: $0, keeping: filter) }
    }

    private mutating func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>, keeping filter: NameWordFilter?) -> [ScanWord] {
        var builder = WordBuilder(source: bytes, filter: filter)
        var offset = 0
        // Which scalar of the text this is: positions count scalars, not bytes.
        var index = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    builder.addASCII(at: offset, index, isUpper: false, isLower: true)
                    // The rest of a word's small letters, at once: most bytes of a post are these.
                    let run = builder.addSmallLetters(after: offset)
                    offset += run
                    index += run
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): builder.addASCII(at: offset, index, isUpper: true, isLower: false)
                case UInt8(ascii: "0")...UInt8(ascii: "9"): builder.addASCII(at: offset, index, isUpper: false, isLower: false)
                case WordBuilder.apostrophe: builder.addApostrophe()
                default: builder.endWord()
                }
                offset += 1
            } else {
                switch folding.fold(Self.scalar(in: bytes, at: &offset)) {
                case .nothing: builder.skipInvisible()
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

    /// The scalar that starts at `offset`, which then moves past it.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Unicode.Scalar {
        var rest = bytes[offset...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        guard case .valid(let encoded) = parser.parseScalar(from: &rest) else {
            // A String's bytes are valid UTF-8; were they not, one byte would read as U+FFFD.
            offset += 1
            return "\u{FFFD}"
        }
        offset += encoded.count
        return Unicode.UTF8.decode(encoded)
    }
}

/// The word being read, and those read so far.
private struct WordBuilder {
    static let apostrophe = UInt8(ascii: "'")

    let source: UnsafeBufferPointer<UInt8>
    let filter: NameWordFilter?
    var words: [ScanWord] = []
    private var ordinal = 0
    /// A plain word (ASCII letters and digits so far) stays in `source`: where it starts, its length, its hash.
    private var plainStart = 0
    private var plainCount = 0
    private var plainHash = NameWordFilter.Hash()
    /// Any other word's folded bytes.
    private var raw: [UInt8] = []
    /// Where camel-case parts, and runs of letters or digits, begin in the word.
    private var breaks: [Int] = []
    /// Where capitals are in the word, for reading its digits as letters.
    private var capitals = Capitals()
    private var start = 0
    private var end = 0
    private var previousWasLower = false
    private var previousWasDigit = false

    init(source: UnsafeBufferPointer<UInt8>, filter: NameWordFilter?) {
        self.source = source
        self.filter = filter
    }

    /// An ASCII letter or digit at `offset` in the source.
    mutating func addASCII(at offset: Int, _ index: Int, isUpper: Bool, isLower: Bool) {
        // Folding ASCII letters and digits is setting bit 5: it lowers A–Z and leaves the rest as they are.
        let folded = source[offset] | 0x20
        // Digits are 0x30–0x39; letters, folded, 0x61–0x7A.
        let isDigit = folded < UInt8(ascii: "a")
        if raw.isEmpty {
            if plainCount == 0 {
                plainStart = offset
                start = index
            }
            noteBreak(isUpper: isUpper, isDigit: isDigit)
            plainCount += 1
            plainHash.add(folded)
        } else {
            noteBreak(isUpper: isUpper, isDigit: isDigit)
            raw.append(folded)
        }
        finishLetter(at: index, isLower: isLower, isDigit: isDigit)
    }

    /// The ASCII small letters after the letter at `offset`, when it went on a plain
    /// word: they only lengthen it and its hash (no part starts at a small letter
    /// after a letter). - Returns: how many there were.
    mutating func addSmallLetters(after offset: Int) -> Int {
        guard raw.isEmpty else { return 0 }
        var next = offset + 1
        while next < source.count, case UInt8(ascii: "a")...UInt8(ascii: "z") = source[next] {
            plainHash.add(source[next])
            next += 1
        }
        let count = next - offset - 1
        plainCount += count
        end += count
        return count
    }

    /// The folded letters of one scalar outside ASCII.
    mutating func add(_ letters: [UInt8], at index: Int, isUpper: Bool, isLower: Bool) {
        gatherPlain()
        if raw.isEmpty { start = index }
        // Folded, a digit of any script is an ASCII digit (`１` → `1`).
        let isDigit = letters.first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
        noteBreak(isUpper: isUpper, isDigit: isDigit)
        raw += letters
        finishLetter(at: index, isLower: isLower, isDigit: isDigit)
    }

    /// A capital after a small letter starts a camel-case part here, and a digit after
    /// a letter or a letter after a digit a new run (`arjun1.jpg`, `Year6Arjun`): a name
    /// numbered in a file name is still the name. One of `plainCount` and `raw` is empty.
    private mutating func noteBreak(isUpper: Bool, isDigit: Bool) {
        let length = plainCount + raw.count
        if length > 0 && (isUpper && previousWasLower || isDigit != previousWasDigit) { breaks.append(length) }
        if isUpper { capitals.insert(length) }
    }

    private mutating func finishLetter(at index: Int, isLower: Bool, isDigit: Bool) {
        end = index + 1
        previousWasLower = isLower
        previousWasDigit = isDigit
    }

    /// A scalar that is not seen: the word goes on across it, but is no longer one run of the source.
    mutating func skipInvisible() {
        gatherPlain()
    }

    mutating func addApostrophe() {
        gatherPlain()
        if !raw.isEmpty { raw.append(Self.apostrophe) }
        previousWasLower = false
    }

    mutating func endWord() {
        if plainCount > 0 && breaks.isEmpty {
            // Nearly every word is ruled out here, and nothing is made for it.
            keep(filter.map { $0.mayContain(plainHash) } == false ? .ruledOut : .word(plainWord))
        } else {
            gatherPlain()
            if !raw.isEmpty { keep(makeWord()) }
        }
        plainCount = 0
        plainHash = NameWordFilter.Hash()
        // Only when there is something to remove: emptying an empty array still makes it a new buffer.
        if !raw.isEmpty { raw.removeAll(keepingCapacity: true) }
        if !breaks.isEmpty { breaks.removeAll(keepingCapacity: true) }
        capitals.removeAll()
        previousWasLower = false
        previousWasDigit = false
    }

    /// Moves the plain word read so far into `raw`, for a letter or apostrophe that makes it not plain.
    private mutating func gatherPlain() {
        guard plainCount > 0 else { return }
        raw += plainBytes
        plainCount = 0
        plainHash = NameWordFilter.Hash()
    }

    private var plainBytes: LazyMapSequence<Slice<UnsafeBufferPointer<UInt8>>, UInt8> {
        source[plainStart..<(plainStart + plainCount)].lazy.map { $0 | 0x20 }
    }

    private enum Made {
        case word(ScanWord)
        /// A word the filter ruled out.
        case ruledOut
        /// Only apostrophes.
        case none
    }

    private mutating func keep(_ made: Made) {
        switch made {
        case .word(let word): words.append(word); ordinal += 1
        case .ruledOut: ordinal += 1
        case .none: break
        }
    }

    /// A plain word without camel-case parts: nothing to trim.
    private var plainWord: ScanWord {
        ScanWord(key: String(decoding: plainBytes, as: UTF8.self), parts: [], start: start, end: end, ordinal: ordinal)
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
        let readings = DigitLookalikes.readings(of: raw[0..<length], capitals: capitals)
        if let filter, !filter.mayContain(raw[0..<length]), !partRanges.contains(where: { filter.mayContain(raw[$0]) }),
           !readings.contains(where: { ([$0.key] + $0.parts).contains { filter.mayContain($0[...]) } }) {
            return .ruledOut
        }
        guard let key = keyString(0..<length) else { return .none }
        let parts = partRanges.compactMap(keyString)
        let text = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self) }
        return .word(ScanWord(key: key, parts: parts.count > 1 ? parts : [], start: start, end: end, ordinal: ordinal,
                              readings: readings.map { ScanWord.Reading(key: text($0.key), parts: $0.parts.map(text)) }))
    }

    /// The bytes without apostrophes, as a String; nil when nothing is left.
    private func keyString(_ range: Range<Int>) -> String? {
        let bytes = raw[range]
        guard bytes.contains(Self.apostrophe) else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        let letters = bytes.filter { $0 != Self.apostrophe }
        return letters.isEmpty ? nil : String(decoding: letters, as: UTF8.self)
    }
}

/// Digits written for the letters they look like, as in `0liver`, `Ame1ia` or
/// `#WellDoneIs1a`. A word of digits alone (`2024`) is not read, and a part of
/// under four characters, or with no more letters than such digits, keeps its
/// digits: read, `4v4`, `3D`, `5am`, `70m` and `11am` would be the names Ava,
/// Ed, Sam, Tom and Liam, so a name that short, or that sparse, is not caught.
enum DigitLookalikes {
    struct Reading: Equatable {
        var key: [UInt8]
        var parts: [[UInt8]]
    }

    /// The letter a digit is read as; `1` reads as `l` here, and as `i` in the other readings.
    private static func letter(for byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0"): UInt8(ascii: "o")
        case UInt8(ascii: "1"): UInt8(ascii: "l")
        case UInt8(ascii: "3"): UInt8(ascii: "e")
        case UInt8(ascii: "4"): UInt8(ascii: "a")
        case UInt8(ascii: "5"): UInt8(ascii: "s")
        case UInt8(ascii: "7"): UInt8(ascii: "t")
        default: nil
        }
    }

    /// The longest word read; `Capitals` keeps no more.
    static let maximumLength = Capitals.count

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The readings of a folded word that differ from it.
    /// - Parameters:
    ///   - word: the folded bytes, apostrophes included.
    ///   - capitals: where in `word` capitals were written: a capital after a small
    ///     letter (or a digit read as one) starts a part, as in camel case.
    static func readings(of word: ArraySlice<UInt8>, capitals: Capitals) -> [Reading] {
        // Nearly every word has no such digit: it is turned away before anything is made.
        // Nor is a word longer than any hashtag read (a pasted run of text): up to 16
        // readings of one, each looked up part by part, would cost more than the post.
        guard word.count <= maximumLength, word.contains(where: { letter(for: $0) != nil }), word.contains(where: { !isDigit($0) && $0 != UInt8(ascii: "'") }) else { return [] }
        var bytes: [UInt8] = [], isCapital: [Bool] = []
        for (offset, byte) in zip(word.indices, word) where byte != UInt8(ascii: "'") {
            bytes.append(byte)
            isCapital.append(capitals.contains(offset - word.startIndex))
        }
        let ones = bytes.indices.filter { bytes[$0] == UInt8(ascii: "1") }
        // Each 1 either way when there are few; else all as `l`, or all as `i`.
        let choices: [[Int: UInt8]] = ones.count <= 3
            ? (0..<(1 << ones.count)).map { mask in Dictionary(uniqueKeysWithValues: ones.enumerated().map { ($1, mask >> $0 & 1 == 1 ? UInt8(ascii: "i") : UInt8(ascii: "l")) }) }
            : [UInt8(ascii: "l"), UInt8(ascii: "i")].map { letter in Dictionary(uniqueKeysWithValues: ones.map { ($0, letter) }) }
        var readings: [Reading] = []
        // A digit after a letter may also stand for a capital, starting a part: `WellDone0liver`.
        for choice in choices {
            for digitsStartParts in [false, true] {
                let read = bytes.indices.map { choice[$0] ?? letter(for: bytes[$0]) ?? bytes[$0] }
                let capital = bytes.indices.map { isCapital[$0] || digitsStartParts && isDigit(bytes[$0]) && !isDigit(read[$0]) }
                let reading = Reading(key: keep(read, 0..<read.count, original: bytes), parts: parts(of: read, original: bytes, isCapital: capital))
                let readsOtherwise = reading.key != bytes || (!reading.parts.isEmpty && Array(reading.parts.joined()) != bytes)
                if readsOtherwise, !readings.contains(reading) { readings.append(reading) }
            }
        }
        return readings
    }

    /// The reading cut where a capital follows a small letter and around digits left as digits.
    private static func parts(of read: [UInt8], original: [UInt8], isCapital: [Bool]) -> [[UInt8]] {
        var parts: [[UInt8]] = [], from = 0
        for index in read.indices.dropFirst() {
            let camel = isCapital[index] && !isCapital[index - 1] && !isDigit(read[index - 1])
            if camel || isDigit(read[index]) != isDigit(read[index - 1]) {
                parts.append(keep(read, from..<index, original: original))
                from = index
            }
        }
        parts.append(keep(read, from..<read.count, original: original))
        // Parts none of which is read are the word's own parts, which it has already.
        return parts.count > 1 && Array(parts.joined()) != original ? parts : []
    }

    /// The reading of `range`, or its original bytes when the reading is too short, or
    /// has fewer letters than digits read, to be taken for a name rather than a number or a code.
    private static func keep(_ read: [UInt8], _ range: Range<Int>, original: [UInt8]) -> [UInt8] {
        let digitsRead = range.count { isDigit(original[$0]) && !isDigit(read[$0]) }
        let letters = range.count { !isDigit(original[$0]) }
        let isNameLike = range.count >= 4 && letters > digitsRead
        return Array(digitsRead > 0 && isNameLike ? read[range] : original[range])
    }
}

/// Positions in a word where capitals were written, up to `count`: a bit each, as a
/// capital starts most sentences and an array emptied after each word costs the scan.
struct Capitals {
    static let count = 256
    private var bits = SIMD4<UInt64>.zero

    mutating func insert(_ position: Int) {
        guard position < Self.count else { return }
        bits[position >> 6] |= 1 << (position & 63)
    }

    func contains(_ position: Int) -> Bool {
        position < Self.count && bits[position >> 6] >> (position & 63) & 1 == 1
    }

    mutating func removeAll() {
        bits = .zero
    }
}
