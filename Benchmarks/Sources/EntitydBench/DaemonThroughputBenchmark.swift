import BenchCorpus
import Glibc

/// Articles per second through the daemon: a burst dropped as fast as renames go, or a
/// backlog already in the inbox when the daemon starts; until every result is there.
enum DaemonThroughputBenchmark {
    enum Mode: String, Codable, Sendable {
        case drop
        case backlog
    }

    struct Figures: Codable, Sendable {
        var mode: Mode
        var durableWrites: Bool
        var articles: Int
        var articleWords: Int
        var failed: Int
        /// From the first rename (drop) or the process start (backlog) to the last result.
        var seconds: Double
        var articlesPerSecond: Double
        var wordsPerSecond: Double
        /// Backlog only: process start → READY=1.
        var readyMilliseconds: Double?
        /// Memory when the burst starts (drop: idle, `settleSeconds` after READY, so the model's
        /// warm-up after READY is included; backlog: at READY, backlog queued).
        var memoryBefore: DaemonProcess.Memory?
        /// Memory once every result is there; `peakResidentKiB` is the run's VmHWM.
        var memoryAfter: DaemonProcess.Memory?
        /// Memory `settleSeconds` after the last result, once the daemon has gone quiet (it
        /// returns freed heap to the kernel after a quiet second): what "flat" compares.
        var memorySettled: DaemonProcess.Memory?
        /// The daemon's CPU time (user + system, all threads) per article over the run.
        var cpuMillisecondsPerArticle: Double?
        /// Largest VmRSS seen while sampling during the run.
        var maxSampledResidentKiB: Int
    }

    /// How long the bench lets the daemon sit idle before "before" (drop) and "settled".
    static let settleSeconds: UInt32 = 3

    static func run(
        mode: Mode, durableWrites: Bool, executable: String, workDirectory: String,
        articles: [BenchArticle]
    ) throws -> Figures {
        let runName = "\(mode.rawValue)-\(durableWrites ? "durable" : "nondurable")"
        let state = try BenchStateDirectory(parent: workDirectory, name: runName)
        // Not removed here: the whole work directory goes at the end (docs/benchmarks.md:
        // deleting this run's files now would slow the next run's file creation).
        let names = articles.indices.map { "\(runName)-\($0).txt" }
        for (name, article) in zip(names, articles) { try state.write(article.text, named: name, intoInbox: mode == .backlog) }
        let watcher = try DirectoryWatcher(directories: [state.outbox, state.failed])
        var tracker = ResultTracker(articleNames: names, outbox: state.outbox, failed: state.failed)
        let notify = try NotifySocket(path: workDirectory + "/\(runName).notify")
        let daemon = try DaemonProcess(
            executable: executable, stateDirectory: state.root, durableWrites: durableWrites,
            notifySocket: notify.path, logPath: workDirectory + "/\(runName).log")
        let ready = try notify.waitForReady(timeoutMilliseconds: 120_000)
        if mode == .drop { sleep(settleSeconds) }
        let memoryBefore = daemon.memory()
        let cpuBefore = mode == .backlog ? 0 : daemon.cpuSeconds()
        let started: UInt64
        switch mode {
        case .backlog:
            started = daemon.startedAt
        case .drop:
            started = MonotonicClock.now()
            for name in names { try state.drop(name) }
        }
        var maxResident = memoryBefore?.residentKiB ?? 0
        var lastProgress = MonotonicClock.now()
        var lastSample: UInt64 = 0
        var lastReport = MonotonicClock.now()
        while !tracker.isComplete {
            let batch = try watcher.next(timeoutMilliseconds: 200)
            let finishedBefore = tracker.finished
            tracker.apply(batch, state: state)
            let now = MonotonicClock.now()
            if tracker.finished > finishedBefore { lastProgress = now }
            if now - lastSample > 50_000_000, let memory = daemon.memory() {
                maxResident = max(maxResident, memory.residentKiB)
                lastSample = now
            }
            if now - lastReport > 15_000_000_000 {
                BenchLog.line("  \(tracker.finished)/\(names.count) results after \(Int(Double(now - started) / 1e9)) s")
                lastReport = now
            }
            if batch.names.isEmpty { try daemon.checkRunning() }
            guard now - lastProgress < 60_000_000_000 else {
                throw BenchError(
                    code: "throughput-stalled",
                    message: "\(runName): \(tracker.finished)/\(names.count) results, none for 60 s; log:\n\(daemon.logTail())")
            }
        }
        let finished = MonotonicClock.now()
        let memoryAfter = daemon.memory()
        let cpuUsed = daemon.cpuSeconds().flatMap { after in cpuBefore.map { after - $0 } }
        sleep(settleSeconds)
        let memorySettled = daemon.memory()
        daemon.stop()
        let seconds = Double(finished - started) / 1e9
        return Figures(
            mode: mode, durableWrites: durableWrites, articles: names.count, articleWords: BenchArticle.meanWords(articles),
            failed: tracker.failures, seconds: seconds,
            articlesPerSecond: Double(names.count) / seconds,
            wordsPerSecond: Double(articles.reduce(0) { $0 + $1.words }) / seconds,
            readyMilliseconds: mode == .backlog ? Double(ready - daemon.startedAt) / 1e6 : nil,
            memoryBefore: memoryBefore, memoryAfter: memoryAfter, memorySettled: memorySettled,
            cpuMillisecondsPerArticle: cpuUsed.map { $0 * 1000 / Double(names.count) },
            maxSampledResidentKiB: max(maxResident, memoryAfter?.residentKiB ?? 0))
    }
}
