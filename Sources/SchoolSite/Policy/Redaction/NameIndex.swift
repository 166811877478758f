/// Every register name, folded, mapped to the people who bear it. Built once per
/// register, so the scan costs a dictionary look-up per word whatever the
/// register's size.
struct NameIndex: Sendable {
    enum Part: Sendable {
        case given, family, knownAs
    }

    struct Owner: Sendable, Hashable {
        var id: String
        var isPupil: Bool
    }

    /// What one folded word can be: a single word of a name, and who has it (and
    /// as which part); or a given (or known-as) and family name run together
    /// (`ameliasmith`, as in hashtags), and whose. One table, so the scan looks
    /// each word of a post up once.
    struct Entry: Sendable {
        var owners: [(owner: Owner, part: Part)] = []
        var fullNameOwners: Set<Owner> = []
    }

    private var entries: [String: Entry] = [:]
    /// Rules out, before any look-up, the words that are in neither `entries` nor a person's words.
    private(set) var filter = NameWordFilter([String]())
    /// Per person: the words of their given and known-as names, and of their family name.
    private(set) var givenWords: [String: Set<String>] = [:]
    private(set) var familyWords: [String: Set<String>] = [:]

    /// Little words inside compound names (`de la Cruz`) that are not names on their own.
    private static let particles: Set<String> = ["de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "st", "bin", "al", "el", "ap"]

    init(people: [Person]) {
        var tokenizer = WordTokenizer()
        for person in people {
            let owner = Owner(id: person.id, isPupil: person.role == .pupil)
            let given = index(person.givenName, as: .given, owner, &tokenizer)
            let known = index(person.knownAs, as: .knownAs, owner, &tokenizer)
            let family = index(person.familyName, as: .family, owner, &tokenizer)
            givenWords[person.id] = Set(given + known)
            familyWords[person.id] = Set(family)
            let familyJoined = family.joined()
            guard !familyJoined.isEmpty else { continue }
            for first in [given.joined(), known.joined()] + given + known where !first.isEmpty {
                entries[first + familyJoined, default: Entry()].fullNameOwners.insert(owner)
                entries[familyJoined + first, default: Entry()].fullNameOwners.insert(owner)
            }
        }
        filter = NameWordFilter(Set(entries.keys).union(givenWords.values.joined()).union(familyWords.values.joined()))
    }

    func entry(for key: String) -> Entry? {
        entries[key]
    }

    /// The words of one name field, indexed; returns them.
    private mutating func index(_ name: String, as part: Part, _ owner: Owner, _ tokenizer: inout WordTokenizer) -> [String] {
        let words = tokenizer.words(in: name).map(\.key)
        for word in words where words.count == 1 || (word.count >= 2 && !Self.particles.contains(word)) {
            entries[word, default: Entry()].owners.append((owner, part))
        }
        return words
    }
}
