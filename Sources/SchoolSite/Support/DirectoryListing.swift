import Foundation

/// A folder's entries read with `readdir`: FileManager's listing costs several
/// times more, and every rebuild lists each post folder.
enum DirectoryListing {
    /// The names in `folder` but `.` and `..`, unsorted; nil when the folder
    /// cannot be read or holds a name that is not UTF-8 (which no path here could name).
    static func names(in folder: String) -> [String]? {
        names(of: opendir(folder))
    }

    /// `names(in:)` of the folder `handle` holds.
    static func names(in handle: FolderHandle) -> [String]? {
        names(of: handle.openForListing())
    }

    private static func names(of stream: OpaquePointer?) -> [String]? {
        var names: [String] = []
        let complete = visit(stream) { name, _ in
            guard let name = String(validatingCString: name) else { return false }
            names.append(name)
            return true
        }
        return complete ? names : nil
    }

    /// Whether `folder` holds nothing but `.` and `..`; nil when it cannot be read.
    static func isEmpty(_ folder: String) -> Bool? {
        guard let stream = opendir(folder) else { return nil }
        var isEmpty = true
        _ = visit(stream) { _, _ in
            isEmpty = false
            return false
        }
        return isEmpty
    }

    /// The names in `folder` but `.` and `..`; nil when the folder cannot be read.
    static func tally(in folder: String) -> NameTally? {
        var tally = NameTally()
        let complete = visit(opendir(folder)) { name, _ in
            tally.add(UnsafeRawBufferPointer(start: name, count: strlen(name)))
            return true
        }
        return complete ? tally : nil
    }

    /// The names of the folders in `folder` (links to folders included), unsorted, a
    /// name that is not UTF-8 with replacement characters; empty when it cannot be read.
    /// The entry's type comes with its name, so only links and file systems that
    /// give no type cost a `stat` (this lists the posts folder on every command).
    static func folders(in folder: FolderHandle) -> [String] {
        var names: [String] = []
        _ = visit(folder.openForListing()) { pointer, type in
            let name = String(cString: pointer)
            switch Int32(type) {
            case Int32(DT_DIR): names.append(name)
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                if folder.status(of: name, following: true)?.isDirectory == true { names.append(name) }
            default: break
            }
            return true
        }
        return names
    }

    /// Calls `body` with each entry's name and type but `.` and `..`, until it returns false.
    /// - Parameter stream: the folder opened for `readdir` (nil when it could not be); closed here.
    /// - Returns: false when the folder cannot be read or `body` stopped.
    private static func visit(_ stream: OpaquePointer?, _ body: (UnsafePointer<CChar>, UInt8) -> Bool) -> Bool {
        guard let stream else { return false }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let goOn = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                let name = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                return strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || body(name, entry.pointee.d_type)
            }
            guard goOn else { return false }
        }
        return true
    }
}
