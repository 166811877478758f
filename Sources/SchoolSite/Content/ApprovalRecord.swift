import Foundation

/// `approval.json` (SPEC §7): the SBM's signed statement that these exact bytes may be published.
public struct ApprovalRecord: Codable, Sendable, Equatable {
    public var post: String
    /// Hex SHA-256 of `index.md` and every image the post shows (`ApprovalDigest`).
    public var sha256: String
    public var approver: String
    /// RFC 3339 with the site's offset, e.g. `2024-06-14T15:30:00+01:00`.
    public var approvedAt: String
    /// Base64 Ed25519 signature of `signedBytes`.
    public var signature: String

    private enum CodingKeys: String, CodingKey {
        case post, sha256, approver, signature
        case approvedAt = "approved_at"
    }

    /// What the signature covers: slug, hash, approver and time, one per line
    /// after a fixed header, so no field can be shifted into another.
    public var signedBytes: Data {
        Data("schoolsite-approval-v1\n\(post)\n\(sha256)\n\(approver)\n\(approvedAt)\n".utf8)
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func parse(_ text: String) -> ApprovalRecord? {
        try? JSONDecoder().decode(ApprovalRecord.self, from: Data(text.utf8))
    }
}
