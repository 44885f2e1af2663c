import Foundation

/// Runs one throwing piece of loading on another thread while the caller does other loading;
/// `value()` waits for it. Start-up has two cores and two large independent parts (the
/// recognizer model, and the gazetteer with the name tables built from it).
final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once before `done` is signalled and read only after waiting.
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        // A plain thread, not a global queue with a QoS: Dispatch on Linux then tries to
        // change the thread's priority, which a hardened unit refuses, and says so on stderr
        // ("Failed to set thread priority for worker thread") at every start.
        Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }.start()
    }

    /// The value, or the error the work threw; waits until the work has finished.
    func value() throws -> Value {
        done.wait()
        done.signal()  // later callers do not wait again
        return try result!.get()
    }
}
