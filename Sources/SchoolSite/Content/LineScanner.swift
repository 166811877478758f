/// Walks a text line by line without copying it: each line as a slice, with its
/// 1-based number and where the next line starts.
struct LineScanner {
    struct Line {
        var text: Substring
        var number: Int
        var start: String.Index
        var next: String.Index
    }

    private let source: String
    private var position: String.Index
    private(set) var count = 0

    init(_ source: String) {
        self.source = source
        self.position = source.startIndex
    }

    mutating func next() -> Line? {
        guard position < source.endIndex else { return nil }
        let start = position
        // By byte: a search by Character would break the text into graphemes on the way.
        let end = source.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? source.endIndex
        position = end < source.endIndex ? source.index(after: end) : end
        count += 1
        return Line(text: source[start..<end], number: count, start: start, next: position)
    }
}
