import Ingestion
import Logging
import ServiceLifecycle
import SystemdSupport

/// Keeps systemd informed while the daemon runs: WATCHDOG=1 every `watchdogInterval`, and
/// STATUS= with the counters whenever they changed, at most once per `statusInterval`.
struct SystemdStatusService: Service {
    let pipeline: IngestionPipeline
    let notifier: SystemdNotifier
    let logger: Logger
    /// Rate limit for STATUS= updates.
    var statusInterval: Duration = .seconds(1)

    func run() async throws {
        let clock = ContinuousClock()
        let watchdogInterval = notifier.watchdogInterval
        let tick = min(statusInterval, watchdogInterval ?? statusInterval)
        var lastWatchdog = clock.now
        var lastStatus: IngestionStatistics?
        if watchdogInterval != nil { Optional(notifier).send(logger) { try $0.watchdog() } }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let statistics = pipeline.statistics
            if statistics != lastStatus {
                Optional(notifier).send(logger) { try $0.status(statistics.summary) }
                lastStatus = statistics
            }
            if let watchdogInterval, clock.now - lastWatchdog >= watchdogInterval {
                Optional(notifier).send(logger) { try $0.watchdog() }
                lastWatchdog = clock.now
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
            } catch {
                return
            }
        }
    }
}
