/// Removes a WebP's metadata by walking its RIFF chunks.
///
/// Kept: VP8X (with its EXIF and XMP flags cleared), VP8, VP8L, ALPH, ANIM,
/// ANMF, ICCP. Dropped: EXIF, XMP, unknown chunks, and anything after the
/// length the RIFF header gives. The RIFF size is written anew, and every
/// odd-sized chunk is followed by its zero pad byte.
enum WebPStripper {
    private static let keptChunks: Set<String> = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"]
    private static let imageChunks: Set<String> = ["VP8 ", "VP8L", "ANMF"]
    /// VP8X flag bits: EXIF present (0x08), XMP present (0x04).
    private static let metadataFlags: UInt8 = 0x08 | 0x04

    static func strip(_ image: ImageBytes) throws(ImageError) -> [UInt8] {
        guard image.starts(with: Array("RIFF".utf8), at: 0), image.starts(with: Array("WEBP".utf8), at: 8) else {
            throw image.corrupt("no RIFF WEBP header")
        }
        let end = try image.read(4, at: 4, bigEndian: false, "ends inside its header") + 8
        guard end <= image.count else { throw image.truncated("shorter than its RIFF header says") }
        var chunks: [UInt8] = []
        var sawImage = false
        var offset = 12
        while offset < end {
            guard end - offset >= 8 else { throw image.truncated("ends inside a chunk header") }
            let type = String(decoding: image.bytes[offset..<offset + 4], as: UTF8.self)
            let size = try image.read(4, at: offset + 4, bigEndian: false, "ends inside a chunk header")
            guard size <= end - offset - 8 else { throw image.truncated("ends inside its \(type) chunk") }
            var data = image.bytes[offset + 8..<offset + 8 + size]
            guard offset > 12 || ["VP8X", "VP8 ", "VP8L"].contains(type) else {
                throw image.corrupt("no VP8, VP8L or VP8X chunk at the start")
            }
            // The pad byte after an odd-sized chunk; tolerated missing at the very end.
            offset = min(end, offset + 8 + size + size % 2)
            if type == "VP8X" {
                guard data.count >= 10 else { throw image.corrupt("a VP8X chunk that is too short") }
                data[data.startIndex] &= ~metadataFlags
            }
            guard keptChunks.contains(type) else { continue }
            sawImage = sawImage || imageChunks.contains(type)
            chunks += Array(type.utf8)
            chunks.append(size, size: 4, bigEndian: false)
            chunks += data
            if size % 2 == 1 { chunks.append(0) }
        }
        guard sawImage else { throw image.corrupt("no image data") }
        var output = Array("RIFF".utf8)
        output.append(chunks.count + 4, size: 4, bigEndian: false)
        output += Array("WEBP".utf8)
        output += chunks
        return output
    }
}
