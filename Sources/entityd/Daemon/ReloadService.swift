import Ingestion
import Logging
import ServiceLifecycle
import SystemdSupport
import UnixSignals

/// SIGHUP: RELOADING=1, reload the configuration and the extractor (model, user
/// dictionaries), swap it in without stopping (files in flight finish with the old one),
/// READY=1. A reload that fails keeps the running configuration and says why.
/// Directory, worker, limit and logging changes need a restart; the log says so.
struct ReloadService: Service {
    let pipeline: IngestionPipeline
    let overrides: SettingsOverrides
    let notifier: SystemdNotifier?
    let logger: Logger
    /// The logging set up at start (swift-log is bootstrapped once per process).
    let loggedLevel: Logger.Level
    let loggedTarget: LogTarget
    /// SIGHUP, trapped before the service group starts: trapped here, a SIGHUP right after
    /// READY=1 could still meet its default action (the process ends) on a busy machine.
    let signals: UnixSignalsSequence

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.send(logger) { try $0.reloading() }
            logger.notice("reloading the configuration")
            do {
                let settings = try await SettingsLoader.load(overrides)
                let extractor = try ExtractorFactory.makeExtractor(settings)
                extractor.warmUp()  // the first article after the swap does not wait for it
                pipeline.replaceProcessor(ArticleProcessor(extractor: extractor, version: Entityd.version))
                if settings.ingestion != pipeline.configuration || settings.logLevel != loggedLevel || settings.logTarget != loggedTarget {
                    logger.warning("changes to directories, workers, limits and logging take effect at the next restart")
                }
                logger.notice("reloaded: model \(extractor.modelName), \(settings.dictionaries.count) user dictionaries")
            } catch {
                logger.error("reload failed, keeping the running configuration: \(error)", metadata: ["ENTITYD_ERROR": .string("\(error)")])
            }
            notifier.send(logger) { try $0.ready() }
        }
    }
}
