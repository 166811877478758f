/// Removes a PNG's metadata by walking its chunks, checking each one's length,
/// type and CRC, and keeping only the chunks that say how to show the pixels.
///
/// Kept: the critical chunks (IHDR, PLTE, IDAT, IEND), transparency and colour
/// (tRNS, cHRM, gAMA, iCCP, sBIT, sRGB, cICP, mDCV, cLLI, bKGD, hIST, pHYs,
/// sPLT) and animation (acTL, fcTL, fdAT). Dropped: text (tEXt, zTXt, iTXt),
/// eXIf, tIME, and every other ancillary chunk (a decoder may ignore those), and
/// anything after IEND. An eXIf orientation other than 1 is written back as a
/// minimal eXIf chunk holding only that tag.
enum PNGStripper {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static let keptChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND",
        "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT",
        "acTL", "fcTL", "fdAT",
    ]

    static func strip(_ image: ImageBytes) throws(ImageError) -> [UInt8] {
        guard image.starts(with: signature, at: 0) else { throw image.corrupt("no PNG signature") }
        var output = signature
        var orientation: Int?
        var sawData = false
        var offset = signature.count
        var type = ""
        while type != "IEND" {
            let length = try image.read(4, at: offset, "ends before its IEND chunk")
            guard length <= Int(Int32.max) else { throw image.corrupt("a chunk with an impossible length at byte \(offset)") }
            let typeBytes = try image.slice(at: offset + 4, length: 4, "ends inside a chunk header")
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw image.corrupt("a chunk with an invalid type at byte \(offset)")
            }
            type = String(decoding: typeBytes, as: UTF8.self)
            let chunk = try image.slice(at: offset, length: length + 12, "ends inside its \(type) chunk")
            let storedCRC = try image.read(4, at: offset + 8 + length, "ends inside its \(type) chunk")
            guard CRC32.checksum(chunk.dropFirst(4).dropLast(4)) == UInt32(storedCRC) else {
                throw image.corrupt("its \(type) chunk fails its checksum")
            }
            guard offset > signature.count || (type == "IHDR" && length == 13) else {
                throw image.corrupt("no IHDR header chunk at the start")
            }
            offset += length + 12
            if type == "eXIf", orientation == nil {
                orientation = ExifOrientation.read(tiff: chunk.dropFirst(8).dropLast(4))
            }
            if keptChunks.contains(type) {
                sawData = sawData || type == "IDAT"
                output += chunk
            } else if typeBytes[typeBytes.startIndex] < 0x61 {
                throw image.corrupt("a critical \(type) chunk schoolsite does not know")
            }
        }
        guard sawData else { throw image.corrupt("no image data") }
        if let orientation, orientation != 1 {
            // Right after the signature and the 25-byte IHDR chunk, before any IDAT.
            output.insert(contentsOf: chunk("eXIf", ExifOrientation.tiff(orientation: orientation)), at: signature.count + 25)
        }
        return output
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(data.count, size: 4)
        let body = Array(type.utf8) + data
        bytes += body
        bytes.append(Int(CRC32.checksum(body)), size: 4)
        return bytes
    }
}
