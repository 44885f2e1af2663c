import Configuration
import Foundation
import Ingestion
import SystemdSupport
import Logging

/// Reads each key strictly: a present value of the wrong type or range is an error naming
/// the key, never a silent fallback to the default.
struct SettingsReader {
    let reader: ConfigReader

    func settings(configFile: String?) throws -> EntitydSettings {
        let state = try nonEmptyString("directories.state") ?? "/var/lib/entityd"
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        var ingestion = IngestionConfiguration(stateDirectory: state, workers: cpus)

        for (name, path) in [
            ("inbox", \IngestionConfiguration.inboxDirectory),
            ("processing", \.processingDirectory),
            ("outbox", \.outboxDirectory),
            ("archive", \.archiveDirectory),
            ("failed", \.failedDirectory),
        ] {
            if let dir = try nonEmptyString("directories.\(name)") { ingestion[keyPath: path] = dir }
        }
        ingestion.workers = try workers(default: cpus)
        ingestion.queueCapacity = try int("queue_capacity", range: 0...1_000_000) ?? 0
        if ingestion.queueCapacity == 0 { ingestion.queueCapacity = ingestion.workers * 4 }
        ingestion.maxFileBytes = try int("max_file_bytes", range: 1...(1 << 40)) ?? ingestion.maxFileBytes
        if let extensions = try stringArray("extensions") {
            ingestion.acceptedExtensions = try extensions.map { try fileExtension($0) }
        }
        ingestion.processedInput = try choice("processed_input", IngestionConfiguration.ProcessedInput.self) ?? .archive
        ingestion.outputFileMode = try fileMode("output_file_mode") ?? ingestion.outputFileMode
        ingestion.durableWrites = try bool("durable_writes") ?? true
        ingestion.fileTimeLimitSeconds = try seconds("file_time_limit_seconds") ?? ingestion.fileTimeLimitSeconds
        ingestion.shutdownTimeoutSeconds = try seconds("shutdown_timeout_seconds") ?? ingestion.shutdownTimeoutSeconds

        return EntitydSettings(
            configFile: configFile,
            stateDirectory: state,
            ingestion: ingestion,
            logLevel: try choice("log.level", Logger.Level.self) ?? .info,
            logTarget: try choice("log.target", LogTarget.self) ?? .auto,
            modelPath: try nonEmptyString("model"),
            statisticalModel: try bool("statistical_model") ?? true,
            dictionaries: try stringArray("dictionaries")?.filter { !$0.isEmpty } ?? []
        )
    }

    // MARK: - Typed, strict accessors

    /// Present-but-unconvertible values throw; only a missing key yields `nil`.
    private func lookup<T>(_ key: String, _ get: (ConfigKey) throws -> T) throws -> T? {
        do {
            return try get(ConfigKey(key.split(separator: ".").map(String.init)))
        } catch {
            if "\(error)".hasPrefix("Missing required config value") { return nil }
            throw ConfigurationKeyError(key: key, reason: "has a value of the wrong type (\(error))")
        }
    }

    /// Strings also accept numbers and booleans written in YAML, so read them as text.
    private func string(_ key: String) throws -> String? {
        if let value = try? lookup(key, { try reader.requiredString(forKey: $0) }) { return value }
        if let value = try? lookup(key, { try reader.requiredInt(forKey: $0) }) { return String(value) }
        if let value = try? lookup(key, { try reader.requiredDouble(forKey: $0) }) { return String(value) }
        if let value = try? lookup(key, { try reader.requiredBool(forKey: $0) }) { return String(value) }
        return try lookup(key, { try reader.requiredString(forKey: $0) })
    }

    private func nonEmptyString(_ key: String) throws -> String? {
        guard let value = try string(key)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private func int(_ key: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationKeyError(key: key, reason: "'\(text)' is not a whole number")
        }
        guard range.contains(value) else {
            throw ConfigurationKeyError(key: key, reason: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    private func seconds(_ key: String) throws -> Double? {
        guard let text = try string(key) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
            throw ConfigurationKeyError(key: key, reason: "'\(text)' is not a positive number of seconds")
        }
        return value
    }

    private func bool(_ key: String) throws -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ConfigurationKeyError(key: key, reason: "'\(text)' is not true or false")
        }
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationKeyError(key: key, reason: "'\(text)' is not one of \(allowed)")
        }
        return value
    }

    private func stringArray(_ key: String) throws -> [String]? {
        if let array = try? lookup(key, { try reader.requiredStringArray(forKey: $0) }) {
            return array.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // A single string (e.g. from an environment variable) is a comma-separated list.
        guard let text = try string(key) else { return nil }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func workers(default cpus: Int) throws -> Int {
        guard let text = try string("workers"), text.lowercased() != "auto" else { return cpus }
        guard let value = Int(text), (1...1024).contains(value) else {
            throw ConfigurationKeyError(key: "workers", reason: "'\(text)' is not 'auto' or a number of workers in 1...1024")
        }
        return value
    }

    private func fileMode(_ key: String) throws -> UInt32? {
        guard let text = try string(key) else { return nil }
        guard let mode = UInt32(text, radix: 8), mode <= 0o777 else {
            throw ConfigurationKeyError(key: key, reason: "'\(text)' is not an octal permission mode like 0640")
        }
        return mode
    }

    private func fileExtension(_ text: String) throws -> String {
        let ext = text.hasPrefix(".") ? String(text.dropFirst()) : text
        guard !ext.isEmpty, !ext.contains("/") else {
            throw ConfigurationKeyError(key: "extensions", reason: "'\(text)' is not a file extension")
        }
        return ext.lowercased()
    }
}
