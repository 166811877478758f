/// A stretch of text that reaches the page as one run of words (a paragraph
/// across its formatting, a title, an alt text, a URL), with the source position
/// of each scalar so a match can be reported where it is written.
struct ScanSegment {
    /// What the text is, for the message: "text", "title", "link address"…
    let place: String
    var scalars: [Unicode.Scalar] = []
    var lines: [Int] = []
    var columns: [Int] = []

    init(place: String) {
        self.place = place
    }

    /// Text written at `line`:`column` onwards on one line.
    init(place: String, text: String, line: Int, column: Int, advancing: Bool = true) {
        self.place = place
        append(text, line: line, column: column, advancing: advancing)
    }

    /// - Parameter advancing: false when `text` is not the literal source (a URL
    ///   cmark decoded): every scalar is then reported at the start.
    mutating func append(_ text: String, line: Int, column: Int, advancing: Bool = true) {
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            lines.append(line)
            columns.append(column + offset)
            if advancing { offset += 1 }
        }
    }

    mutating func appendBreak(line: Int, column: Int) {
        append(" ", line: line, column: column)
    }
}
