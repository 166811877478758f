import Crypto
import Foundation

/// Why a key file cannot be used.
public struct ApprovalKeyError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// An approver's Ed25519 key pair, as kept in the private key file that
/// `schoolsite keygen` writes.
public struct ApprovalKey: Sendable {
    public let name: String
    let privateKey: Curve25519.Signing.PrivateKey

    public static func generate(name: String) -> ApprovalKey {
        ApprovalKey(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    /// The value for `public_key:` in site.yml.
    public var publicKeyText: String {
        "ed25519:" + privateKey.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The private key file's text.
    public var fileText: String {
        """
        # schoolsite approval key. Keep this file private (mode 600): anyone who has it can approve posts.
        name: \(name)
        private_key: ed25519:\(privateKey.rawRepresentation.base64EncodedString())

        """
    }

    /// Writes a new key file readable by its owner only; never overwrites.
    public func write(to path: String) throws(ApprovalKeyError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ApprovalKeyError(description: "cannot create the folder \(folder) for the key: \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "already exists; choose another file name (an existing key is never overwritten)" : String(cString: strerror(errno))
            throw ApprovalKeyError(description: "\(path) \(reason)")
        }
        defer { close(descriptor) }
        let bytes = Array(fileText.utf8)
        guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count else {
            throw ApprovalKeyError(description: "could not write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Reads a key file, refusing it (as ssh does) when other users could read it.
    public static func read(from path: String) throws(ApprovalKeyError) -> ApprovalKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ApprovalKeyError(description: "cannot read the key file \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ApprovalKeyError(description: "the key file \(path) can be read by other users of this computer, so it may no longer be secret. Run `chmod 600 \(path)`, and if others may have copied it, make a new key with `schoolsite keygen`.")
        }
        guard let text = try? SiteDirectory.decodeText(SiteDirectory.readData(at: path, limit: 4096)) else {
            throw ApprovalKeyError(description: "the key file \(path) cannot be read as text")
        }
        var name: String?
        var keyText: String?
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "name" { name = parts[1] }
            if parts[0] == "private_key" { keyText = parts[1] }
        }
        guard let name, !name.isEmpty, let keyText, keyText.hasPrefix("ed25519:"),
              let raw = Data(base64Encoded: String(keyText.dropFirst("ed25519:".count))),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw ApprovalKeyError(description: "\(path) is not a schoolsite key file (expected `name:` and `private_key: ed25519:…` lines as written by `schoolsite keygen`)")
        }
        return ApprovalKey(name: name, privateKey: key)
    }

    /// Signs an approval of `post` as it is now, at `approvedAt`.
    func sign(_ post: Post, digest: String, approvedAt: String) throws -> ApprovalRecord {
        var record = ApprovalRecord(post: post.slug, sha256: digest, approver: name, approvedAt: approvedAt, signature: "")
        record.signature = try privateKey.signature(for: record.signedBytes).base64EncodedString()
        return record
    }
}
