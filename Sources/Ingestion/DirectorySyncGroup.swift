import Glibc

/// Group commit for directory fsyncs: every caller is guaranteed an fsync of the directory
/// that started after its call, but callers arriving while one runs share the next one.
///
/// A caller that may wait (a publisher, whose result is already visible) can also let the
/// fsync it leads gather: wait up to `gatherSeconds` for more callers (until `batchLimit`
/// are in) before it begins. A burst's results come one by one, about as far apart as an
/// fsync takes, so without gathering nearly every result paid a directory fsync (and a
/// device cache flush) of its own; gathering makes a burst share them.
final class DirectorySyncGroup: @unchecked Sendable {
    // @unchecked: the counters are guarded by `lock`.
    private let lock = PairedCondition()
    private static var finished: PairedCondition.Kind { .first }
    private static var callerJoined: PairedCondition.Kind { .second }
    private let directory: Int32
    private let name: String
    private var started = 0
    private var completed = 0
    private var running = false
    private var gathering = false
    /// Callers waiting for the fsync that has not begun yet (the leader included).
    private var joined = 0
    private var lastError: SystemCallError?
    private var performed = 0

    init(directory: Int32, name: String) {
        self.directory = directory
        self.name = name
    }

    /// fsyncs performed so far.
    var syncCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return performed
    }

    /// Returns once an fsync of the directory that began after this call has finished.
    func sync(gatherSeconds: Double = 0, batchLimit: Int = 64) throws(SystemCallError) {
        lock.lock()
        defer { lock.unlock() }
        let needed = started + 1
        joined += 1
        // The gathering leader only needs waking when the batch is full (otherwise its
        // deadline ends the gathering): waking it for every joiner cost a context switch
        // per result for nothing.
        if gathering, joined >= batchLimit { lock.signal(Self.callerJoined) }
        while completed < needed {
            if running || gathering {
                lock.wait(Self.finished)
                continue
            }
            if gatherSeconds > 0 {
                gathering = true
                let deadline = PairedCondition.deadline(secondsFromNow: gatherSeconds)
                while joined < batchLimit, lock.wait(Self.callerJoined, until: deadline) {}
                gathering = false
            }
            running = true
            started += 1
            joined = 0
            performed += 1
            let generation = started
            lock.unlock()
            let result = fsync(directory) == 0 ? nil : SystemCallError("fsync directory \(name)")
            lock.lock()
            lastError = result
            completed = generation
            running = false
            lock.broadcast(Self.finished)
        }
        if let lastError { throw lastError }
    }
}
