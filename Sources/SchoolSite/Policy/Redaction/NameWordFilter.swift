/// A quick test of whether a folded word can be one the name index knows: false
/// means certainly not, true means look it up. Nearly every word of a post is no
/// name, and the test spares it a String and a dictionary look-up (a Bloom filter:
/// two bits per word, set from a 64-bit hash of its bytes).
struct NameWordFilter: Sendable {
    private let bits: [UInt64]
    private let mask: UInt64

    /// - Parameter words: every word the index can be asked about, folded.
    init(_ words: some Collection<String>) {
        // About 32 bits per word keeps false positives under 1%.
        var count = 1 << 12
        while count < words.count * 32 { count <<= 1 }
        var bits = [UInt64](repeating: 0, count: count / 64)
        let mask = UInt64(count - 1)
        for word in words {
            let hash = Hash(word.utf8).value
            for bit in [hash & mask, (hash >> 32) & mask] { bits[Int(bit >> 6)] |= 1 << (bit & 63) }
        }
        self.bits = bits
        self.mask = mask
    }

    /// The bytes, apostrophes left out, may be a known word.
    func mayContain(_ bytes: ArraySlice<UInt8>) -> Bool {
        mayContain(Hash(bytes.lazy.filter { $0 != UInt8(ascii: "'") }))
    }

    /// The word hashed, apostrophes left out, may be a known word. Inlined: it is
    /// asked about every word of every post, and a call cost as much as the test.
    @inline(__always)
    func mayContain(_ hash: Hash) -> Bool {
        let value = hash.value
        let first = value & mask, second = (value >> 32) & mask
        return bits[Int(first >> 6)] & (1 << (first & 63)) != 0 && bits[Int(second >> 6)] & (1 << (second & 63)) != 0
    }

    /// A word's hash, taken a byte at a time, so the tokenizer can ask about a
    /// word as it reads it, without gathering its bytes first.
    struct Hash {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325

        init() {}

        init(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { add(byte) }
        }

        /// FNV-1a.
        mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        /// With a final mix, so that both halves spread (the high half of FNV-1a alone varies little for short words).
        fileprivate var value: UInt64 {
            var hash = state ^ (state >> 33)
            hash = hash &* 0xff51_afd7_ed55_8ccd
            return hash ^ (hash >> 33)
        }
    }
}
