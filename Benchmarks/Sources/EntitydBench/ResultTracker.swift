/// Which of the dropped articles have a result yet: `<name>.json` in the outbox, or
/// `<name>.error.json` in failed/ (a failure must end the wait too, and is counted).
struct ResultTracker {
    private let outbox: String
    private let failed: String
    private var pending: Set<String>
    private(set) var processed = 0
    private(set) var failures = 0

    init(articleNames: some Sequence<String>, outbox: String, failed: String) {
        self.outbox = outbox
        self.failed = failed
        pending = Set(articleNames)
    }

    var isComplete: Bool { pending.isEmpty }
    var finished: Int { processed + failures }

    /// Records a name that appeared in `directory`; true when it completed a pending article.
    @discardableResult
    mutating func record(directory: String, name: String) -> Bool {
        if directory == outbox, name.hasSuffix(".json"), pending.remove(String(name.dropLast(5))) != nil {
            processed += 1
            return true
        }
        if directory == failed, name.hasSuffix(".error.json"), pending.remove(String(name.dropLast(11))) != nil {
            failures += 1
            return true
        }
        return false
    }

    /// Applies one inotify batch, rescanning both directories when the kernel dropped events.
    mutating func apply(_ batch: DirectoryWatcher.Batch, state: BenchStateDirectory) {
        for (directory, name) in batch.names { record(directory: directory, name: name) }
        if batch.overflowed {
            for name in state.names(in: outbox) { record(directory: outbox, name: name) }
            for name in state.names(in: failed) { record(directory: failed, name: name) }
        }
    }
}
