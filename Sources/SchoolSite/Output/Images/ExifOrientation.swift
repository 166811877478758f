/// The one EXIF value a published image keeps: the orientation (TIFF tag 0x0112
/// in IFD0), so phone photos stored sideways still display upright.
enum ExifOrientation {
    static let tag = 0x0112
    /// TIFF type SHORT.
    static let shortType = 3

    /// The orientation (1 to 8) in a TIFF structure (EXIF without its "Exif\0\0"
    /// prefix), in either byte order; nil when there is none or it cannot be read,
    /// as a browser would then show the stored pixels as they are.
    static func read(tiff: ArraySlice<UInt8>) -> Int? {
        let tiff = ImageBytes(bytes: Array(tiff), format: "EXIF")
        let bigEndian: Bool
        if tiff.starts(with: Array("MM".utf8), at: 0) {
            bigEndian = true
        } else if tiff.starts(with: Array("II".utf8), at: 0) {
            bigEndian = false
        } else {
            return nil
        }
        guard tiff.integer(at: 2, size: 2, bigEndian: bigEndian) == 42,
              let directory = tiff.integer(at: 4, size: 4, bigEndian: bigEndian),
              let entries = tiff.integer(at: directory, size: 2, bigEndian: bigEndian) else { return nil }
        for index in 0..<entries {
            let entry = directory + 2 + 12 * index
            guard let tag = tiff.integer(at: entry, size: 2, bigEndian: bigEndian) else { return nil }
            guard tag == Self.tag else { continue }
            guard tiff.integer(at: entry + 2, size: 2, bigEndian: bigEndian) == shortType,
                  let count = tiff.integer(at: entry + 4, size: 4, bigEndian: bigEndian), count >= 1,
                  let value = tiff.integer(at: entry + 8, size: 2, bigEndian: bigEndian),
                  (1...8).contains(value) else { return nil }
            return value
        }
        return nil
    }

    /// A big-endian TIFF structure whose IFD0 holds only the orientation.
    static func tiff(orientation: Int) -> [UInt8] {
        var tiff = Array("MM".utf8)
        tiff.append(42, size: 2)
        tiff.append(8, size: 4)            // IFD0 right after the header
        tiff.append(1, size: 2)            // one entry
        tiff.append(tag, size: 2)
        tiff.append(shortType, size: 2)
        tiff.append(1, size: 4)            // one value…
        tiff.append(orientation, size: 2)  // …stored in the entry, left-justified
        tiff.append(0, size: 2)
        tiff.append(0, size: 4)            // no next IFD
        return tiff
    }
}
