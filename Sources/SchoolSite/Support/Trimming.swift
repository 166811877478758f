import Foundation

extension String {
    /// `trimmingCharacters(in: white)` for a set of white space. Most values
    /// start and end with a visible ASCII character, never white space, and are
    /// returned as they are: Foundation's trimming costs enough to show when it
    /// runs on every field of every post and every cell of the register. The
    /// set is asked for only when it is needed: Foundation makes one on each ask.
    func trimmed(of white: @autoclosure () -> CharacterSet) -> String {
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = utf8.first, let last = utf8.last, visible.contains(first), visible.contains(last) { return self }
        return trimmingCharacters(in: white())
    }
}
