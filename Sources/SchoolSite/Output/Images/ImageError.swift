/// Why an image could not be published without its metadata, in plain English
/// that reads after the file's name: "is a truncated JPEG (ends inside a segment)".
public struct ImageError: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "the image \(reason)" }
}
