import SwiftCSV

/// One row of the consent register as SwiftCSV reads it: the values the row really
/// has (never padded to the longest row) and the line it starts on.
struct RegisterRow {
    var values: [String]
    var line: Int

    /// The rows of `text` that hold something, the header first. A blank line, or one
    /// of spaces and tabs only, holds no one: it is skipped, but counted in the lines
    /// of the rows after it. A line of commas is a row of empty values.
    static func rows(of text: String) throws -> [RegisterRow] {
        // SwiftCSV drops the last value of a text without a final line break when that
        // value is empty: a last row ending in an empty `consent_until` would lose it.
        let source = text.last?.isNewline == false ? text + "\n" : text
        // With rowLimit 0 the initializer reads the first row only. `rows` would pad every
        // row to the longest; enumerating gives each row's own values.
        let csv = try EnumeratedCSV(string: source, delimiter: .comma, loadColumns: false, rowLimit: 0)
        var rows: [RegisterRow] = []
        var line = 1
        try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { values in
            // SwiftCSV ends a row at a line break and keeps those inside quotes in the value.
            defer { line += 1 + values.reduce(0) { $0 + $1.count(where: \.isNewline) } }
            if values.count == 1, values[0].trimmed(of: .whitespaces).isEmpty { return }
            rows.append(RegisterRow(values: values, line: line))
        }
        return rows
    }
}
