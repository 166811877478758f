import Foundation

/// The settings in `site.yml` (SPEC §3).
public struct SiteConfig: Sendable {
    public struct Approver: Sendable, Hashable {
        public var name: String
        /// The `ed25519:BASE64` text as written in site.yml.
        public var publicKey: String
    }

    public enum PupilFullNames: String, Sendable {
        case forbid
        case allowWithNameConsent = "allow-with-name-consent"
    }

    public struct Policy: Sendable {
        public var categories: [String]
        public var pupilFullNames: PupilFullNames
    }

    public var title: String
    public var school: String
    /// Absolute, ends with `/`.
    public var baseURL: String
    public var language: String
    public var timeZone: TimeZone
    public var theme: String
    /// Where `theme:` is written, for a theme that is not there.
    var themeLocation = SourceLocation(file: SiteConfigLoader.fileName)
    public var postsPerPage: Int
    /// Site-relative path of the consent register.
    public var registerPath: String
    /// Where `register:` is written, for a register where a build would publish it.
    var registerLocation = SourceLocation(file: SiteConfigLoader.fileName)
    public var approvers: [Approver]
    public var policy: Policy
    /// SHA-256 of the site.yml text these settings were read from.
    public internal(set) var sourceDigest = ""
}
