/// Source text with positions marked in it by ①…⑨ (removed before use), so a
/// test says where a diagnostic must point by writing the marker at that spot.
struct MarkedSource {
    static let markers: [Character] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫"]

    let text: String
    /// Marker → 1-based line and Unicode-scalar column in `text`.
    let positions: [Character: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var positions: [Character: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if Self.markers.contains(character) {
                positions[character] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.positions = positions
    }

    subscript(marker: Character) -> (line: Int, column: Int) {
        positions[marker] ?? (0, 0)
    }
}
