import Foundation

/// `image.format`: every image shown must be a JPEG, PNG, GIF or WebP by its
/// bytes (not its name), and one whose metadata can be removed: an image that
/// cannot be cleaned is never published.
struct ImageFormatRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        var checked: Set<[UInt8]> = []
        return post.shownImages.compactMap { image -> Diagnostic? in
            let file = post.file(named: image.fileName, in: context.site.directory)
            guard case .inside(let path) = file.location, file.isRegularFile, checked.insert(Array(path.utf8)).inserted else { return nil }
            return problem(with: image, at: path, in: context.site.directory)
        }
    }

    private func problem(with image: ImageReference, at path: String, in site: SiteDirectory) -> Diagnostic? {
        do {
            _ = try ImageMetadataStripper.strip(try site.readData(path, limit: ImageMetadataStripper.sizeLimit))
            return nil
        } catch let error as FileReadError {
            return .error("image.format", at: image.location, "`\(image.fileName)` \(error.reason)")
        } catch {
            return .error("image.format", at: image.location, "`\(image.fileName)`: \(error); save it again as a JPEG, PNG, GIF or WebP photo")
        }
    }
}
