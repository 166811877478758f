import SwiftCSV

/// One row of the consent register as SwiftCSV reads it: the values the row really
/// has (never padded to the longest row) and the line it starts on.
struct RegisterRow {
    var values: [String]
    var line: Int

    /// The rows of `text` that hold something, the header first. A blank line, or one
    /// of spaces and tabs only, holds no one: it is skipped, but counted in the lines
    /// of the rows after it. A line of commas is a row of empty values.
    static func rows(of text: String) throws(CSVQuoteProblem) -> [RegisterRow] {
        // SwiftCSV would skip a byte-order mark itself; without it here, the columns
        // found for a quote problem on line 1 are the ones an editor shows.
        var source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // SwiftCSV drops the last value of a text without a final line break when that
        // value is empty: a last row ending in an empty `consent_until` would lose it.
        if source.last?.isNewline == false { source += "\n" }
        var rows: [RegisterRow] = []
        var line = 1
        do {
            // With rowLimit 0 the initializer reads the first row only. `rows` would pad every
            // row to the longest; enumerating gives each row's own values.
            let csv = try EnumeratedCSV(string: source, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { values in
                // SwiftCSV ends a row at a line break and keeps those inside quotes in the value.
                defer { line += 1 + values.reduce(0) { $0 + newlineCount($1) } }
                if values.count == 1, values[0].trimmed(of: .whitespaces).isEmpty { return }
                rows.append(RegisterRow(values: values, line: line))
            }
        } catch {
            throw CSVQuoteProblem.outOfPlace(in: source, rowLine: line)
        }
        // SwiftCSV reads a quoted value that is never closed to the end of the text without
        // complaint. Once it has read the text, every other quote pairs up (opening and
        // closing, or `""`), so an odd number of them means the last value is such a one.
        if source.utf8.contains(UInt8(ascii: "\"")), source.count(where: { $0 == "\"" }) % 2 == 1, let last = rows.last {
            throw CSVQuoteProblem.unclosed(in: source, lastRow: last)
        }
        return rows
    }

    /// The line breaks in `value`, as SwiftCSV counts them (by Character). The bytes are
    /// looked at first: a line break is, or starts with, 0x0A–0x0D, 0xC2 (U+0085) or
    /// 0xE2 (U+2028, U+2029), and most values have none of them.
    private static func newlineCount(_ value: String) -> Int {
        guard value.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else { return 0 }
        return value.count(where: \.isNewline)
    }
}
