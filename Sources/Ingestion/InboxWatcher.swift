import Glibc

/// inotify on the inbox, read on a thread of its own that does nothing but turn events into
/// `InboxSchedule` events, so reading inotify never waits on claiming or extraction.
///
/// Watched: IN_CLOSE_WRITE and IN_MOVED_TO (a file is complete), IN_CREATE (links, FIFOs,
/// symlinks, directories, which never get a close-after-write), IN_Q_OVERFLOW (rescan), and
/// IN_DELETE_SELF / IN_MOVE_SELF / IN_UNMOUNT (the inbox is gone: fatal, see `onFatal`).
/// The other state directories are watched for removal too: writing on into a directory
/// that was deleted under us would make results vanish, so that is fatal as well.
final class InboxWatcher: Sendable {
    /// The inbox's watch mask.
    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    /// The mask for the other directories: only their own removal.
    static let removalMask = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    private let inotify: Int32
    private let stopPipe: (read: Int32, write: Int32)
    /// Watch descriptor → directory name, for the message when one disappears.
    private let watched: [Int32: String]

    /// Sets the watches up (the inbox, and `others` as name → path for removal only).
    init(inbox path: String, others: [(name: String, path: String)] = []) throws(SystemCallError) {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw SystemCallError("inotify_init1") }
        var watched: [Int32: String] = [:]
        for (name, directory, mask) in [("inbox", path, Self.mask)] + others.map({ ($0.name, $0.path, Self.removalMask) }) {
            let descriptor = inotify_add_watch(fd, directory, mask)
            guard descriptor >= 0 else {
                let error = SystemCallError("watch \(directory) with inotify")
                close(fd)
                throw error
            }
            watched[descriptor] = watched[descriptor].map { $0 + " and " + name } ?? name
        }
        self.watched = watched
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(fd)
            throw SystemCallError("pipe")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        inotify = fd
        stopPipe = (ends[0], ends[1])
    }

    /// Makes the reading thread return.
    func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
    }

    deinit {
        close(inotify)
        close(stopPipe.read)
        close(stopPipe.write)
    }

    /// Reads events until `stop`; `onEvents` receives the schedule events of each read at
    /// once (one lock and one wake-up for a burst, not one per file), `onOverflow` is told
    /// when the kernel dropped events, `onFatal` the reason when the inbox directory was
    /// removed, moved away or unmounted (then it returns).
    func run(onEvents: ([InboxSchedule.Event]) -> Void, onOverflow: () -> Void, onFatal: (String) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var events: [InboxSchedule.Event] = []
        var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
        while true {
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                onFatal("poll on inotify failed: \(String(cString: strerror(errno)))")
                return
            }
            if descriptors[1].revents != 0 { return }
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                onFatal("reading inotify failed: \(String(cString: strerror(errno)))")
                return
            }
            events.removeAll(keepingCapacity: true)
            let fatal = Self.parse(buffer[0..<count], directories: watched, onEvent: { events.append($0) }, onOverflow: onOverflow)
            if !events.isEmpty { onEvents(events) }
            if let fatal {
                onFatal(fatal)
                return
            }
        }
    }

    /// Turns a buffer of `inotify_event` records into schedule events; returns the reason
    /// when an event says the inbox itself is gone.
    static func parse(
        _ bytes: ArraySlice<UInt8>, directories: [Int32: String] = [:],
        onEvent: (InboxSchedule.Event) -> Void, onOverflow: () -> Void = {}
    ) -> String? {
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            let descriptor = Int32(bitPattern: readUInt32(bytes, offset))
            let mask = readUInt32(bytes, offset + 4)
            let length = Int(readUInt32(bytes, offset + 12))
            let nameBytes = bytes[(offset + 16)..<min(bytes.endIndex, offset + 16 + length)].prefix(while: { $0 != 0 })
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                onOverflow()
                onEvent(.overflowed)
                continue
            }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED) != 0 {
                return "the \(directories[descriptor] ?? "inbox") directory was removed, moved away or unmounted"
            }
            guard !nameBytes.isEmpty else { continue }
            let (name, needsRename) = InboxNameFilter.decodedName(Array(nameBytes))
            if needsRename {
                // Only the scan renames raw-byte names; let it find this one.
                onEvent(.overflowed)
                continue
            }
            let hint: InboxSchedule.Hint = mask & UInt32(IN_CREATE) != 0 ? .created : .completed
            onEvent(.appeared(name, hint))
        }
        return nil
    }

    private static func readUInt32(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        // inotify records are in host byte order (little-endian on every Linux target we build).
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
