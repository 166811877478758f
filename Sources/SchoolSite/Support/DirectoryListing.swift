import Foundation

/// A folder's entries read with `readdir`: FileManager's listing costs several
/// times more, and every rebuild lists each post folder.
enum DirectoryListing {
    /// The names in `folder` but `.` and `..`, unsorted; nil when the folder
    /// cannot be read or holds a name that is not UTF-8 (which no path here could name).
    static func names(in folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let decoded = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                String(validatingCString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
            }
            guard let name = decoded else { return nil }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The names of the folders in `folder` (links to folders included), unsorted, a
    /// name that is not UTF-8 with replacement characters; empty when it cannot be read.
    /// The entry's type comes with its name, so only links and file systems that
    /// give no type cost a `stat` (this lists the posts folder on every command).
    static func folders(in folder: String) -> [String] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
            }
            guard name != "." && name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): names.append(name)
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                if FileStatus("\(folder)/\(name)", following: true)?.isDirectory == true { names.append(name) }
            default: break
            }
        }
        return names
    }
}
