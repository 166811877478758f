import Crypto
import Foundation

/// `approval.signature` and `approval.stale`: an approved post must carry an
/// approval that a listed approver signed for this very post, over exactly the
/// bytes of `index.md` and the images it shows now.
struct ApprovalRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        guard !post.isDraft else { return [] }
        let location = SourceLocation(file: post.approvalFile)
        guard let text = post.approvalText, let record = ApprovalRecord.parse(text) else {
            return [.error("approval.signature", at: location,
                           "approval.json cannot be read as an approval; ask the SBM to approve the post again with `schoolsite approve \(post.folder) --key FILE`")]
        }
        if record.post != post.slug {
            return [.error("approval.signature", at: location,
                           "approval.json was made for another post (\(record.post)), not this one; ask the SBM to approve this post")]
        }
        guard Self.isSigned(record, by: context.config.approvers) else {
            // Most often the approver made a new key: every post they approved with the old one must be approved again.
            let listed = context.config.approvers.contains { $0.name == record.approver }
            let why = listed ? "\(record.approver) is listed in site.yml, but with another key than the one that signed it" : "\(record.approver) is not an approver in site.yml"
            return [.error("approval.signature", at: location,
                           "the approval's signature does not verify (\(why)); only a listed approver's key can approve. If the key changed, approve the post again: schoolsite approve \(post.folder) --key FILE")]
        }
        guard ApprovalDigest.of(post, site: context.site.directory) == record.sha256 else {
            return [.error("approval.stale", at: location,
                           "the post or one of its images changed after \(record.approver) approved it on \(record.approvedAt.prefix(10)); it must be approved again: schoolsite approve \(post.folder) --key FILE")]
        }
        return []
    }

    static func isSigned(_ record: ApprovalRecord, by approvers: [SiteConfig.Approver]) -> Bool {
        guard let signature = Data(base64Encoded: record.signature) else { return false }
        return approvers.contains { approver in
            guard approver.name == record.approver,
                  let raw = Data(base64Encoded: String(approver.publicKey.dropFirst("ed25519:".count))),
                  let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: record.signedBytes)
        }
    }
}
