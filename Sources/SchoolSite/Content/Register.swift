import Foundation

/// One row of the consent register (SPEC §4).
public struct Person: Sendable, Hashable {
    public enum Role: String, Sendable {
        case pupil, staff, other
    }

    public var id: String
    public var givenName: String
    public var familyName: String
    public var knownAs: String
    public var role: Role
    public var photoConsent: Bool
    public var nameConsent: Bool
    public var doNotPublish: Bool
    /// Last day the consent holds; nil: no end.
    public var consentUntil: Day?

    /// Consent for photos holds on `day`: flag yes, not on the do-not-publish list, not lapsed.
    public func hasPhotoConsent(on day: Day) -> Bool { holds(photoConsent, on: day) }

    /// Consent to be named holds on `day`.
    public func hasNameConsent(on day: Day) -> Bool { holds(nameConsent, on: day) }

    private func holds(_ flag: Bool, on day: Day) -> Bool {
        guard flag, !doNotPublish else { return false }
        return consentUntil.map { $0 >= day } ?? true
    }
}

/// The consent register: everyone whose consent the school records, by id.
public struct Register: Sendable {
    public let people: [Person]
    private let byID: [String: Person]
    /// Everyone's names, folded for the redaction scan.
    let names: NameIndex
    /// SHA-256 of the register text these people were read from.
    public internal(set) var sourceDigest = ""
    /// The file they were read from, which is never published, under any name or as a copy.
    public internal(set) var file: RegisterFile?

    public init(people: [Person]) {
        self.people = people
        self.byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.names = NameIndex(people: people)
    }

    public subscript(id: String) -> Person? { byID[id] }
}

/// The register's file, as a build or preview knows it when it reads a file to publish.
public struct RegisterFile: Sendable {
    let identity: FileIdentity
    /// SHA-256 of its text (`Register.sourceDigest`).
    let digest: String
    let byteCount: Int

    /// Whether `file` is the register: the same file (a hard link, a symlink) or a copy of its text.
    public func isRegister(_ file: (data: Data, identity: FileIdentity)) -> Bool {
        // Only a file of about its size is hashed (a byte-order mark aside, a copy has its bytes), so images never are.
        file.identity == identity
            || (abs(file.data.count - byteCount) <= 3 && (try? SiteDirectory.decodeText(file.data))?.sha256 == digest)
    }
}
