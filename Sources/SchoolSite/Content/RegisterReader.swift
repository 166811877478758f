import Foundation

/// Reads `content/register.csv` (RFC 4180, header row, optional BOM, CRLF or LF).
/// Any fault stops every command: a register that is half understood could let
/// a photo through, so there is no partial result.
enum RegisterReader {
    static let rule = "register.invalid"
    static let columns = ["id", "given_name", "family_name", "known_as", "role",
                          "photo_consent", "name_consent", "do_not_publish", "consent_until"]
    static let sizeLimit = 64 << 20

    static func read(from site: SiteDirectory, path: String) throws(SiteError) -> Register {
        let text: String
        let read: (data: Data, identity: FileIdentity)
        do {
            read = try site.readFile(path, limit: sizeLimit)
            text = try SiteDirectory.decodeText(read.data)
        } catch {
            throw SiteError(rule, at: SourceLocation(file: path), "the consent register \(error.reason)")
        }
        var register = try parse(text, file: path)
        register.sourceDigest = text.sha256
        register.file = RegisterFile(identity: read.identity, digest: register.sourceDigest, byteCount: read.data.count)
        return register
    }

    static func parse(_ text: String, file: String) throws(SiteError) -> Register {
        // What a spreadsheet set to a language that writes decimal commas saves as "CSV",
        // or a "Text (Tab delimited)" export: none of it would read, and the first
        // symptom would be a stray quote or a missing column.
        let otherSeparators: [(character: Character, name: String, written: String)] = [(";", "semicolon", "`;`"), ("\t", "tab", "tabs")]
        if let header = firstFilledLine(of: text), !header.text.contains(","),
           let separator = otherSeparators.first(where: { header.text.contains($0.character) }) {
            throw SiteError(rule, at: SourceLocation(file: file, line: header.number),
                            "the consent register looks \(separator.name)-separated: its header row has \(separator.written) between the column names and no `,`. Save it as comma-separated CSV (in Excel: Save As, CSV UTF-8 (Comma delimited)) and try again")
        }
        let rows: [RegisterRow]
        do {
            rows = try RegisterRow.rows(of: text)
        } catch {
            throw SiteError(rule, at: SourceLocation(file: file, line: error.line, column: error.column), message(for: error))
        }
        let header = (rows.first?.values ?? []).map { $0.trimmed(of: .whitespaces) }
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw SiteError(rule, at: SourceLocation(file: file, line: rows.first?.line ?? 1),
                            "the header row has no column \(missing.map { "`\($0)`" }.joined(separator: ", ")); it must name: \(columns.joined(separator: ","))")
        }
        // Two `name_consent` columns (one added when consent changed, say) would leave it
        // unclear which holds; reading one and ignoring the other could publish a name.
        for column in columns {
            let positions = header.indices.filter { header[$0] == column }
            guard positions.count > 1 else { continue }
            throw SiteError(rule, at: SourceLocation(file: file, line: rows.first?.line ?? 1, column: positions[1] + 1),
                            "the header row has the column `\(column)` \(positions.count) times (columns \(positions.map { String($0 + 1) }.joined(separator: ", "))); keep one, so that it is clear which value holds")
        }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var people: [Person] = []
        var firstLineOfID: [String: Int] = [:]
        // Rows are counted as people are, so blank lines do not count; the line says where the row is.
        for (offset, row) in rows.dropFirst().enumerated() {
            var cells = RowCells(row: row.values, index: index, file: file, line: row.line, rowNumber: offset + 1)
            if row.values.count != header.count {
                // Its values cannot be matched to columns: checking them would name the wrong ones.
                cells.fail(column: nil, "has \(row.values.count) values but the header has \(header.count); each row needs one value per column, empty or not (look for a missing comma, or a comma in a value that is not in double quotes)")
            } else if let person = cells.person() {
                if let first = firstLineOfID[person.id] {
                    cells.fail(column: "id", "repeats the id `\(person.id)` already used on line \(first); ids must be unique")
                } else {
                    firstLineOfID[person.id] = row.line
                    people.append(person)
                }
            }
            diagnostics += cells.diagnostics
            if diagnostics.count >= 50 { break }
        }
        guard diagnostics.isEmpty else { throw SiteError(diagnostics) }
        return Register(people: people)
    }

    /// The first line with more than white space on it: the header row.
    private static func firstFilledLine(of text: String) -> LineScanner.Line? {
        var lines = LineScanner(text)
        while let line = lines.next() {
            if line.text.contains(where: { !$0.isWhitespace }) { return line }
        }
        return nil
    }

    private static func message(for problem: CSVQuoteProblem) -> String {
        let quoting = "(a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)"
        switch problem.kind {
        case .outOfPlace:
            return "the consent register is not valid CSV: a double quote on line \(problem.line) is out of place \(quoting)"
        case .unclosed:
            return "the consent register is not valid CSV: the quoted value that starts on line \(problem.line) is never closed, so the rest of the file would be read as part of it; add the missing \" \(quoting)"
        case .runsOn(let toLine):
            return "the consent register is not valid CSV: the quoted value that starts on line \(problem.line) runs on to line \(toLine), where the quote that ends it is followed by more text; if the value should end on line \(problem.line), add the missing \" there \(quoting)"
        }
    }
}

/// The cells of one register row, read by column name, with a diagnostic per bad value.
private struct RowCells {
    let row: [String]
    let index: [String: Int]
    let file: String
    let line: Int
    let rowNumber: Int
    var diagnostics: [Diagnostic] = []

    mutating func fail(column: String?, _ problem: String) {
        let place = column.map { "row \(rowNumber), column `\($0)`" } ?? "row \(rowNumber)"
        let columnNumber = column.flatMap { index[$0] }.map { $0 + 1 } ?? 1
        diagnostics.append(.error(RegisterReader.rule, at: SourceLocation(file: file, line: line, column: columnNumber),
                                  "consent register \(place) \(problem)"))
    }

    func text(_ column: String) -> String {
        guard let position = index[column], position < row.count else { return "" }
        return row[position].trimmed(of: .whitespaces)
    }

    mutating func flag(_ column: String) -> Bool? {
        let value = text(column)
        switch value.lowercased() {
        case "yes": return true
        case "no": return false
        default:
            fail(column: column, "must be `yes` or `no`, found `\(value)`")
            return nil
        }
    }

    mutating func person() -> Person? {
        let id = text("id")
        if id.isEmpty { fail(column: "id", "has no id") }
        let given = text("given_name")
        if given.isEmpty { fail(column: "given_name", "has no given name") }
        let role = Person.Role(rawValue: text("role").lowercased())
        if role == nil { fail(column: "role", "must be `pupil`, `staff` or `other`, found `\(text("role"))`") }
        let photo = flag("photo_consent"), name = flag("name_consent"), doNotPublish = flag("do_not_publish")
        var until: Day?
        let untilText = text("consent_until")
        if !untilText.isEmpty {
            until = Day(iso: untilText)
            if until == nil { fail(column: "consent_until", "must be a date written YYYY-MM-DD or empty, found `\(untilText)`") }
        }
        guard diagnostics.isEmpty, let role, let photo, let name, let doNotPublish else { return nil }
        return Person(id: id, givenName: given, familyName: text("family_name"), knownAs: text("known_as"), role: role,
                      photoConsent: photo, nameConsent: name, doNotPublish: doNotPublish, consentUntil: until)
    }
}
