import Foundation

extension EntitydSettings {
    /// The effective configuration in the configuration file's own format and key names.
    func renderedAsYAML() -> String {
        let i = ingestion
        func quoted(_ s: String) -> String {
            let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        var lines = ["# effective configuration" + (configFile.map { " (file: \($0))" } ?? " (no configuration file)")]
        lines += [
            "directories:",
            "  state: \(quoted(stateDirectory))",
            "  inbox: \(quoted(i.inboxDirectory))",
            "  processing: \(quoted(i.processingDirectory))",
            "  outbox: \(quoted(i.outboxDirectory))",
            "  archive: \(quoted(i.archiveDirectory))",
            "  failed: \(quoted(i.failedDirectory))",
            "workers: \(i.workers)",
            "queue_capacity: \(i.queueCapacity)",
            "max_file_bytes: \(i.maxFileBytes)",
            "extensions: [\(i.acceptedExtensions.joined(separator: ", "))]",
            "processed_input: \(i.processedInput.rawValue)",
            "output_file_mode: \"0\(String(i.outputFileMode, radix: 8))\"",
            "durable_writes: \(i.durableWrites)",
            "file_time_limit_seconds: \(i.fileTimeLimitSeconds)",
            "shutdown_timeout_seconds: \(i.shutdownTimeoutSeconds)",
            "log:",
            "  level: \(logLevel.rawValue)",
            "  target: \(logTarget.rawValue)",
            "model: \(quoted(modelPath ?? ""))",
            "statistical_model: \(statisticalModel)",
            "dictionaries: [\(dictionaries.map(quoted).joined(separator: ", "))]",
        ]
        return lines.joined(separator: "\n")
    }
}
