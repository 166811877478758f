import Foundation
import Testing
@testable import SchoolSite

/// Byte-level builders for small images whose structure the tests control exactly.
private enum Build {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func be(_ value: Int, _ size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.append(value, size: size)
        return out
    }

    static func le(_ value: Int, _ size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.append(value, size: size, bigEndian: false)
        return out
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be(payload.count + 2, 2) + payload
    }

    /// TIFF with IFD0 holding Make then Orientation, in either byte order.
    static func tiff(orientation: Int, bigEndian: Bool) -> [UInt8] {
        var tiff = bytes(bigEndian ? "MM" : "II")
        func put(_ value: Int, _ size: Int) { tiff.append(value, size: size, bigEndian: bigEndian) }
        put(42, 2); put(8, 4); put(2, 2)                                    // header, IFD0 with two entries
        put(0x010F, 2); put(2, 2); put(4, 4); tiff += bytes("Cam\0")         // Make, ASCII, inline
        put(0x0112, 2); put(3, 2); put(1, 4); put(orientation, 2); put(0, 2) // Orientation, SHORT
        put(0, 4)                                                           // no next IFD
        return tiff
    }

    static let jfif = segment(0xE0, bytes("JFIF\0") + [1, 1, 0, 0, 1, 0, 1, 0, 0])
    static let jfifWithThumbnail = segment(0xE0, bytes("JFIF\0") + [1, 1, 0, 0, 1, 0, 1, 1, 1] + [9, 9, 9])  // a 1×1 thumbnail
    static let dqt = segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
    static let sof2 = segment(0xC2, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
    static let dht = segment(0xC4, [0] + [UInt8](repeating: 0, count: 15) + [1] + [0])
    static let sos = segment(0xDA, [1, 1, 0, 0, 63, 0])
    /// Entropy-coded data with a stuffed 0xFF00, a restart marker and a fill byte.
    static let scanData: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF]
    static let icc = segment(0xE2, bytes("ICC_PROFILE\0") + [1, 1, 0xAB])

    static func jpeg(exif: [UInt8]? = nil, trailer: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8] + jfifWithThumbnail
        if let exif { out += segment(0xE1, bytes("Exif\0\0") + exif) }
        out += segment(0xE1, bytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"))
        out += segment(0xED, bytes("Photoshop 3.0\08BIM") + [4, 4, 0, 0])
        out += segment(0xFE, bytes("a comment"))
        out += segment(0xE5, bytes("vendor"))
        out += icc + dqt + sof2 + dht + sos + scanData + dht + sos + scanData
        return out + [0xFF, 0xD9] + trailer
    }

    /// What `jpeg()` becomes: structure kept, metadata gone, thumbnail cut.
    static func strippedJPEG(exif: [UInt8] = []) -> [UInt8] {
        [0xFF, 0xD8] + jfif + exif + icc + dqt + sof2 + dht + sos + scanData + dht + sos + scanData + [0xFF, 0xD9]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        be(data.count, 4) + bytes(type) + data + be(Int(CRC32.checksum(bytes(type) + data)), 4)
    }

    static let ihdr = chunk("IHDR", be(1, 4) + be(1, 4) + [8, 2, 0, 0, 0])
    static let idat = chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x60, 0x60, 0, 0, 0, 4, 0, 1])
    static let iend = chunk("IEND", [])
    static let gama = chunk("gAMA", be(45455, 4))
    static let iccp = chunk("iCCP", bytes("icc\0\0") + [0x78, 0x9C])

    static func png(exif: [UInt8]? = nil, trailer: [UInt8] = []) -> [UInt8] {
        var out = PNGStripper.signature + ihdr + chunk("tEXt", bytes("Author\0Mrs A. Patel")) + iccp + gama
        if let exif { out += chunk("eXIf", exif) }
        out += chunk("zTXt", bytes("Comment\0\0") + [0x78, 0x9C]) + chunk("iTXt", bytes("XML:com.adobe.xmp\0\0\0\0\0<x/>"))
        out += chunk("prVt", bytes("private")) + idat + chunk("tIME", [7, 232, 6, 14, 10, 31, 7]) + iend
        return out + trailer
    }

    static func riffChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        bytes(type) + le(data.count, 4) + data + (data.count % 2 == 1 ? [0] : [])
    }

    static func webp(_ chunks: [UInt8], trailer: [UInt8] = []) -> [UInt8] {
        bytes("RIFF") + le(chunks.count + 4, 4) + bytes("WEBP") + chunks + trailer
    }

    /// VP8X with the ICC (0x20), EXIF (0x08) and XMP (0x04) flags, on a 1×1 canvas.
    static func vp8x(flags: UInt8) -> [UInt8] { riffChunk("VP8X", [flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }
    static let vp8l = riffChunk("VP8L", [0x2F, 0, 0, 0, 0])  // odd size: a pad byte follows

    static let gifHeader = bytes("GIF89a") + le(1, 2) + le(1, 2) + [0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
    static let netscape = [0x21, 0xFF, 11] + bytes("NETSCAPE2.0") + [3, 1, 0, 0, 0]
    static let control: [UInt8] = [0x21, 0xF9, 4, 0, 10, 0, 0, 0]
    static let frame: [UInt8] = [0x2C] + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) + [0, 2, 2, 0x4C, 0x01, 0]
    static let comment: [UInt8] = [0x21, 0xFE, 5] + bytes("hello") + [0]
    static let xmpApplication: [UInt8] = [0x21, 0xFF, 11] + bytes("XMP DataXMP") + [4] + bytes("<x/>") + [0]
    static let plainText: [UInt8] = [0x21, 0x01, 12] + [UInt8](repeating: 0, count: 12) + [2] + bytes("hi") + [0]

    static func gif(trailer: [UInt8] = []) -> [UInt8] {
        gifHeader + netscape + comment + xmpApplication + control + frame + control + plainText + frame + [0x3B] + trailer
    }
}

private func strip(_ bytes: [UInt8]) throws -> [UInt8] {
    [UInt8](try ImageMetadataStripper.strip(Data(bytes)))
}

private func fixture(_ name: String) throws -> Data {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: folder.appendingPathComponent("acceptance/fixtures/images/\(name)"))
}

/// Every proper prefix from `from` bytes on must be refused, never crash.
private func expectEveryTruncationThrows(_ image: [UInt8], from: Int = 0) {
    for length in from..<image.count {
        #expect(throws: ImageError.self, "cut to \(length) bytes") { try strip(Array(image.prefix(length))) }
    }
}

private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let needle = Array(needle.utf8)
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
}

@Suite struct ImageFormatTests {
    @Test func sniffsByMagicBytes() {
        #expect(ImageFormat(sniffing: Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(ImageFormat(sniffing: Data(PNGStripper.signature)) == .png)
        #expect(ImageFormat(sniffing: Data("GIF87a".utf8)) == .gif)
        #expect(ImageFormat(sniffing: Data("GIF89a".utf8)) == .gif)
        #expect(ImageFormat(sniffing: Data(Build.webp([]))) == .webp)
    }

    @Test func refusesLookalikes() {
        #expect(ImageFormat(sniffing: Data()) == nil)
        #expect(ImageFormat(sniffing: Data([0xFF, 0xD8])) == nil)
        #expect(ImageFormat(sniffing: Data("GIF88a".utf8)) == nil)
        #expect(ImageFormat(sniffing: Data("RIFF\0\0\0\0WAVE".utf8)) == nil)
        #expect(ImageFormat(sniffing: Data("<svg xmlns=".utf8)) == nil)
        #expect(ImageFormat(sniffing: Data(PNGStripper.signature.dropLast())) == nil)
    }

    @Test func ignoresTheFileName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schoolsite-\(UUID().uuidString).jpg")
        try Data(Build.png()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(ImageFormat(sniffing: try Data(contentsOf: url)) == .png)
    }
}

@Suite struct JPEGStripperTests {
    /// How the stripper finds the end of the compressed data (memchr over the bytes).
    @Test func findsAByteFromAnOffset() {
        let image = ImageBytes(bytes: [0xFF, 1, 2, 0xFF, 3], format: "JPEG")
        #expect(image.firstIndex(of: 0xFF, from: 0) == 0)
        #expect(image.firstIndex(of: 0xFF, from: 1) == 3)
        #expect(image.firstIndex(of: 0xFF, from: 4) == nil)
        #expect(image.firstIndex(of: 0xFF, from: 5) == nil)
        #expect(image.firstIndex(of: 0xFF, from: 9) == nil)
        #expect(image.firstIndex(of: 0xFF, from: -1) == nil)
    }

    @Test func keepsDecodingSegmentsAndDropsMetadataAndTrailer() throws {
        let stripped = try strip(Build.jpeg(exif: Build.tiff(orientation: 1, bigEndian: true), trailer: Array("SECRET".utf8)))
        #expect(stripped == Build.strippedJPEG())
    }

    @Test(arguments: [true, false])
    func keepsOrientationSixAsMinimalExif(bigEndian: Bool) throws {
        let stripped = try strip(Build.jpeg(exif: Build.tiff(orientation: 6, bigEndian: bigEndian)))
        let exif = Build.segment(0xE1, Build.bytes("Exif\0\0") + ExifOrientation.tiff(orientation: 6))
        #expect(stripped == Build.strippedJPEG(exif: exif))
        #expect(ExifOrientation.read(tiff: exif[10...]) == 6)
        #expect(!contains(stripped, "Cam"))
    }

    @Test func orientationOneOrNoneWritesNoExif() throws {
        #expect(try strip(Build.jpeg(exif: Build.tiff(orientation: 1, bigEndian: false))) == Build.strippedJPEG())
        #expect(try strip(Build.jpeg()) == Build.strippedJPEG())
    }

    @Test func unreadableExifIsDroppedWithoutOrientation() throws {
        let broken = Array(Build.tiff(orientation: 6, bigEndian: true).prefix(20))
        #expect(try strip(Build.jpeg(exif: broken)) == Build.strippedJPEG())
    }

    @Test func exifComesAfterSOIWhenThereIsNoJFIF() throws {
        let source = [0xFF, 0xD8] + Build.segment(0xE1, Build.bytes("Exif\0\0") + Build.tiff(orientation: 8, bigEndian: true))
            + Build.dqt + Build.sof2 + Build.sos + Build.scanData + [0xFF, 0xD9]
        let exif = Build.segment(0xE1, Build.bytes("Exif\0\0") + ExifOrientation.tiff(orientation: 8))
        #expect(try strip(source) == [0xFF, 0xD8] + exif + Build.dqt + Build.sof2 + Build.sos + Build.scanData + [0xFF, 0xD9])
    }

    @Test func everyTruncationThrows() {
        expectEveryTruncationThrows(Build.jpeg(exif: Build.tiff(orientation: 6, bigEndian: true)))
    }

    @Test func corruptStructureThrows() {
        let start: [UInt8] = [0xFF, 0xD8]
        let cases: [[UInt8]] = [
            start + [0xFF, 0xDB, 0x00, 0x01] + Build.sof2,                              // length below 2
            start + Build.dqt + Build.sos + Build.scanData + [0xFF, 0xD9],              // scan before frame
            start + Build.dqt + Build.sof2 + [0xFF, 0xD9],                              // no scan
            start + Build.sof2 + Build.segment(0xDA, [1, 1]) + [0xFF, 0xD9],            // short scan header
            start + Build.segment(0xF7, [0]) + Build.sof2 + Build.sos + [0xFF, 0xD9],   // unknown marker
            start + [0x00] + Build.sof2,                                                // no marker
            start + [0xFF, 0xD8] + Build.sof2,                                          // second SOI
        ]
        for bytes in cases {
            #expect(throws: ImageError.self) { try strip(bytes) }
        }
    }

    @Test func truncationSaysSoInPlainEnglish() {
        #expect {
            try strip(Array(Build.jpeg().prefix(30)))
        } throws: { error in
            (error as? ImageError)?.reason == "is a truncated JPEG (ends inside a segment)"
        }
    }

    @Test func phoneFixtureLosesEverythingButThePicture() throws {
        let source = try fixture("phone.jpg")
        let stripped = try ImageMetadataStripper.strip(source)
        let bytes = [UInt8](stripped)
        for leak in ["Exif", "SamplePhone", "SN-0042", "Patel", "Nottingham", "Photoshop", "xmp", "TRAILER"] {
            #expect(!contains(bytes, leak), "\(leak) is still there")
        }
        #expect(bytes.suffix(2) == [0xFF, 0xD9])
        #expect(try ImageMetadataStripper.strip(stripped) == stripped)
    }

    @Test func sidewaysFixtureKeepsOrientationSix() throws {
        let stripped = try ImageMetadataStripper.strip(try fixture("sideways.jpg"))
        let exif = Build.segment(0xE1, Build.bytes("Exif\0\0") + ExifOrientation.tiff(orientation: 6))
        #expect([UInt8](stripped.prefix(2 + Build.jfif.count + exif.count)) == [0xFF, 0xD8] + Build.jfif + exif)
        #expect(!contains([UInt8](stripped), "SN-0042"))
    }
}

@Suite struct PNGStripperTests {
    @Test func keepsCriticalAndColourChunksOnly() throws {
        let stripped = try strip(Build.png(exif: Build.tiff(orientation: 1, bigEndian: true), trailer: Array("SECRET".utf8)))
        #expect(stripped == PNGStripper.signature + Build.ihdr + Build.iccp + Build.gama + Build.idat + Build.iend)
    }

    @Test func keepsOrientationSixAsMinimalEXIfChunk() throws {
        let stripped = try strip(Build.png(exif: Build.tiff(orientation: 6, bigEndian: false)))
        let exif = Build.chunk("eXIf", ExifOrientation.tiff(orientation: 6))
        #expect(stripped == PNGStripper.signature + Build.ihdr + exif + Build.iccp + Build.gama + Build.idat + Build.iend)
    }

    @Test func everyTruncationThrows() {
        expectEveryTruncationThrows(Build.png())
    }

    @Test func corruptStructureThrows() {
        var badCRC = Build.png()
        badCRC[PNGStripper.signature.count + 20] ^= 0x01
        let cases: [[UInt8]] = [
            badCRC,
            PNGStripper.signature + Build.gama + Build.ihdr + Build.idat + Build.iend,  // IHDR not first
            PNGStripper.signature + Build.ihdr + Build.iend,                            // no image data
            PNGStripper.signature + Build.ihdr + Build.chunk("QUUX", []) + Build.idat + Build.iend,  // unknown critical
            PNGStripper.signature + Build.ihdr + Build.chunk("ta!t", []) + Build.idat + Build.iend,  // bad type
            PNGStripper.signature + Build.ihdr + [0xFF, 0xFF, 0xFF, 0xF0] + Array("IDAT".utf8),     // huge length
        ]
        for bytes in cases {
            #expect(throws: ImageError.self) { try strip(bytes) }
        }
    }

    @Test func posterFixtureLosesItsText() throws {
        let stripped = try ImageMetadataStripper.strip(try fixture("poster.png"))
        for leak in ["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "Patel", "TRAILER"] {
            #expect(!contains([UInt8](stripped), leak), "\(leak) is still there")
        }
        #expect(try ImageMetadataStripper.strip(stripped) == stripped)
    }
}

@Suite struct WebPStripperTests {
    @Test func dropsExifAndXMPAndFixesTheHeader() throws {
        let iccp = Build.riffChunk("ICCP", [1, 2, 3])
        let source = Build.webp(Build.vp8x(flags: 0x2C) + iccp + Build.vp8l + Build.riffChunk("EXIF", Build.tiff(orientation: 6, bigEndian: true))
                                + Build.riffChunk("XMP ", Array("<x/>".utf8)) + Build.riffChunk("ABCD", [0]),
                                trailer: Array("SECRET".utf8))
        #expect(try strip(source) == Build.webp(Build.vp8x(flags: 0x20) + iccp + Build.vp8l))
    }

    @Test func simpleLosslessPassesThrough() throws {
        let source = Build.webp(Build.vp8l)
        #expect(try strip(source) == source)
    }

    @Test func everyTruncationThrows() {
        expectEveryTruncationThrows(Build.webp(Build.vp8x(flags: 0x08) + Build.vp8l + Build.riffChunk("EXIF", [1, 2])))
    }

    @Test func corruptStructureThrows() {
        let cases: [[UInt8]] = [
            Build.webp(Build.riffChunk("EXIF", [1]) + Build.vp8l),               // no image chunk first
            Build.webp(Build.riffChunk("VP8X", [0, 0])),                         // short VP8X
            Build.webp(Build.vp8x(flags: 0)),                                    // no image data
            Build.bytes("RIFF") + Build.le(1000, 4) + Build.bytes("WEBP") + Build.vp8l,  // RIFF size past the end
        ]
        for bytes in cases {
            #expect(throws: ImageError.self) { try strip(bytes) }
        }
    }

    @Test func stickerFixtureLosesExifAndXMP() throws {
        let stripped = try ImageMetadataStripper.strip(try fixture("sticker.webp"))
        for leak in ["EXIF", "XMP ", "Patel", "SamplePhone"] {
            #expect(!contains([UInt8](stripped), leak), "\(leak) is still there")
        }
        #expect(try ImageMetadataStripper.strip(stripped) == stripped)
    }
}

@Suite struct GIFStripperTests {
    @Test func keepsFramesControlAndLoopingOnly() throws {
        let stripped = try strip(Build.gif(trailer: Array("SECRET".utf8)))
        #expect(stripped == Build.gifHeader + Build.netscape + Build.control + Build.frame + Build.frame + [0x3B])
    }

    @Test func everyTruncationThrows() {
        expectEveryTruncationThrows(Build.gif())
    }

    @Test func unknownBlockThrows() {
        #expect(throws: ImageError.self) { try strip(Build.gifHeader + [0x00] + Build.frame + [0x3B]) }
    }

    @Test func waveFixtureLosesCommentAndXMP() throws {
        let stripped = try ImageMetadataStripper.strip(try fixture("wave.gif"))
        for leak in ["Patel", "XMP", "Nottingham"] {
            #expect(!contains([UInt8](stripped), leak), "\(leak) is still there")
        }
        #expect(contains([UInt8](stripped), "NETSCAPE2.0"))
        #expect(try ImageMetadataStripper.strip(stripped) == stripped)
    }
}

@Suite struct ImageMetadataStripperTests {
    @Test func refusesImagesOverTheLimit() {
        var data = Data(Build.jpeg())
        data.append(Data(count: ImageMetadataStripper.sizeLimit))
        #expect {
            try ImageMetadataStripper.strip(data)
        } throws: { error in
            (error as? ImageError)?.reason.contains("25 MB limit") == true
        }
    }

    @Test func refusesWhatIsNotAnImage() {
        #expect {
            try ImageMetadataStripper.strip(Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
        } throws: { error in
            (error as? ImageError)?.reason == "is not a JPEG, PNG, GIF or WebP image"
        }
    }

    @Test func buildPublishesImagesWithoutMetadata() throws {
        let markdown = TestSite.markdown(extra: "photos:\n  phone.jpg: []", body: "![A field](phone.jpg)")
            .replacingOccurrences(of: "photos: {}\n", with: "")
        let site = try TestSite(TestSite.post("2024-06-14-field", markdown),
                                binary: ["content/posts/2024-06-14-field/phone.jpg": try fixture("phone.jpg")])
        let result = try site.build(on: "2024-06-20")
        #expect(result.output != nil)
        let published = site.snapshot()["/2024-06-14-field/phone.jpg"]
        #expect(published == (try ImageMetadataStripper.strip(try fixture("phone.jpg"))))
    }

    @Test func buildRefusesAnImageItCannotClean() throws {
        let markdown = TestSite.markdown(extra: "photos:\n  broken.jpg: []", body: "![A field](broken.jpg)")
            .replacingOccurrences(of: "photos: {}\n", with: "")
        let site = try TestSite(TestSite.post("2024-06-14-field", markdown),
                                binary: ["content/posts/2024-06-14-field/broken.jpg": try fixture("phone.jpg").prefix(500)])
        // The policy refuses it before anything is written.
        let result = try site.build(on: "2024-06-20")
        #expect(result.output == nil)
        #expect(result.report.diagnostics.map(\.description) == [
            "content/posts/2024-06-14-field/index.md:10:1: error[image.format] `broken.jpg`: the image is a truncated JPEG (ends inside a segment); save it again as a JPEG, PNG, GIF or WebP photo",
        ])
        #expect(!site.exists("output"))
    }
}

/// A quick, seeded pass of the mutations `make fuzz` runs at length: every
/// damaged fixture must come back cleaned or refused, never crash.
@Suite struct ImageMutationTests {
    /// SplitMix64: the same inputs on every machine.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.next(3) where !bytes.isEmpty {
            let at = random.next(bytes.count)
            switch random.next(4) {
            case 0: bytes[at] ^= UInt8(1 << random.next(8))                                     // bit flip
            case 1: bytes.removeSubrange(at...)                                                  // truncation
            case 2: bytes.insert(contentsOf: (0...random.next(8)).map { _ in UInt8(random.next(256)) }, at: at)
            default: bytes.replaceSubrange(at..<min(at + 2, bytes.count), with: [0xFF, UInt8(random.next(256))])  // length field
            }
        }
        return bytes
    }

    @Test(arguments: ["phone.jpg", "sideways.jpg", "poster.png", "sticker.webp", "wave.gif"])
    func damagedFixturesAreCleanedOrRefused(name: String) throws {
        let source = [UInt8](try fixture(name))
        var random = Random(state: UInt64(name.utf8.count))
        for _ in 0..<600 {
            let damaged = Self.mutate(source, &random)
            if let stripped = try? ImageMetadataStripper.strip(Data(damaged)) {
                #expect(try ImageMetadataStripper.strip(stripped) == stripped)
            }
        }
    }
}
