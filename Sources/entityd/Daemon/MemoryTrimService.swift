import Ingestion
import Logging
import ServiceLifecycle

/// Gives memory freed by a burst of articles back to the system once the pipeline is idle
/// again, so that RSS returns to its idle level instead of keeping the burst's peak.
struct MemoryTrimService: Service {
    let pipeline: IngestionPipeline
    /// How often to look whether work finished since the last trim.
    var interval: Duration = .seconds(5)

    func run() async throws {
        var trimmedAfter = (processed: 0, failed: 0)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let statistics = pipeline.statistics
            let done = (processed: statistics.processed, failed: statistics.failed)
            if done != trimmedAfter && statistics.queued == 0 && statistics.inFlight == 0 {
                MallocTuning.trim()
                trimmedAfter = done
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
