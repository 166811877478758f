/// Removes a JPEG's metadata by walking its segments and keeping only what
/// decoding needs; the compressed image data is copied byte for byte.
///
/// Kept: SOI, APP0 JFIF (without its thumbnail), APP2 ICC_PROFILE, APP14 Adobe
/// (its colour transform changes how the pixels decode), DQT, DHT, DAC, SOFn,
/// DRI, DNL, DHP, EXP, each SOS with its entropy-coded data, EOI.
/// Dropped: APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), COM, every other APPn,
/// and anything after EOI. An EXIF orientation other than 1 is written back as
/// a minimal EXIF block holding only that tag.
enum JPEGStripper {
    private static let startOfImage: UInt8 = 0xD8
    private static let endOfImage: UInt8 = 0xD9
    private static let startOfScan: UInt8 = 0xDA

    static func strip(_ image: ImageBytes) throws(ImageError) -> [UInt8] {
        guard image.starts(with: [0xFF, startOfImage], at: 0) else { throw image.corrupt("no start marker") }
        var kept: [[UInt8]] = []
        var orientation: Int?
        var sawFrame = false
        var sawScan = false
        var offset = 2
        while true {
            guard try image.read(1, at: offset, "ends before its end marker") == 0xFF else {
                throw image.corrupt("no marker where one should be, at byte \(offset)")
            }
            // Any number of 0xFF fill bytes may stand before the marker code.
            var marker = 0xFF
            while marker == 0xFF {
                offset += 1
                marker = try image.read(1, at: offset, "ends before its end marker")
            }
            offset += 1
            switch marker {
            case Int(endOfImage):
                guard sawScan else { throw image.corrupt("no image data") }
                return assemble(kept, orientation: orientation)
            case 0x01:
                continue  // TEM: a standalone marker with no meaning for decoding
            case 0x00, 0xD0...Int(startOfImage):
                throw image.corrupt("a misplaced marker 0x\(hex(marker)) at byte \(offset - 1)")
            default:
                break
            }
            let length = try image.read(2, at: offset, "ends inside a segment")
            guard length >= 2 else { throw image.corrupt("a segment with an impossible length at byte \(offset)") }
            let payload = try image.slice(at: offset + 2, length: length - 2, "ends inside a segment")
            offset += length
            switch marker {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                sawFrame = true
                kept.append(segment(marker, payload))
            case 0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF:
                kept.append(segment(marker, payload))
            case Int(startOfScan):
                guard sawFrame else { throw image.corrupt("image data before its frame header") }
                guard let components = payload.first, payload.count == 4 + 2 * Int(components) else {
                    throw image.corrupt("a scan header with the wrong length")
                }
                let dataEnd = try entropyCodedDataEnd(in: image, from: offset)
                kept.append(segment(marker, payload) + image.bytes[offset..<dataEnd])
                offset = dataEnd
                sawScan = true
            case 0xE0:
                if let jfif = jfifWithoutThumbnail(payload) { kept.append(segment(marker, jfif)) }
            case 0xE1:
                if orientation == nil, payload.starts(with: exifPrefix) {
                    orientation = ExifOrientation.read(tiff: payload.dropFirst(exifPrefix.count))
                }
            case 0xE2:
                if payload.starts(with: Array("ICC_PROFILE\0".utf8)) { kept.append(segment(marker, payload)) }
            case 0xEE:
                // "Adobe", version, two flag words, colour transform: 12 bytes.
                if payload.count >= 12, payload.starts(with: Array("Adobe".utf8)) { kept.append(segment(marker, payload.prefix(12))) }
            case 0xE3...0xED, 0xEF, 0xFE:
                break  // other APPn and COM: metadata
            default:
                throw image.corrupt("a marker 0x\(hex(marker)) schoolsite does not know, at byte \(offset - length - 2)")
            }
        }
    }

    static let exifPrefix = Array("Exif\0\0".utf8)

    /// SOI, then APP0 JFIF if it comes first, then the orientation, then the rest.
    private static func assemble(_ kept: [[UInt8]], orientation: Int?) -> [UInt8] {
        var exif: [UInt8] = []
        if let orientation, orientation != 1 {
            exif = segment(0xE1, (exifPrefix + ExifOrientation.tiff(orientation: orientation))[...])
        }
        let jfifFirst = kept.first?.starts(with: [0xFF, 0xE0]) == true
        var output: [UInt8] = [0xFF, startOfImage]
        output += jfifFirst ? kept[0] : []
        output += exif
        for segment in kept.dropFirst(jfifFirst ? 1 : 0) { output += segment }
        output += [0xFF, endOfImage]
        return output
    }

    /// Where the compressed data after a scan header ends: at the first marker
    /// that is not a stuffed 0xFF00, a restart marker RSTn or a fill byte.
    private static func entropyCodedDataEnd(in image: ImageBytes, from start: Int) throws(ImageError) -> Int {
        var offset = start
        while true {
            guard let candidate = image.firstIndex(of: 0xFF, from: offset), candidate + 1 < image.count else {
                throw image.truncated("ends inside the image data")
            }
            switch image.bytes[candidate + 1] {
            case 0x00, 0xD0...0xD7: offset = candidate + 2
            case 0xFF: offset = candidate + 1
            default: return candidate
            }
        }
    }

    /// A JFIF APP0 payload cut to its 14 fixed bytes with a 0×0 thumbnail; nil for other APP0s.
    private static func jfifWithoutThumbnail(_ payload: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard payload.count >= 14, payload.starts(with: Array("JFIF\0".utf8)) else { return nil }
        return payload.prefix(12) + [0, 0]
    }

    private static func segment(_ marker: Int, _ payload: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, UInt8(marker)]
        bytes.append(payload.count + 2, size: 2)
        bytes += payload
        return bytes
    }

    private static func hex(_ value: Int) -> String {
        String(value, radix: 16, uppercase: true)
    }
}
