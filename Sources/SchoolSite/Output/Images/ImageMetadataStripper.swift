import Foundation

/// Removes every piece of metadata (EXIF, XMP, IPTC, GPS, comments, text
/// chunks, trailers) from a post image before it is published, working on the
/// file's structure only: the compressed pixels are copied byte for byte, never
/// decoded or re-encoded. A JPEG's EXIF orientation is kept (as a minimal EXIF
/// block), so phone photos stay upright (SPEC §8).
public enum ImageMetadataStripper {
    public static let sizeLimit = 25 << 20  // 25 MB

    /// The image with its metadata removed; throws for anything it cannot parse fully. Never crashes or hangs on any input.
    public static func strip(_ data: Data) throws(ImageError) -> Data {
        guard data.count <= sizeLimit else {
            throw ImageError("is larger than the \(ByteCount(sizeLimit)) limit for images; export it at a smaller size")
        }
        guard let format = ImageFormat(sniffing: data) else {
            throw ImageError("is not a JPEG, PNG, GIF or WebP image")
        }
        let image = ImageBytes(bytes: [UInt8](data), format: format.name)
        switch format {
        case .jpeg: return Data(try JPEGStripper.strip(image))
        case .png: return Data(try PNGStripper.strip(image))
        case .gif: return Data(try GIFStripper.strip(image))
        case .webp: return Data(try WebPStripper.strip(image))
        }
    }
}
