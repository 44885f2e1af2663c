import Glibc

/// This daemon's own directory under `processing/`, `instance-<pid>-<random>`, locked with
/// `flock` for as long as the process lives.
///
/// Claimed files live here while in flight. The lock is what tells instances apart on a
/// shared state directory: a directory whose lock can be taken belongs to a process that
/// died (the kernel drops flocks with the process), so its files may be recovered; a locked
/// one is a live instance's work and is never touched. The directory is created under a
/// hidden name, locked, then renamed into place, so no one ever sees it unlocked.
final class InstanceDirectory: Sendable {
    static let prefix = "instance-"
    static let creatingPrefix = ".creating-"

    let name: String
    /// Open and flocked for the life of the instance.
    let fd: Int32
    private let parent: Int32

    init(processing: Int32) throws(SystemCallError) {
        let random = UInt64.random(in: 0...UInt64.max)
        let identifier = "\(getpid())-\(String(random, radix: 16))"
        let hidden = Self.creatingPrefix + identifier
        name = Self.prefix + identifier
        parent = processing
        guard mkdirat(processing, hidden, 0o700) == 0 else { throw SystemCallError("create processing/\(hidden)") }
        let fd = openat(processing, hidden, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError("open processing/\(hidden)") }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw SystemCallError("lock processing/\(hidden)")
        }
        do {
            try FileSystem.renameNoReplace(processing, hidden, processing, name)
        } catch {
            close(fd)
            throw error
        }
        self.fd = fd
    }

    /// Removes the directory when it is empty (clean shutdown) and releases the lock.
    func release() -> Bool {
        let removed = unlinkat(parent, name, AT_REMOVEDIR) == 0
        close(fd)
        return removed
    }
}
