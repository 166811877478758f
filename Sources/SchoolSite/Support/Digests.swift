import Crypto
import Foundation

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
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
