import Foundation

/// Converts cmark's positions (body line, UTF-8 byte column) into file lines and
/// Unicode-scalar columns, the unit SPEC §6 reports in.
struct SourcePositions {
    let firstLine: Int
    private let bytes: [UInt8]
    /// Where each body line starts in `bytes` (one array for the body, not one per line).
    private let lineStarts: [Int]
    /// The last column counted. Positions are asked for in document order, so the next
    /// one on the same line is counted on from there: counting each from the line's
    /// start made a line of 40,000 nested images quadratic.
    private let cursor = ColumnCursor()

    private final class ColumnCursor {
        var line = 0
        var byte = 0
        var scalars = 0
    }

    init(body: String, firstLine: Int) {
        self.firstLine = firstLine
        let bytes = Array(body.utf8)
        self.bytes = bytes
        // memchr from newline to newline: a byte-at-a-time filter showed in profiles of large sites.
        var lineStarts = [0]
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                lineStarts.append(offset)
            }
        }
        self.lineStarts = lineStarts
    }

    /// How many lines the body has.
    var lineCount: Int { lineStarts.count }

    /// The column, as cmark counts it in `block`, just past the last byte of body line
    /// `line`, where its line break is; nil when there is no such line.
    func endColumn(ofLine line: Int, in block: MarkdownBlockStart) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let bytes = self.line(line)
        guard line > block.line else { return bytes.count + 1 }
        return block.byteColumn + bytes.count + 1 - contentStart(of: bytes, quoteDepth: block.quoteDepth)
    }

    /// The bytes of body line `line` (1-based), without its newline.
    private func line(_ line: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        return bytes[start..<end]
    }

    /// - Parameter block: the enclosing paragraph or heading. On its continuation
    ///   lines cmark counts columns from the block's own start column, ignoring the
    ///   line's indentation (and `>` markers inside quotes); that is put back here.
    func location(line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (firstLine + max(line, 1) - 1, max(byteColumn, 1)) }
        let bytes = self.line(line)
        return (firstLine + line - 1, scalarColumn(bytes, line: line, byteColumn: sourceByteColumn(bytes, line: line, byteColumn: byteColumn, block: block)))
    }

    /// Where a text node's text, which starts at the cmark position given, drifts
    /// from its source: `&amp;`, `\*`, `--` and `...` (smart punctuation) are written
    /// longer than they read, so each later scalar is further right than its index
    /// says. One anchor after each such place: from the text's scalar `scalar` on,
    /// the text is at source column `column`. Empty when the text is its source.
    func anchors(of text: String, line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> [ColumnAnchor] {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let bytes = self.line(line)
        var at = bytes.startIndex + sourceByteColumn(bytes, line: line, byteColumn: byteColumn, block: block) - 1
        guard at >= bytes.startIndex, at <= bytes.endIndex, !bytes[at...].starts(withUTF8Of: text) else { return [] }
        // Curly quotes (the usual difference) read as long as they are written: without a
        // backslash or `&` on the rest of the line, or a smart dash or ellipsis, nothing drifts.
        guard bytes[at...].contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) || Self.hasSmartDashOrEllipsis(text) else { return [] }
        let textBytes = Array(text.utf8)
        var anchors: [ColumnAnchor] = []
        // Counted on as the walk goes: from the line's start for every anchor, it was quadratic in their number.
        var column = scalarColumn(bytes, line: line, byteColumn: at - bytes.startIndex + 1)
        var next = 0, scalar = 0
        while next < textBytes.count {
            // A scalar's bytes: its first, and the continuation bytes (10xxxxxx) after it.
            var end = next + 1
            while end < textBytes.count && textBytes[end] & 0xC0 == 0x80 { end += 1 }
            let written = textBytes[next..<end]
            let rest = bytes[at...]
            if let source = Self.escapeOrEntity(rest, for: written, text: textBytes[next...]) ?? Self.smartPunctuation(rest, for: written) {
                at += source
                column += source
                anchors.append(ColumnAnchor(scalar: scalar + 1, column: column))
            } else if rest.starts(with: written) {
                at += written.count
                column += 1
            } else if let quote = Self.smartQuotes[Array(written)], rest.first == quote {
                at += 1  // one scalar for one: no drift
                column += 1
            } else {
                break
            }
            next = end
            scalar += 1
        }
        return anchors
    }

    /// The byte column where a code span's `text` is written, from cmark's: cmark 0.30
    /// starts a code span at the space it strips from its text (`` `` Amelia `` ``,
    /// and `` `  Amelia ` ``, whose text keeps one space).
    func codeSpanStart(_ text: String, line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> Int {
        guard let (bytes, at) = lineAndIndex(line: line, byteColumn: byteColumn, block: block),
              !Self.holds(text, at: at, in: bytes), bytes[at] == UInt8(ascii: " "), Self.holds(text, at: at + 1, in: bytes) else { return byteColumn }
        return byteColumn + 1
    }

    /// The byte column where a text node's `text` is written, from cmark's: cmark 0.30
    /// starts a text that begins with backticks it found unmatched after them (`` `Amelia ``).
    func textStart(_ text: String, line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> Int {
        let backtick = UInt8(ascii: "`")
        let ticks = text.utf8.prefix { $0 == backtick }.count
        guard ticks > 0, let (bytes, at) = lineAndIndex(line: line, byteColumn: byteColumn, block: block),
              bytes[at] != backtick, at - ticks >= bytes.startIndex,
              bytes[(at - ticks)..<at].allSatisfy({ $0 == backtick }) else { return byteColumn }
        return byteColumn - ticks
    }

    /// Body line `line`'s bytes and the index of cmark's position in them; nil when it is off the line.
    private func lineAndIndex(line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> (bytes: ArraySlice<UInt8>, at: Int)? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let bytes = self.line(line)
        let at = bytes.startIndex + sourceByteColumn(bytes, line: line, byteColumn: byteColumn, block: block) - 1
        guard at >= bytes.startIndex, at < bytes.endIndex else { return nil }
        return (bytes, at)
    }

    /// Whether `bytes` from `at` hold `text`, as far as either goes: a code span's text
    /// can run on past its line, its line breaks made spaces.
    private static func holds(_ text: String, at: Int, in bytes: ArraySlice<UInt8>) -> Bool {
        guard at < bytes.endIndex else { return false }
        let written = bytes[at...]
        return text.utf8.prefix(written.count).elementsEqual(written.prefix(text.utf8.count))
    }

    /// The length of a backslash escape (`\*`) or an entity (`&amp;`, taken to be
    /// `written`'s) at the start of `rest`; nil when there is none.
    private static func escapeOrEntity(_ rest: ArraySlice<UInt8>, for written: ArraySlice<UInt8>, text: ArraySlice<UInt8>) -> Int? {
        guard rest.first == UInt8(ascii: "\\") else { return CharacterReference.decodedLength(at: rest, readAs: text) }
        // cmark escapes ASCII punctuation only.
        guard let second = rest.dropFirst().first, written.elementsEqual([second]), (0x21...0x2F).contains(second)
            || (0x3A...0x40).contains(second) || (0x5B...0x60).contains(second) || (0x7B...0x7E).contains(second) else { return nil }
        return 2
    }

    /// The source length of what cmark's smart punctuation turned into `written`: `--`, `---`, `...`.
    private static func smartPunctuation(_ rest: ArraySlice<UInt8>, for written: ArraySlice<UInt8>) -> Int? {
        guard written.first == 0xE2, let source = smartDashes[Array(written)], rest.starts(with: source) else { return nil }
        return source.count
    }

    private static func hasSmartDashOrEllipsis(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == "\u{2026}" }
    }

    private static let smartDashes: [[UInt8]: [UInt8]] = [
        Array("\u{2013}".utf8): Array("--".utf8), Array("\u{2014}".utf8): Array("---".utf8), Array("\u{2026}".utf8): Array("...".utf8),
    ]

    /// Curly quotes, each from one straight quote.
    private static let smartQuotes: [[UInt8]: UInt8] = [
        Array("\u{2018}".utf8): UInt8(ascii: "'"), Array("\u{2019}".utf8): UInt8(ascii: "'"),
        Array("\u{201C}".utf8): UInt8(ascii: "\""), Array("\u{201D}".utf8): UInt8(ascii: "\""),
    ]

    /// The 1-based byte column in `bytes` (body line `line`) of cmark's `byteColumn`.
    private func sourceByteColumn(_ bytes: ArraySlice<UInt8>, line: Int, byteColumn: Int, block: MarkdownBlockStart?) -> Int {
        guard let block, line > block.line else { return byteColumn }
        return byteColumn - block.byteColumn + contentStart(of: bytes, quoteDepth: block.quoteDepth)
    }

    /// 1-based byte column of the first character after indentation and quote markers.
    private func contentStart(of bytes: ArraySlice<UInt8>, quoteDepth: Int) -> Int {
        var index = bytes.startIndex
        var quotesLeft = quoteDepth
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: ">"), quotesLeft > 0 {
                quotesLeft -= 1
                index += 1
            } else {
                break
            }
        }
        return index - bytes.startIndex + 1
    }

    /// The scalar column of `byteColumn` on body line `line`, whose bytes are `bytes`.
    private func scalarColumn(_ bytes: ArraySlice<UInt8>, line: Int, byteColumn: Int) -> Int {
        let end = max(0, min(byteColumn - 1, bytes.count))
        // Short prefixes, nearly all of them, are counted outright.
        guard end > 256 else { return 1 + bytes.prefix(end).unicodeScalarCount }
        var (from, scalars) = (0, 0)
        if cursor.line == line && cursor.byte <= end { (from, scalars) = (cursor.byte, cursor.scalars) }
        scalars += bytes[(bytes.startIndex + from)..<(bytes.startIndex + end)].unicodeScalarCount
        (cursor.line, cursor.byte, cursor.scalars) = (line, end, scalars)
        return 1 + scalars
    }
}

/// Where the innermost paragraph or heading starts (cmark's body line and byte
/// column) and how many block quotes hold it.
struct MarkdownBlockStart {
    let line: Int
    let byteColumn: Int
    let quoteDepth: Int
}

/// Where a Markdown text's scalars are in the source from one scalar on (`SourcePositions.anchors`).
public struct ColumnAnchor: Sendable, Equatable {
    /// The first scalar of the text this holds for.
    public let scalar: Int
    /// That scalar's source column.
    public let column: Int
}

/// cmark 0.30 does not count the line that a backslash hard break (`\` at a line's
/// end) ends. The inlines after one on the next line get columns that run on past
/// the end of the break's line, and the paragraph's later lines one line number
/// too few. This puts them back, one paragraph or heading at a time, inlines in
/// document order. Only a cmark line with a hard break on it is re-placed: a lazy
/// continuation line can also have a column past its end, from indentation cmark
/// counted, and it belongs where cmark says.
struct HardBreakDrift {
    /// The cmark line of the inlines seen last.
    private var cmarkLine = 0
    /// Lines lost before that line.
    private var shift = 0
    /// Whether a hard break came after an inline on that line.
    private var isBroken = false
    /// Where that line's inlines are being placed: the line, and how far cmark's run-on
    /// column is ahead of the column there. Kept from inline to inline, as their columns
    /// only grow: each is placed from where the last one was, not from the cmark line.
    private var runOn = (line: 0, offset: 0)

    /// A hard break (which has no position of its own) follows the inlines seen so far.
    mutating func noteHardBreak() {
        isBroken = true
    }

    mutating func place(line: Int, byteColumn: Int, in block: MarkdownBlockStart, _ positions: SourcePositions) -> (line: Int, byteColumn: Int) {
        guard line >= 1 else { return (line, byteColumn) }
        if line != cmarkLine {
            shift += runOn.line - (cmarkLine + shift)
            (cmarkLine, isBroken, runOn) = (line, false, (line + shift, 0))
        }
        guard isBroken else { return (line + shift, byteColumn) }
        // A column past a line's break is on the next line, at the paragraph's own column there.
        while runOn.line < positions.lineCount, let end = positions.endColumn(ofLine: runOn.line, in: block), byteColumn - runOn.offset > end {
            runOn = (runOn.line + 1, runOn.offset + end + 1 - block.byteColumn)
        }
        return (runOn.line, byteColumn - runOn.offset)
    }
}
