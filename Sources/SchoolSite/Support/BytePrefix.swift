import Foundation

extension ArraySlice<UInt8> {
    /// `starts(with: text.utf8)`, compared with memcmp: the generic `starts(with:)`
    /// walks a String's UTF-8 view a byte at a time, and this runs on every text
    /// node of every post.
    func starts(withUTF8Of text: String) -> Bool {
        var text = text
        return text.withUTF8 { prefix in
            guard !prefix.isEmpty else { return true }
            guard prefix.count <= count else { return false }
            return withUnsafeBufferPointer { memcmp($0.baseAddress!, prefix.baseAddress!, prefix.count) == 0 }
        }
    }
}
