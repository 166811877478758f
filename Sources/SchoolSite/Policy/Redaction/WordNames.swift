/// The names one scanned word can be, as written and as read with its digits as
/// letters (`Gr4ce`): who bears them, the full names run together in it, and the
/// units it counts as when names are looked for side by side.
struct WordNames {
    struct Unit {
        var key: String
        var owners: [(owner: NameIndex.Owner, part: NameIndex.Part)]
    }

    /// Everyone whose name the word, or a part of it, is, in any spelling.
    private(set) var bearers: [NameIndex.Owner] = []
    /// Full names run together, as in hashtags (`ameliasmith`, `#AmeliaSmith`, `ameliasmith1`).
    private(set) var fullNames: Set<NameIndex.Owner> = []
    /// The word's units in the spelling that names the most of them: the word itself
    /// when it is a name (`MacLeod`), else its parts, with two parts that make one
    /// name together (`#IslaMacLeod`: `mac`, `leod`) as one unit.
    private(set) var units: [Unit] = []

    init(_ word: ScanWord, in index: NameIndex) {
        let spellings = [(key: word.key, parts: word.parts)] + word.readings.map { (key: $0.key, parts: $0.parts) }
        var mostNamed = -1
        for spelling in spellings {
            let entry = index.entry(for: spelling.key)
            let whole = entry?.owners ?? []
            fullNames.formUnion(entry?.fullNameOwners ?? [])
            var units: [Unit] = []
            var offset = 0
            while offset < spelling.parts.count {
                let pair = offset + 1 < spelling.parts.count ? spelling.parts[offset] + spelling.parts[offset + 1] : nil
                if let pair, let owners = index.entry(for: pair)?.owners, !owners.isEmpty {
                    units.append(Unit(key: pair, owners: owners))
                    offset += 2
                } else {
                    let part = index.entry(for: spelling.parts[offset])
                    fullNames.formUnion(part?.fullNameOwners ?? [])
                    units.append(Unit(key: spelling.parts[offset], owners: part?.owners ?? []))
                    offset += 1
                }
            }
            bearers += (whole + units.flatMap(\.owners)).map(\.owner)
            if units.isEmpty || !whole.isEmpty { units = [Unit(key: spelling.key, owners: whole)] }
            let named = units.count { !$0.owners.isEmpty }
            if named > mostNamed { (mostNamed, self.units) = (named, units) }
        }
    }
}
