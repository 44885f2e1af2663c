import Glibc

/// Group commit for directory fsyncs: every caller is guaranteed an fsync of the directory
/// that started after its call, but callers arriving while one runs share the next one.
/// (Publishers batch their results, so a burst's names mostly share a sync already in the
/// batch; this shares the syncs of publishers that finish their batches together.)
final class DirectorySyncGroup: @unchecked Sendable {
    // @unchecked: the counters are guarded by `lock`.
    private let lock = PairedCondition()
    private static var finished: PairedCondition.Kind { .first }
    private let directory: Int32
    private let name: String
    private var started = 0
    private var completed = 0
    private var running = false
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
    func sync() throws(SystemCallError) {
        lock.lock()
        defer { lock.unlock() }
        let needed = started + 1
        while completed < needed {
            if running {
                lock.wait(Self.finished)
                continue
            }
            running = true
            started += 1
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
