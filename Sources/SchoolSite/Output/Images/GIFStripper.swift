/// Removes a GIF's metadata by walking its blocks.
///
/// Kept: the header, screen descriptor and colour tables, each image with the
/// graphic control extension before it, and the NETSCAPE2.0 / ANIMEXTS1.0
/// looping extension. Dropped: comment extensions, every other application
/// extension (XMP among them), plain-text extensions with their graphic control
/// (browsers do not draw them), unknown extensions, and anything after the trailer.
enum GIFStripper {
    private static let trailer: UInt8 = 0x3B
    private static let loopingApplications = [Array("NETSCAPE2.0".utf8), Array("ANIMEXTS1.0".utf8)]

    static func strip(_ image: ImageBytes) throws(ImageError) -> [UInt8] {
        guard image.starts(with: Array("GIF87a".utf8), at: 0) || image.starts(with: Array("GIF89a".utf8), at: 0) else {
            throw image.corrupt("no GIF header")
        }
        let screenFlags = try image.read(1, at: 10, "ends inside its screen descriptor")
        var offset = 13 + colourTableSize(screenFlags)
        var output = Array(try image.slice(at: 0, length: offset, "ends inside its colour table"))
        var pendingControl: ArraySlice<UInt8> = []
        while true {
            let start = offset
            switch try image.read(1, at: offset, "ends before its trailer") {
            case Int(trailer):
                output.append(trailer)
                return output
            case 0x2C:
                let imageFlags = try image.read(1, at: offset + 9, "ends inside an image descriptor")
                offset = try subBlocksEnd(in: image, from: offset + 10 + colourTableSize(imageFlags) + 1)
                output += pendingControl
                output += image.bytes[start..<offset]
                pendingControl = []
            case 0x21:
                let label = try image.read(1, at: offset + 1, "ends inside an extension")
                offset = try subBlocksEnd(in: image, from: offset + 2)
                let block = image.bytes[start..<offset]
                switch label {
                case 0xF9:
                    pendingControl = block
                case 0x01:
                    pendingControl = []
                case 0xFF where loopingApplications.contains(where: { block.dropFirst(2).starts(with: [11] + $0) }):
                    output += block
                default:
                    break
                }
            default:
                throw image.corrupt("an unknown block at byte \(offset)")
            }
        }
    }

    /// Bytes of the colour table a descriptor's flags announce (none without bit 7).
    private static func colourTableSize(_ flags: Int) -> Int {
        flags & 0x80 == 0 ? 0 : 3 << ((flags & 0x07) + 1)
    }

    /// The offset after a run of data sub-blocks and its zero-length terminator.
    private static func subBlocksEnd(in image: ImageBytes, from start: Int) throws(ImageError) -> Int {
        var offset = start
        while true {
            let size = try image.read(1, at: offset, "ends inside a data block")
            offset += 1 + size
            if size == 0 { return offset }
        }
    }
}
