/// A front matter text (title, summary, cover) as the scan reads it, each part
/// at the line and column of `index.md` where it is written. YAML reads text
/// shorter than it is written: a quoted value starts after its quote, `''` and
/// `\"` stand for one character, and a long value folded over lines, or a block
/// (`summary: >`), goes on at the next line's indentation; `&euml;` is decoded
/// for the scan. Past anything else, the rest is placed as if written out plainly.
struct FrontMatterTextSegment {
    private let source: ArraySlice<UInt8>
    private var line: Int
    private var lineStart: Int
    private var lineEnd: Int

    /// - Parameters:
    ///   - text: the value read, references decoded.
    ///   - location: where YAML says the value starts (its quote or block indicator).
    ///   - source: the bytes of `index.md`.
    static func segment(place: String, text: String, at location: SourceLocation, in source: [UInt8]?) -> ScanSegment {
        var segment = ScanSegment(place: place)
        guard let source, var walk = FrontMatterTextSegment(source[...], line: location.line) else {
            segment.append(text, line: location.line, column: location.column)
            return segment
        }
        walk.place(text, from: location.column, into: &segment)
        return segment
    }

    private init?(_ source: ArraySlice<UInt8>, line: Int) {
        self.source = source
        self.line = 0
        self.lineStart = source.startIndex
        self.lineEnd = source.startIndex
        // Lines before the front matter's end are few: found by walking from the start.
        var start = source.startIndex
        for _ in 1..<max(line, 1) {
            guard let newline = source[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = newline + 1
        }
        enter(line: line, at: start)
    }

    private mutating func enter(line: Int, at start: Int) {
        self.line = line
        lineStart = start
        lineEnd = source[start...].firstIndex(of: UInt8(ascii: "\n")) ?? source.endIndex
    }

    /// Moves to the next line, past its indentation; false at the end of the file.
    private mutating func nextLine() -> Int? {
        guard lineEnd < source.endIndex else { return nil }
        enter(line: line + 1, at: lineEnd + 1)
        return source[lineStart..<lineEnd].firstIndex { !Self.isBlank($0) } ?? lineEnd
    }

    private func column(of at: Int) -> Int {
        1 + source[lineStart..<at].unicodeScalarCount
    }

    private mutating func place(_ text: String, from column: Int, into segment: inout ScanSegment) {
        var at = lineStart
        for _ in 1..<max(column, 1) where at < lineEnd {
            at += 1
            while at < lineEnd && source[at] & 0xC0 == 0x80 { at += 1 }
        }
        var quote: UInt8?
        switch at < lineEnd ? source[at] : 0 {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            quote = source[at]
            at += 1
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            guard let first = nextLine() else { return segment.append(text, line: line, column: column) }
            at = first
        default: break
        }
        // Nearly always, the value is written out on its line as it reads.
        if source[at..<lineEnd].starts(withUTF8Of: text) { return segment.append(text, line: line, column: self.column(of: at)) }
        let scalars = Array(text.unicodeScalars)
        // Counted on as the walk goes, not from the line's start at each piece: a long
        // value full of escapes would make that quadratic.
        var column = self.column(of: at)
        var piece = (start: 0, line: line, column: column)
        var index = 0
        while index < scalars.count {
            let written = Array(String(scalars[index]).utf8)
            let rest = source[at..<lineEnd]
            let escape = Self.escape(rest, in: quote)
            if escape == nil && rest.starts(with: written) {
                at += written.count
                column += 1
                index += 1
                continue
            }
            let readAsWritten: Bool
            // A reference is at most 40 bytes long, so the text after it need not be longer.
            let textAhead = Array(String(String.UnicodeScalarView(scalars[index...].prefix(40))).utf8)[...]
            if let length = escape ?? CharacterReference.decodedLength(at: rest, readAs: textAhead) {
                at += length
                column += length  // escapes and references are ASCII
                readAsWritten = true
            } else if rest.allSatisfy(Self.isBlank) {
                // A line break: it reads as a space or a newline, or as nothing before a blank line.
                guard let next = nextLine() else { break }
                at = next
                column = self.column(of: at)
                readAsWritten = written == [UInt8(ascii: " ")] || written == [UInt8(ascii: "\n")]
            } else {
                break
            }
            if readAsWritten { index += 1 }
            segment.append(String(String.UnicodeScalarView(scalars[piece.start..<index])), line: piece.line, column: piece.column)
            piece = (index, line, column)
        }
        segment.append(String(String.UnicodeScalarView(scalars[piece.start...])), line: piece.line, column: piece.column)
    }

    /// A quoted value's escape at the start of `rest`: `''` in single quotes; `\"`, `\n`,
    /// `\xXX`, `\uXXXX` and `\UXXXXXXXX` in double quotes. Its length, or nil.
    private static func escape(_ rest: ArraySlice<UInt8>, in quote: UInt8?) -> Int? {
        guard let quote, let first = rest.first, let second = rest.dropFirst().first else { return nil }
        if quote == UInt8(ascii: "'") { return first == quote && second == quote ? 2 : nil }
        guard first == UInt8(ascii: "\\") else { return nil }
        let length = switch second {
        case UInt8(ascii: "x"): 4
        case UInt8(ascii: "u"): 6
        case UInt8(ascii: "U"): 10
        default: 2
        }
        // A cut-short escape at the end of a line (which YAML refuses anyway) ends there.
        return min(length, rest.count)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
