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
}
