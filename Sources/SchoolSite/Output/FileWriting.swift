import Foundation

/// Why a file of the new site could not be written.
struct FileWriteError: Error, CustomStringConvertible {
    let path: String
    let code: Int32

    var description: String { "\(String(cString: strerror(code))) (\(path))" }
}

/// Plain POSIX writes. Foundation's `Data.write` syncs every file to disk, which
/// made a 10,000-post build wait on 20,000 syncs; the writer syncs the whole
/// new site once instead, before it is swapped in.
enum FileWriting {
    static func write(_ data: Data, to path: String) throws(FileWriteError) {
        // O_EXCL: every file of a new site is new; an existing one (two files for one path,
        // or a link into the previous site) must never be written through.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw FileWriteError(path: path, code: failure) }
    }

    /// Replaces the file at `path` with `data` all at once, through a temporary
    /// file beside it and a rename; a failure leaves what was there.
    /// - Returns: false when it could not be written.
    @discardableResult
    static func replace(_ path: String, with data: Data) -> Bool {
        // Only a build holding the lock writes these names; a killed build's leftover is overwritten.
        let temporary = "\(path).new"
        unlink(temporary)
        guard (try? write(data, to: temporary)) != nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
