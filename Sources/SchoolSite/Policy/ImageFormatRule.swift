import Foundation

/// `image.format`: every image shown must be a JPEG, PNG, GIF or WebP by its
/// bytes (not its name), and one whose metadata can be removed: an image that
/// cannot be cleaned is never published.
struct ImageFormatRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        let site = context.site.directory
        var checked: Set<String> = []
        return post.shownImages.compactMap { image -> Diagnostic? in
            let file = post.file(of: image, in: site)
            guard case .inside(let path) = file.location, checked.insert(path).inserted else { return nil }
            if case .success(let data)? = file.bytes, data.count <= ImageMetadataStripper.sizeLimit {
                return problem(with: image) { data }
            }
            // Not read, or too large: read again under the images' own limit, for its reason.
            // Anything but a regular file is `image.missing`'s to report.
            guard site.isRegularFile(path) else { return nil }
            return problem(with: image) { try site.readData(path, limit: ImageMetadataStripper.sizeLimit) }
        }
    }

    private func problem(with image: ImageReference, bytes: () throws -> Data) -> Diagnostic? {
        do {
            _ = try ImageMetadataStripper.strip(try bytes())
            return nil
        } catch let error as FileReadError {
            return .error("image.format", at: image.location, "`\(image.fileName)` \(error.reason)")
        } catch {
            return .error("image.format", at: image.location, "`\(image.fileName)`: \(error); save it again as a JPEG, PNG, GIF or WebP photo")
        }
    }
}
