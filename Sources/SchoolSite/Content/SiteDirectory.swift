import Foundation

/// Why a site file could not be read, in words an SBM can act on.
public struct FileReadError: Error, Sendable {
    public var reason: String
}

/// The site folder: every read goes through here, so that a FIFO, a device,
/// an oversized or non-UTF-8 file gives a clear error instead of a hang or a crash.
public struct SiteDirectory: Sendable {
    public let root: URL
    private let rootPath: String

    public init(_ path: String) {
        self.root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        self.rootPath = root.path
    }

    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The file system path of `relativePath`: what `url(_:).path` gives, without
    /// building a URL (a build asks for a few paths per post).
    public func path(_ relativePath: String) -> String {
        rootPath.hasSuffix("/") ? rootPath + relativePath : "\(rootPath)/\(relativePath)"
    }

    /// Whether `relativePath`, every symlink resolved (realpath(3)), lands inside
    /// `folder` ("" is the site itself); nil when either cannot be resolved: a
    /// dangling link, a loop, no such file.
    public func resolves(_ relativePath: String, inside folder: String) -> Bool? {
        if let isThere = isPlainlyInside(relativePath, folder) { return isThere ? true : nil }
        guard let file = resolvedPath(relativePath), let folder = resolvedPath(folder) else { return nil }
        return file.utf8.starts(with: Self.asFolder(folder).utf8)
    }

    /// The usual case, without realpath's look-up of every component from `/`
    /// (a dozen system calls, several times per image): below `folder` by name,
    /// with no `.` or `..` and no link on the way down, `relativePath` is inside
    /// wherever `folder` itself lands. Then true when it exists, false when it
    /// does not; nil when this cannot tell.
    ///
    /// Paths are compared and cut by bytes, as the file system reads them: Swift's
    /// String takes two spellings of an accented name as equal, and a `/`
    /// followed by a combining mark as one character that is not `/`.
    private func isPlainlyInside(_ relativePath: String, _ folder: String) -> Bool? {
        let bytes = Array(relativePath.utf8)
        let prefix = Array(Self.asFolder(folder).utf8)
        guard bytes.starts(with: prefix) else { return nil }
        for component in bytes[prefix.count...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard !component.isEmpty, !component.elementsEqual(".".utf8), !component.elementsEqual("..".utf8) else { return nil }
            guard let status = FileStatus(path(String(decoding: bytes[..<component.endIndex], as: UTF8.self))) else { return false }
            guard !status.isLink else { return nil }
        }
        return true
    }

    /// `folder` with a `/` at its end ("" stays "": the site itself).
    private static func asFolder(_ folder: String) -> String {
        folder.isEmpty || folder.utf8.last == UInt8(ascii: "/") ? folder : folder + "/"
    }

    private func resolvedPath(_ relativePath: String) -> String? {
        guard let resolved = realpath(path(relativePath), nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The bytes of a regular file, refusing anything larger than `limit`.
    public func readData(_ relativePath: String, limit: Int) throws(FileReadError) -> Data {
        try SiteDirectory.readData(at: path(relativePath), limit: limit)
    }

    /// The bytes of a regular file, and which file they are (`FileIdentity`).
    public func readFile(_ relativePath: String, limit: Int) throws(FileReadError) -> (data: Data, identity: FileIdentity) {
        try SiteDirectory.readFile(at: path(relativePath), limit: limit)
    }

    /// The text of a UTF-8 file, without a leading byte-order mark.
    public func readText(_ relativePath: String, limit: Int) throws(FileReadError) -> String {
        try Self.decodeText(try readData(relativePath, limit: limit))
    }

    /// UTF-8 text without a leading byte-order mark; the error names the line of the first bad byte.
    static func decodeText(_ data: Data) throws(FileReadError) -> String {
        guard var text = String(validating: data, as: UTF8.self) else {
            let line = SiteDirectory.lineOfFirstInvalidUTF8(in: data)
            throw FileReadError(reason: "is not valid UTF-8 text (first bad byte on line \(line)); save it as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    public func isDirectory(_ relativePath: String) -> Bool {
        FileStatus(path(relativePath), following: true)?.isDirectory == true
    }

    public func exists(_ relativePath: String) -> Bool {
        FileStatus(path(relativePath)) != nil
    }

    /// Names of the entries of a folder, sorted; empty when it does not exist.
    public func entries(of relativePath: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relativePath))) ?? []).sorted()
    }

    /// - Parameter folder: where a relative `path` is looked up from; nil for the working folder.
    static func readData(at path: String, in folder: FolderHandle? = nil, limit: Int) throws(FileReadError) -> Data {
        try readFile(at: path, in: folder, limit: limit).data
    }

    /// As `readData`, and which file was read, as it was looked at before it was opened.
    static func readFile(at path: String, in folder: FolderHandle? = nil, limit: Int) throws(FileReadError) -> (data: Data, identity: FileIdentity) {
        let base = folder?.descriptor ?? AT_FDCWD
        // Looked at before it is opened: opening a device or a pipe can do something of itself.
        var info = stat()
        guard fstatat(base, path, &info, 0) == 0 else {
            let error = errno
            throw FileReadError(reason: error == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(error))))")
        }
        try requireRegularFile(info, limit: limit)
        // O_NONBLOCK: if the file was swapped for a pipe since stat(), open must not hang.
        let descriptor = openat(base, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileReadError(reason: "cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        return (try readAll(descriptor, size: Int(info.st_size), limit: limit), FileIdentity(info))
    }

    /// A file of a tree the build wrote itself, where no device or pipe can be:
    /// opened first and asked about through the descriptor (one look-up of the
    /// path, not two), a link refused. Also its status, as it was when opened.
    static func readOwnFile(at path: String, limit: Int) throws(FileReadError) -> (data: Data, status: FileStatus) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            throw FileReadError(reason: error == ENOENT ? "does not exist" : "cannot be opened (\(String(cString: strerror(error))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw FileReadError(reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        try requireRegularFile(info, limit: limit)
        return (try readAll(descriptor, size: Int(info.st_size), limit: limit), FileStatus(info))
    }

    private static func requireRegularFile(_ info: stat, limit: Int) throws(FileReadError) {
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileReadError(reason: "is not a regular file (a folder, pipe or device); remove it or replace it with a real file")
        }
        guard Int(info.st_size) <= limit else {
            throw FileReadError(reason: "is \(ByteCount(Int(info.st_size))), over the \(ByteCount(limit)) limit")
        }
    }

    /// Everything `descriptor` holds, found `size` bytes long before reading.
    private static func readAll(_ descriptor: Int32, size: Int, limit: Int) throws(FileReadError) -> Data {
        // Straight into the result, sized by stat (one byte more, to see the end without growing),
        // not into a 64 KB buffer and copied from there: a build reads several files per post.
        var data = Data(count: size + 1)
        var filled = 0
        while true {
            // A file that grew since stat: room up to one byte past the limit, to see it passed.
            if filled == data.count { data.count = min(data.count + max(data.count, 4096), limit + 1) }
            let count = data.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + filled, buffer.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(reason: "could not be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            let asked = data.count - filled
            filled += count
            if filled > limit {
                throw FileReadError(reason: "is over the \(ByteCount(limit)) limit")
            }
            // Fewer bytes than asked, and as many as stat found: the file as it was looked at,
            // read to its end without one more read(2) to be told so.
            if filled == size && count < asked { break }
        }
        data.count = filled
        return data
    }

    private static func lineOfFirstInvalidUTF8(in data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            // Decode one line at a time; the first line that fails holds the bad byte.
            let end = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[index..<end], as: UTF8.self) == nil { return line }
            line += 1
            index = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}

/// A byte count written for people: "25 MB".
struct ByteCount: CustomStringConvertible {
    let bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        if bytes >= 1 << 20 { return "\(bytes / (1 << 20)) MB" }
        if bytes >= 1 << 10 { return "\(bytes / (1 << 10)) KB" }
        return "\(bytes) bytes"
    }
}
