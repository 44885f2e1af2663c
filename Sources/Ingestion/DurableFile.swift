import Glibc

/// A file written without a name (`O_TMPFILE`) and named only when complete. Where the file
/// system has no `O_TMPFILE`, a hidden temporary name is used and removed afterwards.
struct DurableFile {
    private let fd: Int32
    private let directory: Int32
    private let directoryName: String
    /// The hidden name in the fallback case.
    private let temporaryName: String?

    init(directory: Int32, directoryName: String, mode: UInt32) throws(SystemCallError) {
        self.directory = directory
        self.directoryName = directoryName
        var fd = openat(directory, ".", FileSystem.openTemporaryFile | O_WRONLY | O_CLOEXEC, mode_t(mode))
        var temporaryName: String?
        if fd < 0, [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) {
            let random = UInt64.random(in: 0...UInt64.max)
            let name = ".entityd-\(String(random, radix: 16)).tmp"
            fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
            temporaryName = name
        }
        guard fd >= 0 else { throw SystemCallError("create a file in \(directoryName)/") }
        // The umask must not narrow the configured mode.
        if mode & ~Self.umask != mode { _ = fchmod(fd, mode_t(mode)) }
        self.fd = fd
        self.temporaryName = temporaryName
    }

    /// The process's umask, read once from /proc (reading it with umask(2) would briefly
    /// change it for every thread); 0o777 when unknown, so that fchmod always runs.
    static let umask: UInt32 = {
        guard let status = ClaimRecord.readSmallFile(directory: AT_FDCWD, name: "/proc/self/status") else { return 0o777 }
        let text = String(decoding: status, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let value = UInt32(line.dropFirst("Umask:".count).trimmingPrefix(while: { $0 == "\t" || $0 == " " }), radix: 8) else { return 0o777 }
        return value
    }()

    func write(_ bytes: [UInt8], durable: Bool) throws(SystemCallError) {
        try FileSystem.writeAll(fd, bytes, "\(directoryName)/ file")
        if durable { try sync() }
    }

    /// Starts writing the data to the device without waiting (`sync_file_range`). Only a
    /// head start for a batch: several files' writes are then in flight at once, and their
    /// `sync` calls mostly find them done. It guarantees nothing; `sync` does.
    func startWriteback() {
        FileSystem.startWriteback(fd)
    }

    /// fsync: data and inode are on stable storage when it returns.
    func sync() throws(SystemCallError) {
        try FileSystem.sync(fd, "\(directoryName)/ file")
    }

    /// Gives the file its name; `EEXIST` when the name is taken (nothing is replaced).
    func link(as name: String) throws(SystemCallError) {
        let result: Int32
        if let temporaryName {
            result = linkat(directory, temporaryName, directory, name, 0)
        } else {
            result = linkat(AT_FDCWD, "/proc/self/fd/\(fd)", directory, name, AT_SYMLINK_FOLLOW)
        }
        guard result == 0 else { throw SystemCallError("name \(directoryName)/\(name)") }
    }

    /// Closes the descriptor (an unnamed file then vanishes) and removes a fallback name.
    func discard() {
        if let temporaryName { _ = unlinkat(directory, temporaryName, 0) }
        close(fd)
    }
}
