/// Converts cmark's positions (body line, UTF-8 byte column) into file lines and
/// Unicode-scalar columns, the unit SPEC §6 reports in.
struct SourcePositions {
    let firstLine: Int
    private let bytes: [UInt8]
    /// Where each body line starts in `bytes` (one array for the body, not one per line).
    private let lineStarts: [Int]

    init(body: String, firstLine: Int) {
        self.firstLine = firstLine
        let bytes = Array(body.utf8)
        self.bytes = bytes
        self.lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
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
        var column = byteColumn
        if let block, line > block.line {
            column = byteColumn - block.byteColumn + contentStart(of: bytes, quoteDepth: block.quoteDepth)
        }
        return (firstLine + line - 1, scalarColumn(bytes, byteColumn: column))
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

    private func scalarColumn(_ bytes: ArraySlice<UInt8>, byteColumn: Int) -> Int {
        let prefix = bytes.prefix(max(0, min(byteColumn - 1, bytes.count)))
        // Continuation bytes (10xxxxxx) do not start a scalar.
        return prefix.reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}

/// Where the innermost paragraph or heading starts (cmark's body line and byte
/// column) and how many block quotes hold it.
struct MarkdownBlockStart {
    let line: Int
    let byteColumn: Int
    let quoteDepth: Int
}
