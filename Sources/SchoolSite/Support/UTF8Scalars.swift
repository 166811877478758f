extension Sequence<UInt8> {
    /// How many Unicode scalars these UTF-8 bytes hold: each starts with a byte
    /// that is not a continuation byte (10xxxxxx). Columns are counted in scalars.
    var unicodeScalarCount: Int {
        count { $0 & 0xC0 != 0x80 }
    }
}
