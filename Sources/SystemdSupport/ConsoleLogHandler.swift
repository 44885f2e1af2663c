public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Logs one line per record (with its metadata) to stderr.
public struct ConsoleLogHandler: LogHandler {
    /// The logger's label, printed after the level.
    public let label: String
    /// Records below this level are not written.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every record of this handler (a value: copies do not share it).
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (e.g. task-local) added to every record.
    public var metadataProvider: Logger.MetadataProvider?
    let descriptor: Int32

    /// A handler writing to stderr.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, metadataProvider: metadataProvider, descriptor: STDERR_FILENO)
    }

    init(label: String, metadataProvider: Logger.MetadataProvider?, descriptor: Int32) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.descriptor = descriptor
    }

    /// Writes the record as one line.
    public func log(event: LogEvent) {
        // Most records carry only their own metadata: then no merged copy is built.
        var fields = metadata.isEmpty && metadataProvider == nil
            ? event.metadata ?? [:] : mergedMetadata(handler: metadata, provider: metadataProvider, event: event.metadata)
        if let error = event.error { fields["error"] = "\(error)" }
        let line = ConsoleLine.format(
            level: event.level, label: label, message: event.message.description, metadata: fields)
        ConsoleLine.write(line, to: descriptor)
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
