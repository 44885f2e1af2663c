import Foundation

/// Group commit for directory fsyncs: every caller is guaranteed an fsync of the directory
/// that started after its call, but callers arriving while one runs share the next one.
/// A burst of N results then costs far fewer than N directory fsyncs.
final class DirectorySyncGroup: @unchecked Sendable {
    // @unchecked: the counters are guarded by `condition`.
    private let condition = NSCondition()
    private let directory: Int32
    private let name: String
    private var started = 0
    private var completed = 0
    private var running = false
    private var lastError: SystemCallError?

    init(directory: Int32, name: String) {
        self.directory = directory
        self.name = name
    }

    /// Returns once an fsync of the directory that began after this call has finished.
    func sync() throws(SystemCallError) {
        condition.lock()
        defer { condition.unlock() }
        let needed = started + 1
        while completed < needed {
            if running {
                condition.wait()
                continue
            }
            running = true
            started += 1
            let generation = started
            condition.unlock()
            let result = fsync(directory) == 0 ? nil : SystemCallError("fsync directory \(name)")
            condition.lock()
            lastError = result
            completed = generation
            running = false
            condition.broadcast()
        }
        if let lastError { throw lastError }
    }
}
