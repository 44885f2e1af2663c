import BenchCorpus
import Glibc

/// Drop → outbox latency of an idle daemon: one article at a time, each renamed into the inbox
/// only after the previous result appeared, timed from the rename to the outbox event.
enum DaemonLatencyBenchmark {
    struct Figures: Codable, Sendable {
        var articles: Int
        var warmupArticles: Int
        var articleWords: Int
        var durableWrites: Bool
        var failed: Int
        var latency: Percentiles
        /// Memory of the idle daemon at READY=1 (model loaded, nothing processed).
        var idleMemory: DaemonProcess.Memory?
        /// Memory after the last article; its peak is the run's VmHWM.
        var finalMemory: DaemonProcess.Memory?
    }

    static func run(executable: String, workDirectory: String, articles: [BenchArticle], warmup: Int) throws -> Figures {
        let state = try BenchStateDirectory(parent: workDirectory, name: "latency")
        // Not removed here: the whole work directory goes at the end (docs/benchmarks.md:
        // deleting this run's files now would slow the next run's file creation).
        let notify = try NotifySocket(path: workDirectory + "/latency.notify")
        let daemon = try DaemonProcess(
            executable: executable, stateDirectory: state.root, durableWrites: true,
            notifySocket: notify.path, logPath: workDirectory + "/latency.log")
        _ = try notify.waitForReady(timeoutMilliseconds: 60_000)
        let idleMemory = daemon.memory()
        let watcher = try DirectoryWatcher(directories: [state.outbox, state.failed])
        var samples: [UInt64] = []
        samples.reserveCapacity(articles.count)
        var failedCount = 0
        for (index, article) in articles.enumerated() {
            let name = "latency-\(index).txt"
            try state.write(article.text, named: name)
            var tracker = ResultTracker(articleNames: [name], outbox: state.outbox, failed: state.failed)
            let dropped = MonotonicClock.now()
            try state.drop(name)
            let arrived = try waitForResult(of: name, watcher: watcher, tracker: &tracker, state: state, daemon: daemon)
            failedCount += tracker.failures
            if tracker.failures == 0 && index >= warmup { samples.append(arrived - dropped) }
        }
        guard !samples.isEmpty else { throw BenchError(code: "latency-no-samples", message: "every article failed; log:\n\(daemon.logTail())") }
        let finalMemory = daemon.memory()
        daemon.stop()
        return Figures(
            articles: samples.count, warmupArticles: warmup, articleWords: BenchArticle.meanWords(articles), durableWrites: true,
            failed: failedCount, latency: Percentiles(nanoseconds: samples), idleMemory: idleMemory, finalMemory: finalMemory)
    }

    /// Reads events until the article's result is there; the time the event was read.
    private static func waitForResult(
        of name: String, watcher: DirectoryWatcher, tracker: inout ResultTracker,
        state: BenchStateDirectory, daemon: DaemonProcess
    ) throws -> UInt64 {
        let deadline = MonotonicClock.now() + 60_000_000_000
        while !tracker.isComplete {
            let batch = try watcher.next(timeoutMilliseconds: 1_000)
            tracker.apply(batch, state: state)
            if batch.names.isEmpty {
                try daemon.checkRunning()
                guard MonotonicClock.now() < deadline else {
                    throw BenchError(code: "latency-timeout", message: "no result for \(name) within 60 s; log:\n\(daemon.logTail())")
                }
            }
        }
        return MonotonicClock.now()
    }
}
