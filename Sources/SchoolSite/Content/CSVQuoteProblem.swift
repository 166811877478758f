import SwiftCSV

/// A double quote SwiftCSV cannot read, and where it is. SwiftCSV says only that the
/// quoting is wrong, or nothing at all when a quoted value runs to the end of the text;
/// these find the quote concerned for the message, by SwiftCSV's own reading.
struct CSVQuoteProblem: Error {
    enum Kind {
        /// A quote inside a value that does not start with one, or text after a closing quote.
        case outOfPlace
        /// A quoted value that is never closed, so it takes in the rest of the text.
        case unclosed
        /// A quoted value that went on past the end of its line, to a quote on line
        /// `toLine` that ends it with text after it: most often its own closing quote
        /// is missing, and the quote that opens a value on a later line closed it.
        case runsOn(toLine: Int)
    }

    var kind: Kind
    var line: Int
    /// Counted in Unicode scalars, as `SourceLocation` counts.
    var column: Int

    /// The quote at fault in the row of `text` that starts on line `rowLine`, which SwiftCSV refused.
    static func outOfPlace(in text: String, rowLine: Int) -> CSVQuoteProblem {
        let row = text[lineStart(rowLine, in: text)...]
        // SwiftCSV stops at the first character it cannot read, so the shortest start
        // of the row it refuses ends with that character: found by halving.
        var (read, refused) = (0, row.count)
        while refused - read > 1 {
            let middle = (read + refused) / 2
            if refuses(row.prefix(middle)) { refused = middle } else { read = middle }
        }
        // That character follows the quote at fault: a closing quote, or a lone quote in a value.
        let stop = row.index(row.startIndex, offsetBy: refused - 1)
        let quote = row[..<stop].lastIndex(of: "\"") ?? stop
        if let opening = openingOfMultilineValue(closedBy: quote, in: row) {
            let toLine = rowLine + row[..<quote].count(where: \.isNewline)
            return CSVQuoteProblem(.runsOn(toLine: toLine), at: opening, in: row, firstLine: rowLine)
        }
        return CSVQuoteProblem(.outOfPlace, at: quote, in: row, firstLine: rowLine)
    }

    /// Where the quoted value that `quote` closes was opened, when that value took in a
    /// line break; nil when `quote` closes no value, or one on its own line. Read as
    /// SwiftCSV reads a row: a value is quoted when it starts with `"`, and `""` inside
    /// it is a quote.
    private static func openingOfMultilineValue(closedBy quote: String.Index, in row: Substring) -> String.Index? {
        var opening: String.Index?
        var atValueStart = true
        var index = row.startIndex
        while index < quote {
            let character = row[index]
            index = row.index(after: index)
            if opening != nil {
                guard character == "\"" else { continue }
                if index < quote && row[index] == "\"" {
                    index = row.index(after: index)
                } else {
                    opening = nil
                    atValueStart = false
                }
            } else if atValueStart && character == "\"" {
                opening = row.index(before: index)
            } else {
                atValueStart = character == "," || character.isNewline
            }
        }
        guard let opening, row[opening..<quote].contains(where: \.isNewline) else { return nil }
        return opening
    }

    /// The quote that opens the last value of `row`, the last row of `text`, which SwiftCSV
    /// read to the end of the text.
    static func unclosed(in text: String, lastRow row: RegisterRow) -> CSVQuoteProblem {
        let line = row.line + row.values.dropLast().reduce(0) { $0 + $1.count(where: \.isNewline) }
        let lineText = text[lineStart(line, in: text)...].prefix { !$0.isNewline }
        // A quote inside the value is written twice, so the opening quote is the one
        // before the last 2 × (quotes in the value's first line) quotes of its line.
        let quotesInside = 2 * (row.values.last ?? "").prefix { !$0.isNewline }.count(where: { $0 == "\"" })
        var quote = lineText.endIndex
        for _ in 0...quotesInside {
            quote = lineText[..<quote].lastIndex(of: "\"") ?? lineText.startIndex
        }
        return CSVQuoteProblem(.unclosed, at: quote, in: lineText, firstLine: line)
    }

    private init(_ kind: Kind, at position: String.Index, in text: Substring, firstLine: Int) {
        let before = text[..<position]
        let lineStart = before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex
        self.kind = kind
        self.line = firstLine + before.count(where: \.isNewline)
        self.column = before[lineStart...].unicodeScalars.count + 1
    }

    private static func refuses(_ text: Substring) -> Bool {
        (try? EnumeratedCSV(string: String(text), delimiter: .comma, loadColumns: false, rowLimit: 0)) == nil
    }

    /// Where line `number` of `text` starts, its lines ended as SwiftCSV ends rows.
    private static func lineStart(_ number: Int, in text: String) -> String.Index {
        var start = text.startIndex
        for _ in 1..<number {
            start = text[start...].firstIndex(where: \.isNewline).map(text.index(after:)) ?? text.endIndex
        }
        return start
    }
}
