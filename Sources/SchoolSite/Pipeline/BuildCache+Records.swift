import Foundation

/// The build cache's records and the protobuf messages of BuildCacheFile.proto
/// they are kept as. A change of fields needs a new `BuildCache.formatVersion`.
extension BuildCache.Entry {
    /// nil when a field does not hold what it should.
    convenience init?(_ record: CachedPost) {
        guard let state = PostState(rawValue: record.state), let sensitivity = DateSensitivity(record.sensitivity) else { return nil }
        var listing: PostListing?
        if record.hasListing {
            guard let read = PostListing(record.listing) else { return nil }
            listing = read
        }
        self.init(fingerprint: record.fingerprint, state: state, sensitivity: sensitivity, listing: listing,
                  files: record.files.map(OutputStamp.init), folderNames: record.hasFolderNames ? record.folderNames.names : nil)
    }

    func record(slug: String) -> CachedPost {
        var record = CachedPost()
        record.slug = slug
        record.fingerprint = fingerprint
        record.state = state.rawValue
        record.sensitivity = sensitivity.record
        if let listing { record.listing = listing.record }
        record.files = files.map(\.record)
        if let folderNames { record.folderNames.names = folderNames }
        return record
    }
}

extension DateSensitivity {
    init?(_ record: CachedSensitivity) {
        guard let checkedOn = Day(iso: record.checkedOn) else { return nil }
        let from = record.from.compactMap(Day.init(iso:)), after = record.after.compactMap(Day.init(iso:))
        guard from.count == record.from.count, after.count == record.after.count else { return nil }
        (self.checkedOn, self.from, self.after) = (checkedOn, from, after)
    }

    var record: CachedSensitivity {
        var record = CachedSensitivity()
        record.checkedOn = checkedOn.description
        record.from = from.map(\.description)
        record.after = after.map(\.description)
        return record
    }
}

extension PostListing {
    convenience init?(_ record: CachedListing) {
        guard let date = Day(iso: record.date) else { return nil }
        self.init(slug: record.slug, title: record.title, date: date, summary: record.hasSummary ? record.summary : nil,
                  author: record.author, category: record.category, cover: record.hasCover ? record.cover : nil, coverAlt: record.coverAlt)
    }

    var record: CachedListing {
        var record = CachedListing()
        record.slug = slug
        record.title = title
        record.date = date.description
        if let summary { record.summary = summary }
        record.author = author
        record.category = category
        if let cover { record.cover = cover }
        record.coverAlt = coverAlt
        return record
    }
}

extension OutputStamp {
    init(_ record: CachedStamp) {
        path = record.path
        status = FileStatus(mode: record.mode, device: record.device, inode: record.inode, size: record.size,
                            modified: record.modified, changed: record.changed)
    }

    var record: CachedStamp {
        var record = CachedStamp()
        record.path = path
        (record.mode, record.device, record.inode) = (status.mode, status.device, status.inode)
        (record.size, record.modified, record.changed) = (status.size, status.modified, status.changed)
        return record
    }
}
