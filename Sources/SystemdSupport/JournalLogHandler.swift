import CSystemd
public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Sends each record to the systemd journal as native fields over `sd_journal_sendv`:
/// MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, CODE_FILE/LINE/FUNC, LOGGER_LABEL and every metadata
/// key as an upper-case field name. A record the journal cannot take goes to stderr as a line.
public struct JournalLogHandler: LogHandler {
    /// The journal's native socket; libsystemd sends to this fixed path.
    static let socketPath = "/run/systemd/journal/socket"

    /// The logger's label, stored as `LOGGER_LABEL`.
    public let label: String
    /// `SYSLOG_IDENTIFIER` of every record (what `journalctl -t` filters on).
    public var syslogIdentifier: String
    /// Records below this level are not sent.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every record of this handler (a value: copies do not share it).
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (e.g. task-local) added to every record.
    public var metadataProvider: Logger.MetadataProvider?
    /// Where records go when the journal cannot take them (stderr; a pipe in tests).
    let fallbackDescriptor: Int32

    /// A handler for `label`; records it cannot deliver are written to stderr.
    public init(
        label: String, syslogIdentifier: String = "entityd",
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.init(
            label: label, syslogIdentifier: syslogIdentifier, metadataProvider: metadataProvider,
            fallbackDescriptor: STDERR_FILENO)
    }

    init(
        label: String, syslogIdentifier: String, metadataProvider: Logger.MetadataProvider?,
        fallbackDescriptor: Int32
    ) {
        self.label = label
        self.syslogIdentifier = syslogIdentifier
        self.metadataProvider = metadataProvider
        self.fallbackDescriptor = fallbackDescriptor
    }

    /// Sends the record to the journal, or writes it to stderr when that fails.
    ///
    /// A daemon sends one record per article, so the record is built straight into one byte
    /// buffer (no intermediate field array, no metadata dictionary merge when only the
    /// record has metadata).
    public func log(event: LogEvent) {
        let merged: Logger.Metadata?
        if metadata.isEmpty, metadataProvider == nil {
            merged = event.metadata
        } else {
            merged = mergedMetadata(handler: metadata, provider: metadataProvider, event: event.metadata)
        }
        let message = event.message.description
        var record = JournalRecord(capacity: 256 + message.utf8.count)
        record.append("MESSAGE", message)
        record.append("PRIORITY", String(event.level.syslogPriority))
        record.append("SYSLOG_IDENTIFIER", syslogIdentifier)
        record.append("CODE_FILE", event.file)
        record.append("CODE_LINE", String(event.line))
        record.append("CODE_FUNC", event.function)
        record.append("LOGGER_LABEL", label)
        if let error = event.error { record.append("ERROR", "\(error)") }
        if let merged {
            for (key, value) in merged {
                record.append(JournalFieldName.sanitize(key), value.description)
            }
        }
        if let failure = Self.send(record) {
            var lineMetadata = merged ?? [:]
            lineMetadata["journal_error"] = "\(failure)"
            if let error = event.error { lineMetadata["error"] = "\(error)" }
            let line = ConsoleLine.format(
                level: event.level, label: label, message: message, metadata: lineMetadata)
            ConsoleLine.write(line, to: fallbackDescriptor)
        }
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// One sendv call with all fields; nil on success, the failure otherwise. libsystemd reports
    /// success when the socket does not exist ("fail silently"), so that case is checked first:
    /// a record must never vanish without a trace.
    static func send(_ record: consuming JournalRecord) -> SystemdError? {
        var record = record
        var status = stat()
        guard stat(socketPath, &status) == 0 else {
            return SystemdError(operation: "stat \(socketPath)", code: errno)
        }
        let result = record.withIOVectors { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        return result < 0 ? SystemdError(operation: "sd_journal_sendv", code: result) : nil
    }
}
