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
