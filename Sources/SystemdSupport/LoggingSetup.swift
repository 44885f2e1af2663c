public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Installs the process-wide swift-log handler for a `LogTarget`.
public enum LoggingSetup {
    /// Bootstraps `LoggingSystem` once per process: `auto` is resolved against this process's
    /// stderr and `JOURNAL_STREAM`. Returns the concrete target chosen.
    @discardableResult
    public static func bootstrap(target: LogTarget, level: Logger.Level) -> LogTarget {
        let concrete = target.resolved(environment: currentEnvironment(["JOURNAL_STREAM"]))
        LoggingSystem.bootstrap(
            { label, provider in
                makeHandler(label: label, target: concrete, level: level, metadataProvider: provider)
            }, metadataProvider: nil)
        return concrete
    }

    /// A handler for one logger (the factory `bootstrap` installs; usable alone in tests and tools).
    public static func makeHandler(
        label: String, target: LogTarget, level: Logger.Level,
        metadataProvider: Logger.MetadataProvider? = nil
    ) -> any LogHandler {
        let concrete = target.resolved(environment: currentEnvironment(["JOURNAL_STREAM"]))
        var handler: any LogHandler
        switch concrete {
        case .journal:
            handler = JournalLogHandler(label: label, metadataProvider: metadataProvider)
        case .console, .auto:
            handler = ConsoleLogHandler(label: label, metadataProvider: metadataProvider)
        }
        handler.logLevel = level
        return handler
    }

    static func currentEnvironment(_ names: [String]) -> [String: String] {
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
