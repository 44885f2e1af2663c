import Glibc

/// The system calls the pipeline needs beyond what Glibc exposes to Swift directly
/// (`renameat2`, leases, `O_TMPFILE`), with errors turned into `SystemCallError`.
enum FileSystem {
    /// `O_TMPFILE` (Linux; `__O_TMPFILE | O_DIRECTORY`), missing from the Glibc module.
    static let openTemporaryFile: Int32 = 0o20_000_000 | O_DIRECTORY
    /// `fcntl` commands for leases, missing from the Glibc module.
    static let setLease: Int32 = 1024
    static let readLease = Int32(F_RDLCK)
    static let noLease = Int32(F_UNLCK)
    /// `O_NOATIME` (Linux), missing from the Glibc module.
    static let openNoAccessTime: Int32 = 0o1_000_000
    /// `RENAME_NOREPLACE` for `renameat2`.
    static let renameNoReplace: UInt32 = 1

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc has had `renameat2` since 2.28, but the Swift module does not declare it.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private typealias SetAttribute = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
    private typealias GetAttribute = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeMutableRawPointer, Int) -> Int

    /// `fsetxattr`/`fgetxattr` (sys/xattr.h is not in the Swift Glibc module).
    private static let fsetxattr: SetAttribute? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fsetxattr").map { unsafeBitCast($0, to: SetAttribute.self) }
    private static let fgetxattr: GetAttribute? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fgetxattr").map { unsafeBitCast($0, to: GetAttribute.self) }

    /// Sets an extended attribute; false with `errno` set on failure (`ENOTSUP`: none here).
    static func setAttribute(_ fd: Int32, _ name: String, _ value: [UInt8]) -> Bool {
        guard let fsetxattr else {
            errno = ENOTSUP
            return false
        }
        return value.withUnsafeBytes { fsetxattr(fd, name, $0.baseAddress!, $0.count, 0) } == 0
    }

    /// An extended attribute's value (up to 1 KiB), or nil.
    static func attribute(_ fd: Int32, _ name: String) -> [UInt8]? {
        guard let fgetxattr else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { fgetxattr(fd, name, $0.baseAddress!, $0.count) }
        return count > 0 ? Array(buffer.prefix(count)) : nil
    }

    /// Renames without replacing an existing target (`EEXIST` then). Where the kernel or file
    /// system lacks `RENAME_NOREPLACE`, a hard link plus unlink keeps the same guarantee
    /// for files; directories fall back to an existence check before a plain rename.
    static func renameNoReplace(_ fromDirectory: Int32, _ from: String, _ toDirectory: Int32, _ to: String) throws(SystemCallError) {
        if let renameat2 {
            if renameat2(fromDirectory, from, toDirectory, to, renameNoReplace) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS else { throw SystemCallError("rename \(from.debugDescription) → \(to.debugDescription)") }
        }
        if linkat(fromDirectory, from, toDirectory, to, 0) == 0 {
            _ = unlinkat(fromDirectory, from, 0)
            return
        }
        guard errno == EPERM else { throw SystemCallError("link \(from.debugDescription) → \(to.debugDescription)") }
        var status = stat()
        if fstatat(toDirectory, to, &status, AT_SYMLINK_NOFOLLOW) == 0 {
            throw SystemCallError("rename \(from.debugDescription) → \(to.debugDescription)", code: EEXIST)
        }
        if renameat(fromDirectory, from, toDirectory, to) != 0 {
            throw SystemCallError("rename \(from.debugDescription) → \(to.debugDescription)")
        }
    }

    /// Opens a directory for `*at` calls.
    static func openDirectory(_ path: String) throws(SystemCallError) -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError("open directory \(path)") }
        return fd
    }

    /// Creates `path` and its missing parents with mode 0755 (0770 is left to the unit's umask).
    static func createDirectories(_ path: String) throws(SystemCallError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw SystemCallError("create directory \(current)")
            }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw SystemCallError("stat \(path)") }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw SystemCallError("use \(path) as a directory", code: ENOTDIR) }
    }

    /// fsync of a descriptor.
    static func sync(_ fd: Int32, _ what: @autoclosure () -> String) throws(SystemCallError) {
        guard fsync(fd) == 0 else { throw SystemCallError("fsync \(what())") }
    }

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    /// `sync_file_range` (fcntl.h declares it only under _GNU_SOURCE, not in the Swift module).
    private static let syncFileRange: SyncFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range").map { unsafeBitCast($0, to: SyncFileRange.self) }
    /// `SYNC_FILE_RANGE_WRITE`: start writeback of dirty pages, do not wait.
    private static let syncFileRangeWrite: UInt32 = 2

    /// Starts writeback of a file's dirty data without waiting; a hint, errors ignored
    /// (the fsync that must follow reports them).
    static func startWriteback(_ fd: Int32) {
        _ = syncFileRange?(fd, 0, 0, syncFileRangeWrite)
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ what: @autoclosure () -> String) throws(SystemCallError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("write \(what())")
            }
            written += result
        }
    }

    /// Calls `body` for each entry of the directory (not `.` and `..`), streaming: the
    /// directory is never listed into memory. `body` returns false to stop early.
    /// Names are raw bytes: Linux file names need not be UTF-8.
    static func forEachEntry(in directory: Int32, _ body: ([UInt8]) -> Bool) throws(SystemCallError) {
        let copy = dup(directory)
        guard copy >= 0 else { throw SystemCallError("dup directory") }
        guard let stream = fdopendir(copy) else {
            close(copy)
            throw SystemCallError("open directory stream")
        }
        defer { closedir(stream) }
        rewinddir(stream)
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            if !body(name) { return }
        }
    }
}
