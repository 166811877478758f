import Foundation

/// `schoolsite approve`: runs the policy on one post as of today and, only if
/// nothing fails, signs it and writes its `approval.json`.
public enum PostApproval {
    /// What the SBM is shown before the approval is written.
    public struct Summary: Sendable {
        public var title: String
        public var date: Day
        /// id, photo consent today, name consent today, named in the text.
        public var people: [(id: String, photo: Bool, name: Bool, named: Bool)]
        /// image file, ids visible in it.
        public var images: [(file: String, people: [String])]
        /// Words the author says are not names here: the name scan skips them, so the SBM must agree.
        public var notNames: [String]
    }

    public enum Outcome: Sendable {
        case refused([Diagnostic])
        case approved(ApprovalRecord, Summary, warnings: [Diagnostic])
    }

    public static func approve(_ slug: String, in site: Site, key: ApprovalKey, now: Date = Date()) throws(SiteError) -> Outcome {
        guard site.config.approvers.contains(where: { $0.name == key.name && $0.publicKey == key.publicKeyText }) else {
            throw SiteError("approval.signature", at: SourceLocation(file: SiteConfigLoader.fileName),
                            "the key of \(key.name) is not listed under `approvers` in site.yml, so its approvals would be refused; add it with the line `public_key: \(key.publicKeyText)`")
        }
        let today = Day.today(in: site.config.timeZone, now: now)
        let evaluation = Evaluation.evaluate(site, on: today, for: .review, only: [slug])
        guard let evaluated = evaluation.posts.first else {
            throw SiteError("post.missing", at: SourceLocation(file: PostLoader.postsFolder), "there is no post folder \(PostLoader.postsFolder)/\(slug)")
        }
        // The approval being replaced does not count against the new one.
        let findings = evaluated.diagnostics.filter { !$0.rule.hasPrefix("approval.") }
        let post = evaluated.post
        guard !findings.hasErrors, let front = post.frontMatter, let digest = ApprovalDigest.of(post, site: site.directory) else {
            return .refused(findings)
        }
        let record: ApprovalRecord
        do {
            record = try key.sign(post, digest: digest, approvedAt: timestamp(now, in: site.config.timeZone))
            try Data(record.json.utf8).write(to: site.directory.url(post.approvalFile), options: .atomic)
        } catch {
            throw SiteError(.outputFailed, "approval.write", at: SourceLocation(file: post.approvalFile), "could not write the approval: \(error)")
        }
        let shown = Set(post.shownImages.map(\.fileName))
        let summary = Summary(
            title: front.title.value, date: front.date,
            people: front.people.map { entry in
                let person = site.register[entry.id]
                return (entry.id, person?.hasPhotoConsent(on: today) ?? false, person?.hasNameConsent(on: today) ?? false, entry.named)
            },
            images: front.photos.filter { shown.contains($0.file) }.map { ($0.file, $0.people.map(\.id)) },
            notNames: front.notNames)
        return .approved(record, summary, warnings: findings)
    }

    /// RFC 3339 with the site's offset, to the second.
    static func timestamp(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: date)
    }
}
