/// The build cache's records as JSON arrays of their fields, in a fixed order,
/// not as objects: JSONDecoder reads an array much faster than it looks up keys,
/// and `check`, `status` and every rebuild start by decoding one record per post.
/// A change of fields or order needs a new `BuildCache.formatVersion`.
extension BuildCache.Entry {
    convenience init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(fingerprint: try fields.decode(String.self), state: try fields.decode(PostState.self),
                  sensitivity: try fields.decode(DateSensitivity.self), listing: try fields.decodeIfPresent(PostListing.self),
                  files: try fields.decode([OutputStamp].self), folderNames: try fields.decodeIfPresent([String].self))
    }

    func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(fingerprint)
        try fields.encode(state)
        try fields.encode(sensitivity)
        try fields.encode(listing)
        try fields.encode(files)
        try fields.encode(folderNames)
    }
}

extension DateSensitivity {
    init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        checkedOn = try fields.decode(Day.self)
        from = try fields.decode([Day].self)
        after = try fields.decode([Day].self)
    }

    func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(checkedOn)
        try fields.encode(from)
        try fields.encode(after)
    }
}

extension PostListing {
    public convenience init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(slug: try fields.decode(String.self), title: try fields.decode(String.self), date: try fields.decode(Day.self),
                  summary: try fields.decodeIfPresent(String.self), author: try fields.decode(String.self),
                  category: try fields.decode(String.self), cover: try fields.decodeIfPresent(String.self),
                  coverAlt: try fields.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(slug)
        try fields.encode(title)
        try fields.encode(date)
        try fields.encode(summary)
        try fields.encode(author)
        try fields.encode(category)
        try fields.encode(cover)
        try fields.encode(coverAlt)
    }
}

extension OutputStamp {
    init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        path = try fields.decode(String.self)
        status = try fields.decode(FileStatus.self)
    }

    func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(path)
        try fields.encode(status)
    }
}
