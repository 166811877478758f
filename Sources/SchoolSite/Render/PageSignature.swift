/// How page signatures put fields together.
enum PageSignature {
    /// Each field with its length in front, so no two lists of fields give the
    /// same text, whatever characters the fields hold.
    static func fields(_ fields: [String]) -> String {
        fields.map { "\($0.utf8.count):\($0)" }.joined()
    }
}
