/// What the claiming thread does next: the state machine between inbox events and claims.
///
/// Events (inotify names, queue overflow, deferred claims, stop) go in through `handle`;
/// `nextAction` says what to do. It never does I/O itself, so every rule here is tested
/// without a kernel. Names wait in a bounded FIFO: when events outrun claiming, further
/// names are dropped and a full rescan of the inbox is requested instead, so memory stays
/// flat whatever arrives.
struct InboxSchedule {
    /// How a name came to our attention; a stronger hint replaces a weaker one.
    enum Hint: Int, Comparable, Sendable {
        /// Found by a directory scan: claim unless a writer still has it open.
        case scanned
        /// Just created (IN_CREATE): links, FIFOs, symlinks; an empty regular file is
        /// still being written and waits for its close.
        case created
        /// Closed after writing or renamed into the inbox: complete.
        case completed

        static func < (lhs: Hint, rhs: Hint) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    enum Event: Equatable {
        case appeared(String, Hint)
        /// The kernel dropped events (IN_Q_OVERFLOW): only a rescan finds everything.
        case overflowed
        /// Time to look for leftovers of crashed instances, and to rescan the inbox for
        /// files no event announces.
        case recoveryDue
        /// The name could not be claimed yet (the same name is still in flight here).
        case deferred(String, Hint)
        /// Processing of a name ended; a deferred name of the same spelling may go now.
        case released(String)
        /// Nothing has happened for a while (`ScheduleBox.quietSeconds`).
        case quiet
        case stopRequested
    }

    enum Action: Equatable {
        case claim(String, Hint)
        case scan
        case recover
        /// Give freed heap memory back to the kernel: files were processed and the daemon
        /// has gone quiet, so the burst's garbage will not be reused soon.
        case trimMemory
        case wait
        case finish
    }

    enum State: Equatable {
        case running
        case stopping
    }

    /// Names held at most (pending plus deferred) before falling back to a rescan.
    let capacity: Int
    private(set) var state = State.running
    private(set) var rescanRequested: Bool
    private(set) var recoveryRequested = false
    /// Files released since the last trim.
    private var releasedSinceTrim = 0
    /// A long burst trims every so many files too, so that RSS stays flat during it, not
    /// only after it (a trim costs about a millisecond; this is under 0.1 % of the work).
    static let trimEvery = 1000
    /// Going quiet trims only after this many files: a trim hands back pages the next
    /// article faults in again, which a daemon seeing one file now and then would pay on
    /// every file for a few KiB of RSS.
    static let quietTrimMinimum = 16
    private var trimRequested = false
    private var order: [String] = []
    private var head = 0
    private var hints: [String: Hint] = [:]
    private var deferred: [String: Hint] = [:]

    /// A schedule that starts with a scan of the backlog.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.rescanRequested = true
    }

    /// Names waiting to be claimed.
    var pendingCount: Int { hints.count }

    /// Whether `nextAction` has something other than `.wait` to say: the claiming thread
    /// needs waking only then (most `.released` events change nothing).
    var hasWork: Bool {
        state == .stopping || recoveryRequested || rescanRequested || trimRequested || !hints.isEmpty
    }

    mutating func handle(_ event: Event) {
        guard state == .running else { return }
        switch event {
        case .appeared(let name, let hint):
            enqueue(name, hint)
        case .overflowed:
            rescanRequested = true
        case .recoveryDue:
            recoveryRequested = true
            // Files no event will announce again: those whose claim failed (they wait in
            // the inbox) and, on a shared file system, those other machines dropped
            // (inotify reports local changes only).
            rescanRequested = true
        case .deferred(let name, let hint):
            if deferred.count + hints.count >= capacity {
                rescanRequested = true
            } else {
                deferred[name] = max(hint, deferred[name] ?? hint)
            }
        case .released(let name):
            releasedSinceTrim += 1
            if releasedSinceTrim >= Self.trimEvery { requestTrim() }
            // Every file ends with this event; a name is hashed only when something waits.
            if !deferred.isEmpty, let hint = deferred.removeValue(forKey: name) { enqueue(name, hint) }
        case .quiet:
            if releasedSinceTrim >= Self.quietTrimMinimum { requestTrim() }
        case .stopRequested:
            state = .stopping
            order.removeAll()
            hints.removeAll()
            deferred.removeAll()
            head = 0
        }
    }

    mutating func nextAction() -> Action {
        if state == .stopping { return .finish }
        if recoveryRequested {
            recoveryRequested = false
            return .recover
        }
        if trimRequested {
            trimRequested = false
            return .trimMemory
        }
        while head < order.count {
            let name = order[head]
            head += 1
            if head > 1024, head * 2 > order.count {
                order.removeFirst(head)
                head = 0
            }
            if let hint = hints.removeValue(forKey: name) { return .claim(name, hint) }
        }
        order.removeAll(keepingCapacity: true)
        head = 0
        if rescanRequested {
            rescanRequested = false
            return .scan
        }
        return .wait
    }

    private mutating func requestTrim() {
        releasedSinceTrim = 0
        trimRequested = true
    }

    private mutating func enqueue(_ name: String, _ hint: Hint) {
        if let known = hints[name] {
            hints[name] = max(known, hint)
            return
        }
        if hints.count + deferred.count >= capacity {
            rescanRequested = true
            return
        }
        hints[name] = hint
        order.append(name)
    }
}
