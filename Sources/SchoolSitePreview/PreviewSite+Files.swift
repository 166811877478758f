import Foundation
import SchoolSite

/// Why a rendered file is not served.
struct UnservableFile: Error {}

extension PreviewSite {
    func file(at path: String) -> OutputFile? {
        files[path]
    }

    /// The bytes of a rendered file. A post image is served only when it is a
    /// JPEG, PNG, GIF or WebP inside its post folder: a post that "shows"
    /// `index.md`, `approval.json` or a link out of its folder gets a 404 here,
    /// as the build would refuse it.
    func data(of file: OutputFile) throws -> Data {
        switch file.content {
        case .data(let data):
            return data
        case .copy(let source):
            try requireInside(source, folder: "")
            return try directory.readData(source, limit: Self.sizeLimit)
        case .image(let source):
            try requireInside(source, folder: (source as NSString).deletingLastPathComponent)
            let data = try directory.readData(source, limit: Self.sizeLimit)
            guard Self.isImage(data) else { throw UnservableFile() }
            return data
        }
    }

    private static let sizeLimit = 64 << 20

    /// `source`, symlinks resolved, lies inside `folder` (site-relative; "" is the site itself).
    private func requireInside(_ source: String, folder: String) throws {
        let resolvedFolder = directory.url(folder).resolvingSymlinksInPath().path
        let resolvedFile = directory.url(source).resolvingSymlinksInPath().path
        guard resolvedFile.hasPrefix(resolvedFolder.hasSuffix("/") ? resolvedFolder : resolvedFolder + "/") else {
            throw UnservableFile()
        }
    }

    /// JPEG, PNG, GIF or WebP by the first bytes, as `image.format` requires.
    static func isImage(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(12))
        return head.starts(with: [0xFF, 0xD8, 0xFF])
            || head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            || head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8))
            || (head.count == 12 && head.starts(with: Array("RIFF".utf8)) && head[8...].elementsEqual("WEBP".utf8))
    }
}
