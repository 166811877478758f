import Testing
@testable import SchoolSite

@Suite struct RegisterReaderTests {
    static let header = "id,given_name,family_name,known_as,role,photo_consent,name_consent,do_not_publish,consent_until"

    func failure(_ csv: String) -> SiteError? {
        do {
            _ = try RegisterReader.parse(csv, file: "content/register.csv")
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostics reading `csv` gives, as printed; none when it reads.
    func problems(_ csv: String) -> [String] {
        failure(csv)?.diagnostics.map(\.description) ?? []
    }

    func quoteOutOfPlace(_ line: Int, _ column: Int) -> String {
        "content/register.csv:\(line):\(column): error[register.invalid] the consent register is not valid CSV: a double quote on line \(line) is out of place (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)"
    }

    func unclosedQuote(_ line: Int, _ column: Int) -> String {
        "content/register.csv:\(line):\(column): error[register.invalid] the consent register is not valid CSV: the quoted value that starts on line \(line) is never closed, so the rest of the file would be read as part of it; add the missing \" (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)"
    }

    @Test func quotingBOMAndCRLF() throws {
        let csv = "\u{FEFF}" + Self.header + "\r\n" +
            "P1,\"Mary Ann\",\"O'Neill, Jr\",\"\"\"Mo\"\"\",pupil,yes,no,no,2031-07-31\r\n" +
            "P2,Zoë,Smith-Jones,,pupil,no,no,yes,\r\n"
        let register = try RegisterReader.parse(csv, file: "content/register.csv")
        #expect(register.people.count == 2)
        #expect(register["P1"]?.familyName == "O'Neill, Jr")
        #expect(register["P1"]?.knownAs == "\"Mo\"")
        #expect(register["P1"]?.consentUntil == Day(iso: "2031-07-31"))
        #expect(register["P2"]?.doNotPublish == true)
    }

    @Test func spacesAroundValuesAndColumnNamesDoNotCount() throws {
        let csv = "id , given_name,family_name,known_as,role,photo_consent,name_consent,do_not_publish,consent_until\n" +
            " P1,\tAnn ,\u{00A0}Lee\u{00A0},, pupil,yes , no,no,\n"
        let person = try #require(try RegisterReader.parse(csv, file: "r.csv")["P1"])
        #expect([person.id, person.givenName, person.familyName] == ["P1", "Ann", "Lee"])
        #expect(person.role == .pupil && person.photoConsent && !person.nameConsent)
    }

    @Test func columnsMayComeInAnyOrder() throws {
        let csv = "role,id,given_name,family_name,known_as,photo_consent,name_consent,do_not_publish,consent_until\npupil,P1,Ann,Lee,,yes,yes,no,\n"
        #expect(try RegisterReader.parse(csv, file: "r.csv")["P1"]?.givenName == "Ann")
    }

    @Test func missingColumnNamesIt() {
        let error = failure("id,given_name,family_name,role,photo_consent,name_consent,do_not_publish,consent_until\n")
        #expect(error?.diagnostics.first?.description.hasPrefix("content/register.csv:1:1: error[register.invalid] the header row has no column `known_as`") == true)
    }

    @Test func aColumnTheRegisterReadsGivenTwiceIsRefused() {
        let csv = "\n" + Self.header + ",name_consent\nP1,Ann,Lee,,pupil,yes,yes,no,,no\n"
        #expect(problems(csv) == [
            "content/register.csv:2:10: error[register.invalid] the header row has the column `name_consent` 2 times (columns 7, 10); keep one, so that it is clear which value holds",
        ])
    }

    @Test func anExtraColumnGivenTwiceIsNoProblem() throws {
        let csv = Self.header + ",notes,notes\nP1,Ann,Lee,,pupil,yes,no,no,,a,b\n"
        #expect(try RegisterReader.parse(csv, file: "r.csv")["P1"]?.nameConsent == false)
    }

    @Test func duplicateIDNamesBothLines() {
        let error = failure(Self.header + "\nP1,A,B,,pupil,yes,yes,no,\nP2,C,D,,pupil,yes,yes,no,\nP1,E,F,,pupil,yes,yes,no,\n")
        #expect(error?.diagnostics.map(\.description) == [
            "content/register.csv:4:1: error[register.invalid] consent register row 3, column `id` repeats the id `P1` already used on line 2; ids must be unique",
        ])
    }

    @Test func badValuesNameRowAndColumn() {
        let error = failure(Self.header + "\nP1,A,B,,pupil,Yes please,yes,no,\nP2,C,D,,teacher,yes,yes,no,2024-02-30\n")
        #expect(error?.diagnostics.map(\.description) == [
            "content/register.csv:2:6: error[register.invalid] consent register row 1, column `photo_consent` must be `yes` or `no`, found `Yes please`",
            "content/register.csv:3:5: error[register.invalid] consent register row 2, column `role` must be `pupil`, `staff` or `other`, found `teacher`",
            "content/register.csv:3:9: error[register.invalid] consent register row 2, column `consent_until` must be a date written YYYY-MM-DD or empty, found `2024-02-30`",
        ])
    }

    @Test func lineNumbersCountNewlinesInsideQuotedFields() {
        let error = failure(Self.header + "\nP1,\"Two\nLines\",B,,pupil,yes,yes,no,\nP2,C,D,,pupil,yes,yes,nope,\n")
        #expect(error?.diagnostics.first?.location.line == 4)
    }

    @Test func blankLinesAreSkipped() throws {
        let csv = "\n" + Self.header + "\nP1,A,B,,pupil,yes,yes,no,\n\n \t\r\nP2,C,D,,pupil,yes,yes,no,\n\n"
        #expect(try RegisterReader.parse(csv, file: "r.csv").people.map(\.id) == ["P1", "P2"])
    }

    @Test func rowsAfterABlankLineKeepTheirLines() {
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,\n\nP2,C,D,,teacher,yes,yes,no,\n") == [
            "content/register.csv:4:5: error[register.invalid] consent register row 2, column `role` must be `pupil`, `staff` or `other`, found `teacher`",
        ])
    }

    @Test func aHeaderAfterBlankLinesIsReportedOnItsLine() {
        #expect(problems("\n\n" + Self.header.replacingOccurrences(of: ",known_as", with: "") + "\n").first?.hasPrefix(
            "content/register.csv:3:1: error[register.invalid] the header row has no column `known_as`") == true)
    }

    @Test func aLineOfOnlyCommasIsARowWithEmptyValues() {
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,\n,,,,,,,,\n") == [
            "content/register.csv:3:1: error[register.invalid] consent register row 2, column `id` has no id",
            "content/register.csv:3:2: error[register.invalid] consent register row 2, column `given_name` has no given name",
            "content/register.csv:3:5: error[register.invalid] consent register row 2, column `role` must be `pupil`, `staff` or `other`, found ``",
            "content/register.csv:3:6: error[register.invalid] consent register row 2, column `photo_consent` must be `yes` or `no`, found ``",
            "content/register.csv:3:7: error[register.invalid] consent register row 2, column `name_consent` must be `yes` or `no`, found ``",
            "content/register.csv:3:8: error[register.invalid] consent register row 2, column `do_not_publish` must be `yes` or `no`, found ``",
        ])
    }

    @Test func aRowWithFewerValuesThanTheHeaderIsRefused() {
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,2025-07-31\nP2,C,D,,pupil,yes,yes,no\n") == [
            "content/register.csv:3:1: error[register.invalid] consent register row 2 has 8 values but the header has 9; each row needs one value per column, empty or not (look for a missing comma, or a comma in a value that is not in double quotes)",
        ])
    }

    @Test func aRowWithMoreValuesThanTheHeaderIsRefused() {
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,,\nP2,C,D,,pupil,yes,yes,no,\n") == [
            "content/register.csv:2:1: error[register.invalid] consent register row 1 has 10 values but the header has 9; each row needs one value per column, empty or not (look for a missing comma, or a comma in a value that is not in double quotes)",
        ])
    }

    @Test func aLastRowWithoutALineBreakKeepsItsEmptyLastValue() throws {
        let register = try RegisterReader.parse(Self.header + "\nP1,A,B,,pupil,yes,yes,no,2025-07-31\nP2,C,D,,pupil,yes,yes,no,", file: "r.csv")
        #expect(register.people.map(\.id) == ["P1", "P2"])
        #expect(register["P2"]?.consentUntil == nil)
    }

    @Test func aQuoteOutOfPlaceIsReportedWhereItIs() {
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,\nP2,\"Ann\"x,B,,pupil,yes,yes,no,\n") == [
            "content/register.csv:3:8: error[register.invalid] the consent register is not valid CSV: a double quote on line 3 is out of place (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)",
        ])
        #expect(problems(Self.header + "\nP1,Mo \"Bear\",B,,pupil,yes,yes,no,\n") == [
            "content/register.csv:2:7: error[register.invalid] the consent register is not valid CSV: a double quote on line 2 is out of place (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)",
        ])
    }

    @Test func aQuoteOutOfPlaceIsFoundPastLineBreaksBOMAndWideCharacters() {
        #expect(problems(Self.header + "\n\nP1,\"Two\r\nLines\",Zoe\u{0308} \"Z\",,pupil,yes,yes,no,\n") == [quoteOutOfPlace(4, 13)])
        #expect(problems("\u{FEFF}\"id\" x," + Self.header.dropFirst(3) + "\n") == [quoteOutOfPlace(1, 4)])
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,2025-07-31\"") == [quoteOutOfPlace(2, 36)])
    }

    @Test func anUnclosedQuoteIsReportedWhereTheValueStarts() {
        let rows = (1...9).map { "P\($0),A,B,,pupil,yes,yes,no,\n" }.joined()
        #expect(problems(Self.header + "\n" + rows + "P10,\"Ann,B,,pupil,yes,yes,no,\nP11,C,D,,pupil,yes,yes,no,\n") == [
            "content/register.csv:11:5: error[register.invalid] the consent register is not valid CSV: the quoted value that starts on line 11 is never closed, so the rest of the file would be read as part of it; add the missing \" (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)",
        ])
    }

    /// A value whose closing quote is missing runs on to the next quote, which
    /// SwiftCSV takes for its end: the error is where the value starts.
    @Test func aQuoteMissingMidFileIsReportedWhereTheValueStarts() {
        let csv = Self.header + "\nP1,Oliver,\"Smith-Jones,,pupil,yes,yes,no,\nP2,Aoife,\"O'Neill\",,pupil,yes,yes,no,\n"
        #expect(problems(csv) == [
            "content/register.csv:2:11: error[register.invalid] the consent register is not valid CSV: the quoted value that starts on line 2 runs on to line 3, where the quote that ends it is followed by more text; if the value should end on line 2, add the missing \" there (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)",
        ])
        // A value over two lines that is closed, and a quote out of place after it, in the same row.
        let closed = Self.header + "\nP1,\"Two\nLines\",B\"x,,pupil,yes,yes,no,\n"
        #expect(problems(closed) == [quoteOutOfPlace(3, 9)])
        // An escaped quote before a line break is not the end of the value.
        let escaped = Self.header + "\nP1,\"Mo \"\"Bear\"\"\nLee,B,,pupil,yes,yes,no,\nP2,\"C\",D,,pupil,yes,yes,no,\n"
        #expect(problems(escaped) == [
            "content/register.csv:2:4: error[register.invalid] the consent register is not valid CSV: the quoted value that starts on line 2 runs on to line 4, where the quote that ends it is followed by more text; if the value should end on line 2, add the missing \" there (a quoted value must be wholly inside \"…\", with \"\" for a quote inside it)",
        ])
    }

    @Test func anUnclosedQuoteIsFoundAfterQuotedValuesAndInTheLastRow() {
        let afterQuotes = Self.header + "\nP1,\"A\nB\",\"C\",\"Mo \"\"Bear\"\", Lee,pupil,yes,yes,no,\nP2,C,D,,pupil,yes,yes,no,\n"
        #expect(problems(afterQuotes) == [unclosedQuote(3, 8)])
        #expect(problems(Self.header + "\nP1,A,B,,pupil,yes,yes,no,\"2025-07-31") == [unclosedQuote(2, 26)])
    }

    @Test func aSemicolonSeparatedExportIsRecognised() {
        let semicolons = Self.header.replacingOccurrences(of: ",", with: ";")
        let advice = "error[register.invalid] the consent register looks semicolon-separated: its header row has `;` between the column names and no `,`. Save it as comma-separated CSV (in Excel: Save As, CSV UTF-8 (Comma delimited)) and try again"
        #expect(problems(semicolons + "\nP1;\"Ann\";Lee;;pupil;yes;yes;no;\n") == ["content/register.csv:1:1: " + advice])
        let quotedSemicolons = "\"" + Self.header.replacingOccurrences(of: ",", with: "\";\"") + "\""
        #expect(problems("\n" + quotedSemicolons + "\r\nP1;Ann;Lee;;pupil;yes;yes;no;\r\n") == ["content/register.csv:2:1: " + advice])
    }

    @Test func aTabSeparatedExportIsRecognised() {
        let tabs = Self.header.replacingOccurrences(of: ",", with: "\t")
        #expect(problems(tabs + "\nP1\t\"Ann \"\"Mo\"\"\"\tLee\t\tpupil\tyes\tyes\tno\t\n") == [
            "content/register.csv:1:1: error[register.invalid] the consent register looks tab-separated: its header row has tabs between the column names and no `,`. Save it as comma-separated CSV (in Excel: Save As, CSV UTF-8 (Comma delimited)) and try again",
        ])
    }

    @Test func consentHoldsUntilItsLastDay() throws {
        let register = try RegisterReader.parse(Self.header + "\nP1,A,B,,pupil,yes,yes,no,2025-07-31\nP2,C,D,,pupil,yes,yes,yes,\n", file: "r.csv")
        let person = try #require(register["P1"])
        #expect(person.hasPhotoConsent(on: Day(iso: "2025-07-31")!))
        #expect(!person.hasPhotoConsent(on: Day(iso: "2025-08-01")!))
        #expect(register["P2"]?.hasPhotoConsent(on: Day(iso: "2020-01-01")!) == false)
    }
}
