import ArgumentParser
import Foundation
import Ingestion
import Logging
import ServiceLifecycle
import SystemdSupport
import UnixSignals

/// `entityd run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inbox, write one JSON result per article to the outbox."
    )

    @Option(name: .long, help: "Configuration file (default: $ENTITYD_CONFIG or /etc/entityd/entityd.yaml if present).")
    var config: String?

    @Option(name: .customLong("state-dir"), help: "State directory: inbox/ processing/ outbox/ archive/ failed/ under it, created when missing.")
    var stateDirectory: String?

    @Option(name: .customLong("log-target"), help: "journal, console or auto (journal under systemd, else stderr).")
    var logTarget: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    func run() async throws {
        let overrides = SettingsOverrides(configFile: config, stateDirectory: stateDirectory, logTarget: logTarget, logLevel: logLevel)
        let (settings, extractor) = try await ConfigurationKeyError.exitingOnFailure {
            let settings = try await SettingsLoader.load(overrides)
            MallocTuning.configure(workers: settings.ingestion.workers)  // before the model's large allocations
            return (settings, try ExtractorFactory.makeExtractor(settings))
        }
        let processor = ArticleProcessor(extractor: extractor, version: Entityd.version)
        LoggingSetup.bootstrap(target: settings.logTarget, level: settings.logLevel)
        let logger = Logger(label: "entityd")
        let pipeline: IngestionPipeline
        do {
            pipeline = try IngestionPipeline(configuration: settings.ingestion, processor: processor, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)", metadata: ["ENTITYD_ERROR": .string(error.description)])
            throw ExitCode(73)  // EX_CANTCREAT
        }
        let notifier = SystemdNotifier.fromEnvironment()
        // Before READY=1 can be sent: a reload request must never find SIGHUP untrapped.
        let reloadSignals = await UnixSignalsSequence(trapping: .sighup)
        var services: [any Service] = [
            IngestionService(pipeline: pipeline, notifier: notifier, logger: logger, warmUp: { [extractor] in extractor.warmUp() }),
            ReloadService(pipeline: pipeline, overrides: overrides, notifier: notifier, logger: logger,
                          loggedLevel: settings.logLevel, loggedTarget: settings.logTarget, signals: reloadSignals),
        ]
        if let notifier { services.append(SystemdStatusService(pipeline: pipeline, notifier: notifier, logger: logger)) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            // Named by type: the default name is "\(service)", a Mirror dump of the whole
            // pipeline that cost ~2.5 ms of every start (and made unreadable log metadata).
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0, serviceName: "\(type(of: $0))") },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
