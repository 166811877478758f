import Foundation

/// An image's bytes with bounds-checked reads: a read past the end returns nil
/// or throws, so no input can make the parsers trap.
struct ImageBytes {
    let bytes: [UInt8]
    /// "JPEG", "PNG", …: for error messages.
    let format: String

    var count: Int { bytes.count }

    /// Whether `length` bytes from `offset` are all inside the image.
    func contains(_ offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }

    /// Where `byte` next occurs at or after `offset`; nil if it does not.
    /// memchr: the JPEG stripper looks through every photo's compressed data for 0xFF.
    func firstIndex(of byte: UInt8, from offset: Int) -> Int? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer in
            memchr(buffer.baseAddress! + offset, Int32(byte), buffer.count - offset).map { $0 - UnsafeMutableRawPointer(mutating: buffer.baseAddress!) }
        }
    }

    func starts(with prefix: [UInt8], at offset: Int) -> Bool {
        contains(offset, length: prefix.count) && bytes[offset..<offset + prefix.count].elementsEqual(prefix)
    }

    /// An unsigned integer of `size` bytes (1 to 4) at `offset`; nil past the end.
    func integer(at offset: Int, size: Int, bigEndian: Bool = true) -> Int? {
        guard (1...4).contains(size), contains(offset, length: size) else { return nil }
        var value = 0
        for index in 0..<size {
            let byte = Int(bytes[bigEndian ? offset + index : offset + size - 1 - index])
            value = value << 8 | byte
        }
        return value
    }

    /// Like `integer(at:size:bigEndian:)`, but a read past the end is a truncated image.
    func read(_ size: Int, at offset: Int, bigEndian: Bool = true, _ where: @autoclosure () -> String) throws(ImageError) -> Int {
        guard let value = integer(at: offset, size: size, bigEndian: bigEndian) else { throw truncated(`where`()) }
        return value
    }

    func slice(at offset: Int, length: Int, _ where: @autoclosure () -> String) throws(ImageError) -> ArraySlice<UInt8> {
        guard contains(offset, length: length) else { throw truncated(`where`()) }
        return bytes[offset..<offset + length]
    }

    func truncated(_ detail: String) -> ImageError {
        ImageError("is a truncated \(format) (\(detail))")
    }

    func corrupt(_ detail: String) -> ImageError {
        ImageError("is a damaged \(format) (\(detail))")
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as `size` bytes, most significant first unless `bigEndian` is false.
    mutating func append(_ value: Int, size: Int, bigEndian: Bool = true) {
        for index in 0..<size {
            let shift = 8 * (bigEndian ? size - 1 - index : index)
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
