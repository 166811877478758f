import Foundation
import SchoolSite

/// Why a rendered file is not served.
struct UnservableFile: Error {}

extension PreviewSite {
    func file(at path: String) -> OutputFile? {
        files[path]
    }

    /// The bytes of a rendered file. A post image is served only when it is a
    /// JPEG, PNG, GIF or WebP inside its post folder, and without its metadata,
    /// as the build publishes it: a post that "shows" `index.md`, `approval.json`
    /// or a link out of its folder gets a 404 here, as the build would refuse it.
    func data(of file: OutputFile) throws -> Data {
        switch file.content {
        case .data(let data):
            return data
        case .copy(let source):
            try requireInside(source, folder: "")
            return try readSource(source, limit: Self.sizeLimit)
        case .image(let source):
            try requireInside(source, folder: (source as NSString).deletingLastPathComponent)
            return try ImageMetadataStripper.strip(try readSource(source, limit: ImageMetadataStripper.sizeLimit))
        case .previous:
            // The preview renders every post afresh; only a build links earlier output.
            throw UnservableFile()
        }
    }

    private static let sizeLimit = 64 << 20

    /// The bytes of a site file; never the consent register's, under whatever
    /// name (a hard link, a symlink) or as a copy, as a build never publishes it.
    private func readSource(_ source: String, limit: Int) throws -> Data {
        let file = try directory.readFile(source, limit: limit)
        guard register?.isRegister(file) != true else { throw UnservableFile() }
        return file.data
    }

    /// `source`, symlinks resolved, lies inside `folder` (site-relative; "" is the site itself).
    private func requireInside(_ source: String, folder: String) throws {
        guard directory.resolves(source, inside: folder) == true else {
            throw UnservableFile()
        }
    }
}
