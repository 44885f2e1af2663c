import Configuration
import Foundation
import Ingestion
import Logging
import SystemPackage

/// Resolves `EntitydSettings` from flags, `ENTITYD_*` variables, the file and defaults.
enum SettingsLoader {
    /// The file read when neither `--config` nor `ENTITYD_CONFIG` names one (if it exists).
    static let defaultConfigFile = "/etc/entityd/entityd.yaml"

    /// Loads and validates the settings; a bad value throws `ConfigurationKeyError` naming its key.
    static func load(
        _ overrides: SettingsOverrides,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> EntitydSettings {
        let (reader, file) = try await makeReader(overrides, environment: environment)
        return try SettingsReader(reader: reader).settings(configFile: file)
    }

    private static func makeReader(
        _ overrides: SettingsOverrides,
        environment: [String: String]
    ) async throws -> (ConfigReader, String?) {
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        func flag(_ key: String, _ value: String?) {
            if let value { flags[AbsoluteConfigKey(key.split(separator: ".").map(String.init))] = ConfigValue(.string(value), isSecret: false) }
        }
        flag("directories.state", overrides.stateDirectory)
        flag("log.target", overrides.logTarget)
        flag("log.level", overrides.logLevel)

        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "command line", values: flags),
            // ENTITYD_MAX_FILE_BYTES → entityd.max_file_bytes → max_file_bytes
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "entityd"),
        ]
        let explicit = overrides.configFile ?? environment["ENTITYD_CONFIG"]
        let path = explicit ?? defaultConfigFile
        var used: String?
        if explicit != nil || FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ConfigurationKeyError(key: "config", reason: "cannot read configuration file \(path)")
            }
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(path)))
            } catch {
                throw ConfigurationKeyError(key: "config", reason: "\(path) is not valid YAML: \(error)")
            }
            used = path
        }
        return (ConfigReader(providers: providers), used)
    }
}
