/// Names as a multiset of byte strings, kept as their number and the sum of a
/// hash of each: two tallies are equal exactly when their names are, but for a
/// chance of about one in 2^64 (Swift's hash is keyed afresh in every process,
/// unless SWIFT_DETERMINISTIC_HASHING is set, so no name can be chosen to
/// collide). A folder of 10,000 entries is thus compared with the names it
/// should hold without making a String of each, and by bytes, as the file
/// system tells names apart: String equality would take the two spellings of
/// `ë` for one.
struct NameTally: Equatable {
    private var count = 0
    private var sum: UInt64 = 0

    mutating func add(_ name: UnsafeRawBufferPointer) {
        var hasher = Hasher()
        hasher.combine(bytes: name)
        count += 1
        sum &+= UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
