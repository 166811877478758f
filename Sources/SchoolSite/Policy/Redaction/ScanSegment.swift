/// A stretch of text that reaches the page as one run of words (a paragraph
/// across its formatting, a title, an alt text, a URL), with the source position
/// of each scalar so a match can be reported where it is written.
struct ScanSegment {
    /// Where one appended text starts: its first scalar's index and source position.
    private struct Run {
        var start: Int
        var line: Int
        var column: Int
        var advancing: Bool
    }

    /// What the text is, for the message: "text", "title", "link address"…
    let place: String
    /// The appended texts, run together.
    private(set) var text = ""
    private var scalarCount = 0
    /// Positions are kept per appended text, not per scalar: they are only
    /// looked at for a finding, and the scan runs over every word of every post.
    private var runs: [Run] = []

    init(place: String) {
        self.place = place
        // A paragraph's text is a run per inline and line: room for a few, not grown from one.
        runs.reserveCapacity(8)
    }

    /// Text written at `line`:`column` onwards on one line.
    init(place: String, text: String, line: Int, column: Int, advancing: Bool = true) {
        self.place = place
        append(text, line: line, column: column, advancing: advancing)
    }

    /// - Parameter advancing: false when `text` is not the literal source (a URL
    ///   cmark decoded): every scalar is then reported at the start.
    mutating func append(_ text: String, line: Int, column: Int, advancing: Bool = true) {
        runs.append(Run(start: scalarCount, line: line, column: column, advancing: advancing))
        self.text += text
        // Counted over the bytes in place, not through the UTF-8 view a byte at a time.
        scalarCount += text.utf8.withContiguousStorageIfAvailable(\.unicodeScalarCount) ?? text.unicodeScalars.count
    }

    mutating func appendBreak(line: Int, column: Int) {
        append(" ", line: line, column: column)
    }

    /// The source line and column of the scalar at `index`; nil past the end.
    func position(of index: Int) -> (line: Int, column: Int)? {
        guard index >= 0, index < scalarCount else { return nil }
        // The last run starting at or before `index` (runs are in order of their starts).
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= index { low = middle } else { high = middle - 1 }
        }
        let run = runs[low]
        return (run.line, run.column + (run.advancing ? index - run.start : 0))
    }
}
