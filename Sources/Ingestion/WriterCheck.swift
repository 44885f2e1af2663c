/// Whether an inbox file may be claimed, judged from how it was announced, its type and
/// size, and whether a read lease could be taken (a lease is refused while any process has
/// the file open for writing).
///
/// Without the right to take a lease (the daemon neither owns the file nor has CAP_LEASE,
/// as under a hardened unit with producers from the daemon's group), a file found by a scan
/// or just created is only claimed once it has not been modified for `quietSeconds`; a file
/// announced by its close or by a rename into the inbox is complete anyway.
enum WriterCheck {
    enum Lease: Equatable {
        case granted
        /// Some process has the file open for writing.
        case writerPresent
        /// Leases are not possible for this file (permissions, file system).
        case notPermitted
    }

    enum Decision: Equatable {
        case claim
        /// Still being written; its close announces it again.
        case wait
        /// Cannot tell yet; look again at a later rescan.
        case retryLater
    }

    /// Modification age below which an unleasable, unannounced file counts as being written.
    static let quietSeconds = 5

    static func decide(hint: InboxSchedule.Hint, isRegularFile: Bool, size: Int, lease: Lease, secondsSinceModification: Int) -> Decision {
        guard isRegularFile else { return .claim }
        // A just-created empty file is being written: its close-after-write announces it.
        if hint == .created, size == 0 { return .wait }
        switch lease {
        case .granted: return .claim
        case .writerPresent: return .wait
        case .notPermitted:
            if hint == .completed { return .claim }
            return secondsSinceModification < quietSeconds ? .retryLater : .claim
        }
    }
}
