import Foundation

/// A folder's entries read with `readdir`: FileManager's listing costs several
/// times more, and every build lists each post folder and the whole output.
enum DirectoryListing {
    struct Entry {
        var name: String
        /// A real folder, not a link to one.
        var isFolder: Bool
    }

    /// The entries but `.` and `..`, unsorted; nil when the folder cannot be
    /// read or holds a name that is not UTF-8 (which no path here could name).
    static func entries(of folder: String) -> [Entry]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let decoded = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                String(validatingCString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
            }
            guard let name = decoded else { return nil }
            guard name != "." && name != ".." else { continue }
            let type = entry.pointee.d_type
            // Some file systems do not give the type; lstat then.
            let isFolder = type == UInt8(DT_UNKNOWN) ? FileStatus("\(folder)/\(name)")?.isDirectory == true : type == UInt8(DT_DIR)
            entries.append(Entry(name: name, isFolder: isFolder))
        }
        return entries
    }
}
