import Glibc
import Synchronization
import Logging

extension IngestionPipeline {
    /// The claiming thread: performs the schedule's actions until it says finish.
    func claimLoop() {
        while true {
            switch schedule.next(recoveryInterval: Self.recoveryInterval) {
            case .finish:
                return
            case .recover:
                recoverLeftovers()
            case .scan:
                scanInbox()
            case .claim(let name, let hint):
                claimAndQueue(name, hint: hint)
            case .trimMemory:
                HeapTrimmer.trim()
            case .wait:
                continue
            }
        }
    }

    /// Streams the inbox directory (never listing it into memory) and claims what is there.
    func scanInbox() {
        do {
            try FileSystem.forEachEntry(in: directories.inbox) { raw in
                if schedule.isStopping { return false }
                var (name, needsRename) = InboxNameFilter.decodedName(raw)
                if needsRename {
                    guard renameRawName(raw, to: name) else { return true }
                    needsRename = false
                }
                if !InboxNameFilter.isIgnored(name) { claimAndQueue(name, hint: .scanned) }
                return true
            }
        } catch {
            logger.error("scanning the inbox failed: \(error)", metadata: ["ENTITYD_ERROR": .string(error.description)])
        }
    }

    /// Claims one inbox name and hands it to the workers (waiting while the queue is full).
    func claimAndQueue(_ name: String, hint: InboxSchedule.Hint) {
        guard !InboxNameFilter.isIgnored(name) else { return }
        var descriptor: Int32 = -1
        switch claim(name, hint: hint, keeping: &descriptor) {
        case .claimed:
            reportClaimHealth(success: true)
            let file = ClaimedFile(name: name, job: nextJob(), receivedAt: Timestamp.now(), descriptor: descriptor)
            if !queue.put(file) {
                if descriptor >= 0 { close(descriptor) }
                if !store.returnToInbox(name, from: instance.fd) {
                    logger.warning("could not return \(name.debugDescription) to the inbox; the next start recovers it")
                }
            }
        case .collision:
            schedule.post(.deferred(name, hint))
        case .gone, .beingWritten, .retryLater:
            // A file put off till later is found again by the rescan on the recovery tick.
            break
        case .failed(let error):
            reportClaimHealth(success: false, error: error)
        }
    }

    /// Moves `inbox/<name>` into this instance's directory with an atomic no-replace rename:
    /// of several instances, exactly one succeeds. A regular file some process still has
    /// open for writing is left alone: a read lease (`F_SETLEASE`) cannot be taken while
    /// any writer holds the file, and holding it across the rename closes the gap in which
    /// a writer could open it. Without the right to take a lease, see `WriterCheck`.
    func claim(_ name: String, hint: InboxSchedule.Hint) -> ClaimOutcome {
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        return claim(name, hint: hint, keeping: &descriptor)
    }

    /// `claim`, handing back in `descriptor` the claimed file's descriptor the lease was
    /// taken on (lease released; -1 when no lease was taken), for the worker to read through.
    func claim(_ name: String, hint: InboxSchedule.Hint, keeping descriptor: inout Int32) -> ClaimOutcome {
        var status = stat()
        guard fstatat(directories.inbox, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT ? .gone : .failed(SystemCallError("stat inbox/\(name.debugDescription)"))
        }
        let isRegularFile = status.st_mode & S_IFMT == S_IFREG
        var lease: Int32 = -1
        var leaseState = WriterCheck.Lease.notPermitted
        if isRegularFile, !(hint == .created && status.st_size == 0) {
            let fd = Self.openForClaim(directories.inbox, name)
            if fd >= 0 {
                if fcntl(fd, FileSystem.setLease, FileSystem.readLease) == 0 {
                    lease = fd
                    leaseState = .granted
                } else {
                    if errno == EAGAIN || errno == EBUSY { leaseState = .writerPresent }
                    close(fd)
                }
            }
        }
        let age = Int(time(nil) - status.st_mtim.tv_sec)
        switch WriterCheck.decide(hint: hint, isRegularFile: isRegularFile, size: Int(status.st_size), lease: leaseState, secondsSinceModification: age) {
        case .claim: break
        case .wait: return .beingWritten
        case .retryLater:
            if lease >= 0 { close(lease) }
            return .retryLater
        }
        var claimed = false
        defer {
            if lease >= 0 {
                _ = fcntl(lease, FileSystem.setLease, FileSystem.noLease)
                if claimed { descriptor = lease } else { close(lease) }
            }
        }
        do {
            try FileSystem.renameNoReplace(directories.inbox, name, instance.fd, name)
            claimed = true
            return .claimed
        } catch {
            switch error.code {
            case ENOENT: return .gone
            case EEXIST: return .collision
            default: return .failed(error)
            }
        }
    }

    /// Set once `O_NOATIME` was refused (the daemon neither owns inbox files nor has
    /// CAP_FOWNER, as under the hardened unit): later claims do not try it again.
    private static let noAccessTimeRefused = Atomic<Bool>(false)

    /// Opens an inbox file for its lease and later reading. With `O_NOATIME` where the kernel
    /// allows it: reading a just-written file would otherwise update its access time
    /// (relatime), dirtying its inode once more per article.
    private static func openForClaim(_ directory: Int32, _ name: String) -> Int32 {
        let flags = O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY
        if !noAccessTimeRefused.load(ordering: .relaxed) {
            let fd = openat(directory, name, flags | FileSystem.openNoAccessTime)
            guard fd < 0, errno == EPERM else { return fd }
            noAccessTimeRefused.store(true, ordering: .relaxed)
        }
        return openat(directory, name, flags)
    }

    /// Renames a file whose name is not UTF-8 to its `%XX`-escaped UTF-8 name.
    private func renameRawName(_ raw: [UInt8], to name: String) -> Bool {
        var status = stat()
        guard fstatat(directories.inbox, name, &status, AT_SYMLINK_NOFOLLOW) != 0 else { return false }
        let result = (raw + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { renameat(directories.inbox, $0.baseAddress!, directories.inbox, name) }
        }
        if result != 0 {
            logger.warning("could not rename a file with a non-UTF-8 name to \(name.debugDescription): \(String(cString: strerror(errno)))")
        }
        return result == 0
    }

    private func reportClaimHealth(success: Bool, error: SystemCallError? = nil) {
        let action = claimHealth.withLock { health in
            success ? health.succeeded() : health.failed("claiming from the inbox: \(error?.reason ?? "")")
        }
        switch action {
        case .none: break
        case .reportFailure:
            logger.error("cannot claim files from the inbox: \(error?.description ?? ""); they wait there",
                         metadata: ["ENTITYD_ERROR": .string(error?.description ?? "")])
        case .reportRecovery:
            logger.notice("claiming from the inbox works again")
        }
    }
}
