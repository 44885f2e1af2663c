import Glibc

/// Reads one article file safely: `O_NOFOLLOW` (a symlink is refused, its target never
/// opened), `O_NONBLOCK` (a FIFO cannot block the reader), `fstat` after open (regular
/// files only), and a size limit checked before and while reading.
public enum ArticleFile {
    /// The file's bytes, or why it cannot be an article. `followSymlinks` is for files named
    /// on the command line, where a link is the user's choice; the daemon never follows.
    public static func read(path: String, maximumBytes: Int, followSymlinks: Bool) throws(ArticleFailure) -> [UInt8] {
        try read(directory: AT_FDCWD, name: path, maximumBytes: maximumBytes, followSymlinks: followSymlinks)
    }

    /// Reads `name` relative to an open directory (the daemon's `processing/` area).
    static func read(directory: Int32, name: String, maximumBytes: Int, followSymlinks: Bool = false) throws(ArticleFailure) -> [UInt8] {
        let opened = try readKeepingOpen(directory: directory, name: name, maximumBytes: maximumBytes, followSymlinks: followSymlinks)
        close(opened.descriptor)
        return opened.bytes
    }

    /// Reads `name` like `read`, but hands back the open descriptor too (the caller closes
    /// it): the daemon sets the claim record on the same open file instead of opening the
    /// name a second time.
    static func readKeepingOpen(directory: Int32, name: String, maximumBytes: Int, followSymlinks: Bool = false) throws(ArticleFailure) -> (bytes: [UInt8], descriptor: Int32) {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followSymlinks ? 0 : O_NOFOLLOW)
        let fd = openat(directory, name, flags)
        guard fd >= 0 else { throw openFailure(errno) }
        do {
            return (try read(descriptor: fd, maximumBytes: maximumBytes), fd)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Reads a claimed input through `descriptor`, the one its claim opened (-1: none), when
    /// that is still the file `name` in `directory`: a rename over the inbox name between
    /// the claim's open and its rename would have claimed another file. Otherwise (closing
    /// `descriptor`) it opens the name like `readKeepingOpen`. Takes over `descriptor` either way.
    static func readClaimed(descriptor: Int32, directory: Int32, name: String, maximumBytes: Int) throws(ArticleFailure) -> (bytes: [UInt8], descriptor: Int32) {
        if descriptor >= 0 {
            var byDescriptor = stat(), byName = stat()
            if fstat(descriptor, &byDescriptor) == 0, fstatat(directory, name, &byName, AT_SYMLINK_NOFOLLOW) == 0,
               byDescriptor.st_dev == byName.st_dev, byDescriptor.st_ino == byName.st_ino {
                do {
                    return (try read(descriptor: descriptor, status: byDescriptor, maximumBytes: maximumBytes), descriptor)
                } catch {
                    close(descriptor)
                    throw error
                }
            }
            close(descriptor)
        }
        return try readKeepingOpen(directory: directory, name: name, maximumBytes: maximumBytes)
    }

    private static func read(descriptor fd: Int32, maximumBytes: Int) throws(ArticleFailure) -> [UInt8] {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure("unreadable", "fstat failed: \(String(cString: strerror(errno)))") }
        return try read(descriptor: fd, status: status, maximumBytes: maximumBytes)
    }

    /// Reads an open file whose `fstat` is `status`.
    private static func read(descriptor fd: Int32, status: stat, maximumBytes: Int) throws(ArticleFailure) -> [UInt8] {
        guard status.st_mode & S_IFMT == S_IFREG else { throw failure("not_regular_file", "not a regular file but \(kind(status.st_mode))") }
        guard Int(status.st_size) <= maximumBytes else {
            throw failure("too_large", "\(status.st_size) bytes, more than the limit of \(maximumBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), maximumBytes) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= maximumBytes else { throw failure("too_large", "grew beyond the limit of \(maximumBytes) bytes while being read") }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maximumBytes + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("unreadable", "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
            // All the bytes fstat reported: done, without the read that would return 0 (the
            // file is claimed and no writer held it; one that grew before this read filled
            // the spare byte and is read on, up to the limit).
            if filled == Int(status.st_size), filled < bytes.count { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func openFailure(_ code: Int32) -> ArticleFailure {
        switch code {
        case ELOOP: failure("symlink", "a symbolic link; entityd does not follow links in the inbox")
        case ENXIO: failure("not_regular_file", "not a regular file but a socket")
        case EACCES, EPERM: failure("permission_denied", "no permission to read the file")
        case ENOENT: failure("vanished", "the file disappeared after it was claimed")
        default: failure("unreadable", "open failed: \(String(cString: strerror(code)))")
        }
    }

    private static func failure(_ code: String, _ message: String) -> ArticleFailure {
        ArticleFailure(step: .read, code: code, message: message)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        default: "an unknown file type"
        }
    }
}
