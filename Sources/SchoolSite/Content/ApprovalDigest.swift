import Crypto
import Foundation

/// The SHA-256 an approval is bound to: `index.md`, then every image the post
/// shows in file-name order, each as its name, a NUL, its length as 8 bytes
/// big-endian, and its bytes. Changing, adding, removing or renaming any of them
/// changes the hash.
enum ApprovalDigest {
    /// nil when a shown image cannot be read (the policy reports why).
    static func of(_ post: Post, site: SiteDirectory) -> String? {
        guard let source = post.sourceData else { return nil }
        var hasher = SHA256()
        add("index.md", source, to: &hasher)
        // The images' bytes as the post was read with them: those the policy checked.
        let files = Dictionary(post.shownImages.map { ($0.fileName, post.file(of: $0, in: site)) }) { first, _ in first }
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            guard case .inside = file.location else { continue }
            guard case .success(let data)? = file.bytes else { return nil }
            add(name, data, to: &hasher)
        }
        return hasher.finalize().hexString
    }

    private static func add(_ name: String, _ data: some DataProtocol, to hasher: inout SHA256) {
        hasher.update(data: Data(name.utf8) + [0])
        withUnsafeBytes(of: UInt64(data.count).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }
}
