public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Logs one line per record (with its metadata) to stderr.
public struct ConsoleLogHandler: LogHandler {
    /// The logger's label, printed after the level.
    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
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

    public func log(event: LogEvent) {
        var fields = mergedMetadata(handler: metadata, provider: metadataProvider, event: event.metadata)
        if let error = event.error { fields["error"] = "\(error)" }
        let line = ConsoleLine.format(
            level: event.level, label: label, message: event.message.description, metadata: fields)
        ConsoleLine.write(line, to: descriptor)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}

/// Handler metadata, then the provider's, then the record's own: later ones win.
func mergedMetadata(
    handler: Logger.Metadata, provider: Logger.MetadataProvider?, event: Logger.Metadata?
) -> Logger.Metadata {
    var merged = handler
    if let provided = provider?.get(), !provided.isEmpty {
        merged.merge(provided) { $1 }
    }
    if let event, !event.isEmpty {
        merged.merge(event) { $1 }
    }
    return merged
}
