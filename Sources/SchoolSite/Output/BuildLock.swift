import Foundation

/// An exclusive lock beside the output folder, so two builds never write at once.
/// The kernel drops it when the process ends, however it ends.
public final class BuildLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock without waiting; a held lock is `SiteError.Kind.buildLocked`.
    public init(for output: URL) throws(SiteError) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteError(.outputFailed, "output.lock", at: SourceLocation(file: path),
                            "cannot create the build lock (\(String(cString: strerror(errno)))); check that the folder is writable")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SiteError(.buildLocked, "output.lock", at: SourceLocation(file: path),
                            "another schoolsite build is writing \(output.lastPathComponent)/ right now; this one stopped without changing anything. Run it again when the other has finished.")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
