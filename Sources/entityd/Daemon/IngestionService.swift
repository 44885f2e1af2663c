import Dispatch
import Foundation
import Ingestion
import Logging
import ServiceLifecycle
import SystemdSupport

/// Runs the ingestion pipeline as a lifecycle service: READY=1 once the watch is in place
/// and the backlog scheduled; on graceful shutdown STOPPING=1, stop claiming, let in-flight
/// files finish. A pipeline that ends on its own (inbox lost) throws, which ends the
/// process with a failure so that systemd restarts it.
struct IngestionService: Service {
    let pipeline: IngestionPipeline
    let notifier: SystemdNotifier?
    let logger: Logger
    /// Builds what the first article would otherwise build (`Extractor.warmUp`); run after
    /// READY=1 on another thread, so that start-up does not wait for it.
    let warmUp: @Sendable () -> Void

    func run() async throws {
        pipeline.start()
        notifier.send(logger) { try $0.ready() }
        logger.notice("entityd is ready")
        // A plain thread: a QoS global queue would try to lower its priority, which the
        // hardened unit refuses with a line on stderr.
        Thread(block: warmUp).start()
        let timeout = pipeline.configuration.shutdownTimeoutSeconds
        try await withGracefulShutdownHandler {
            try await pipeline.waitUntilStopped()
        } onGracefulShutdown: { [pipeline, notifier, logger] in
            notifier.send(logger) { try $0.stopping() }
            logger.notice("stopping: no new claims; finishing files in flight (at most \(timeout) s)")
            pipeline.requestStop()
            ShutdownDeadline.arm(seconds: timeout, logger: logger)
        }
        logger.notice("stopped: \(pipeline.statistics.summary)")
    }
}
