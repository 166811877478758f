import Crypto
import Foundation

private let hexDigits = Array("0123456789abcdef".utf8)

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte, written straight into the
    /// String: every post's fingerprint and every page's signature is one.
    var hexString: String {
        let bytes = Array(self)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for (index, byte) in bytes.enumerated() {
                text[2 * index] = hexDigits[Int(byte >> 4)]
                text[2 * index + 1] = hexDigits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}

extension String {
    /// The SHA-256 of this text's UTF-8, in hexadecimal: how the build cache
    /// knows the settings, register and templates a result was made from.
    var sha256: String { SHA256.hash(data: Data(utf8)).hexString }
}

extension SHA256 {
    /// The text's UTF-8 and a 0 byte, which no name holds, so that no two
    /// lists of names give the same bytes.
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
        update(data: [UInt8(0)])
    }

    /// The status's fields as bytes: text would cost more (this runs for every post and folder).
    mutating func update(_ status: FileStatus) {
        var fields = (UInt64(status.mode), status.device, status.inode, status.size, status.modified, status.changed)
        withUnsafeBytes(of: &fields) { update(bufferPointer: $0) }
    }
}
