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
        for name in insideImageNames(of: post, site: site) {
            guard let data = try? site.readData("\(post.folder)/\(name)", limit: 64 << 20) else { return nil }
            add(name, data, to: &hasher)
        }
        return hasher.finalize().hexString
    }

    /// The names of the images inside the post folder, each once byte for byte (two spellings
    /// of `é` are two files), in String order, and two spellings of one name by their bytes.
    private static func insideImageNames(of post: Post, site: SiteDirectory) -> [String] {
        var seen: Set<[UInt8]> = []
        let names = post.shownImages.map(\.fileName).filter { name in
            guard case .inside = post.file(named: name, in: site).location else { return false }
            return seen.insert(ImageFile.key(name)).inserted
        }
        return names.sorted { $0 < $1 || ($0 == $1 && $0.utf8.lexicographicallyPrecedes($1.utf8)) }
    }

    private static func add(_ name: String, _ data: some DataProtocol, to hasher: inout SHA256) {
        hasher.update(data: Data(name.utf8) + [0])
        withUnsafeBytes(of: UInt64(data.count).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
    }
}
