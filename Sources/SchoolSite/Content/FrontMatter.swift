/// A post's front matter (SPEC §5), with where each value is written.
public struct FrontMatter: Sendable {
    /// One entry of `people:`.
    public struct PersonEntry: Sendable {
        public var id: String
        public var named: Bool
        public var location: SourceLocation
    }

    /// One entry of `photos:`: an image file and who is visible in it.
    public struct PhotoEntry: Sendable {
        public var file: String
        public var people: [(id: String, location: SourceLocation)]
        public var location: SourceLocation
    }

    /// A text value and where it starts, for the redaction scan.
    public struct Text: Sendable {
        public var value: String
        public var location: SourceLocation
    }

    public var title: Text
    public var date: Day
    public var expires: Day?
    public var author: String
    public var category: Text
    public var summary: Text?
    public var cover: Text?
    public var people: [PersonEntry]
    public var photos: [PhotoEntry]
    public var notNames: [String]
    /// Where the front matter starts, for problems that concern it as a whole.
    public var location: SourceLocation
}
