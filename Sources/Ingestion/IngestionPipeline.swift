import EntityExtraction
import Foundation
import Glibc
public import Logging
import Synchronization

/// The daemon's data path: inbox → claim → worker (read, extract) → outbox, with
/// quarantine, storage-failure retries and recovery of crashed instances' files.
///
/// Threads, not tasks: one reads inotify, one claims, N workers read and extract, and
/// `publisherCount` publishers write results (they mostly wait on fsync). All of them
/// block, which must not starve Swift's cooperative pool, where the service lifecycle and
/// signal handling run.
public final class IngestionPipeline: Sendable {
    /// The configuration it was started with (reloads do not change it).
    public let configuration: IngestionConfiguration
    let logger: Logger
    let directories: StateDirectories
    let instance: InstanceDirectory
    let store: ResultStore
    let queue: WorkQueue<ClaimedFile>
    let results: WorkQueue<PreparedFile>
    let activeWorkers: Atomic<Int>
    let schedule: ScheduleBox
    let watcher: InboxWatcher
    private let processor: Mutex<ArticleProcessor>
    /// Counters for `statistics`, atomics: every file touches them, from several threads.
    let processedCount = Atomic<Int>(0)
    let failedCount = Atomic<Int>(0)
    let inFlightCount = Atomic<Int>(0)
    /// Batches publishers are publishing now (workers publish inline only when none is).
    let publishingBatches = Atomic<Int>(0)
    /// One health per directory written, so that one's trouble is not mistaken as over when another works.
    let storageHealth = Mutex([StorageTarget: StorageHealth]())
    /// Targets in `storageHealth` that are failing: while none is, a success needs no lock.
    let storageTroubles = Atomic<Int>(0)
    let claimHealth = Mutex(StorageHealth())
    private let jobs = Atomic<UInt64>(0)
    private let fatalReason = Mutex<String?>(nil)
    private let running = DispatchGroup()
    /// Publisher threads. Each publishes a batch with its fsyncs one after another, so when
    /// the device's cache flushes are slow, only many batches in flight keep up; idle ones
    /// cost nothing (one gathers the next batch, the rest sleep unwoken: `WorkQueue`).
    var publisherCount: Int { configuration.durableWrites ? max(16, configuration.workers * 2) : max(1, configuration.workers) }
    /// How often crashed instances' files are looked for (besides at start).
    static let recoveryInterval = 15.0

    /// Creates the directories, this instance's `processing/` directory and the inotify
    /// watch. Nothing is claimed before `start`.
    public init(configuration: IngestionConfiguration, processor: ArticleProcessor, logger: Logger) throws(SystemCallError) {
        self.configuration = configuration
        self.logger = logger
        self.processor = Mutex(processor)
        directories = try StateDirectories(configuration)
        instance = try InstanceDirectory(processing: directories.processing)
        store = ResultStore(directories: directories, instance: instance)
        queue = WorkQueue(capacity: configuration.queueCapacity)
        results = WorkQueue(capacity: max(64, configuration.workers * 8))
        activeWorkers = Atomic(max(1, configuration.workers))
        schedule = ScheduleBox(capacity: max(1024, configuration.queueCapacity * 16))
        watcher = try InboxWatcher(inbox: configuration.inboxDirectory, others: [
            ("processing", configuration.processingDirectory), ("outbox", configuration.outboxDirectory),
            ("archive", configuration.archiveDirectory), ("failed", configuration.failedDirectory),
        ])
    }

    /// Recovers leftovers of crashed instances, then starts watching, claiming (beginning
    /// with the backlog scan) and the workers. When it returns, the watch is in place and
    /// the backlog is scheduled: the moment to tell systemd READY=1.
    public func start() {
        // A read lease's break is signalled with SIGIO, whose default action would kill us.
        signal(SIGIO, SIG_IGN)
        recoverLeftovers()
        spawn("entityd-claim") { [self] in claimLoop() }
        for index in 0..<max(1, configuration.workers) {
            spawn("entityd-worker-\(index)") { [self] in workerLoop() }
        }
        for index in 0..<publisherCount {
            spawn("entityd-publish-\(index)") { [self] in publisherLoop() }
        }
        spawn("entityd-inotify") { [self] in
            watcher.run(onEvents: { schedule.post(contentsOf: $0) }, onOverflow: {
                logger.notice("the inotify queue overflowed (events were lost); rescanning the inbox")
            }, onFatal: { reason in
                fatalReason.withLock { $0 = reason }
                logger.critical("state directory lost: \(reason); stopping so that the service manager restarts entityd",
                                metadata: ["ENTITYD_ERROR": .string(reason)])
                requestStop()
            })
        }
        logger.info("watching \(configuration.inboxDirectory) with \(configuration.workers) workers as \(instance.name)")
        // What loading the extractor freed (parse buffers, tables) goes back before READY.
        HeapTrimmer.trim()
    }

    /// Stops claiming; in-flight files finish, claimed-but-unstarted files go back to the inbox.
    public func requestStop() {
        schedule.post(.stopRequested)
        watcher.stop()
        for file in queue.close() {
            if file.descriptor >= 0 { close(file.descriptor) }
            if !store.returnToInbox(file.name, from: instance.fd) {
                logger.warning("could not return \(file.name.debugDescription) to the inbox; the next start recovers it")
            }
        }
    }

    /// Waits until every thread has ended, then releases this instance's directory. Throws
    /// when the pipeline stopped because a state directory was lost.
    public func waitUntilStopped() async throws(IngestionFailure) {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            running.notify(queue: .global()) { continuation.resume() }
        }
        if !instance.release() {
            logger.warning("processing/\(instance.name) is not empty at exit; the next start recovers what is left")
        }
        if let reason = fatalReason.withLock({ $0 }) {
            throw IngestionFailure(reason)
        }
    }

    /// Swaps in a new processor (e.g. after a reload); files in flight finish with the old one.
    public func replaceProcessor(_ newProcessor: ArticleProcessor) {
        processor.withLock { $0 = newProcessor }
    }

    var currentProcessor: ArticleProcessor { processor.withLock { $0 } }

    /// Current counters.
    public var statistics: IngestionStatistics {
        var snapshot = IngestionStatistics()
        snapshot.processed = processedCount.load(ordering: .relaxed)
        snapshot.failed = failedCount.load(ordering: .relaxed)
        snapshot.inFlight = inFlightCount.load(ordering: .relaxed)
        snapshot.queued = queue.count
        snapshot.waitingForStorage = storageHealth.withLock { $0.values.contains { $0.state != .healthy } }
        return snapshot
    }

    func nextJob() -> UInt64 {
        jobs.add(1, ordering: .relaxed).newValue
    }

    private typealias SetThreadName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
    /// `pthread_setname_np` (declared only under _GNU_SOURCE, so not in the Swift module).
    private static let setThreadName: SetThreadName? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np").map { unsafeBitCast($0, to: SetThreadName.self) }

    private func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        running.enter()
        let thread = Thread { [running] in
            // The kernel's name of the thread (top -H, perf, /proc/*/task/*/comm): Foundation's
            // `name` does not set it on Linux. At most 15 bytes, so without the "entityd-".
            _ = Self.setThreadName?(pthread_self(), String(name.trimmingPrefix("entityd-").prefix(15)))
            body()
            running.leave()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }
}
