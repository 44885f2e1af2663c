import Foundation
import Glibc

/// inotify on result directories: reports the names that were linked (`O_TMPFILE` + `linkat`,
/// IN_CREATE), renamed (IN_MOVED_TO) into them or closed after writing, so that the bench sees an
/// outbox JSON the moment it is complete. (entityd names a result only once it is complete.)
final class DirectoryWatcher {
    /// One read from the inotify descriptor.
    struct Batch {
        /// Names that appeared, each with the directory it appeared in (as passed to `init`).
        var names: [(directory: String, name: String)] = []
        /// The kernel dropped events: the caller must rescan the directories.
        var overflowed = false
    }

    let directories: [String]
    private let descriptor: Int32
    private var directoryOfWatch: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    init(directories: [String]) throws {
        self.directories = directories
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw BenchError(code: "inotify", message: String(cString: strerror(errno))) }
        for directory in directories {
            let watch = inotify_add_watch(descriptor, directory, UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE))
            guard watch >= 0 else {
                close(descriptor)
                throw BenchError(code: "inotify-watch", message: "\(directory): \(String(cString: strerror(errno)))")
            }
            directoryOfWatch[watch] = directory
        }
    }

    deinit { close(descriptor) }

    /// Waits at most `timeoutMilliseconds` for events; an empty batch means the time ran out.
    func next(timeoutMilliseconds: Int32) throws -> Batch {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMilliseconds)
        if ready < 0 && errno != EINTR { throw BenchError(code: "poll", message: String(cString: strerror(errno))) }
        guard ready > 0 else { return Batch() }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { throw BenchError(code: "inotify-read", message: String(cString: strerror(errno))) }
        var batch = Batch()
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { batch.overflowed = true }
                if length > 0, let directory = directoryOfWatch[watch] {
                    let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + headerSize)..<(offset + headerSize + length)])
                    let end = nameBytes.firstIndex(of: 0) ?? length
                    batch.names.append((directory, String(decoding: nameBytes[..<end], as: UTF8.self)))
                }
                offset += headerSize + length
            }
        }
        return batch
    }
}
