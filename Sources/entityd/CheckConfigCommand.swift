import ArgumentParser
import Foundation

/// `entityd check-config`: prints the effective configuration, or names the bad key and exits 78.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Print the effective configuration, or name the bad key and exit 78 (EX_CONFIG)."
    )

    @Option(name: .long, help: "Configuration file (default: $ENTITYD_CONFIG or /etc/entityd/entityd.yaml if present).")
    var config: String?

    @Option(name: .customLong("state-dir"), help: "State directory holding inbox/ processing/ outbox/ archive/ failed/.")
    var stateDirectory: String?

    @Flag(name: .long, help: "Also load the model and user dictionaries, as `run` does.")
    var loadModel = false

    func run() async throws {
        let settings = try await ConfigurationKeyError.exitingOnFailure {
            let settings = try await SettingsLoader.load(SettingsOverrides(configFile: config, stateDirectory: stateDirectory))
            if loadModel { _ = try ExtractorFactory.makeExtractor(settings) }
            return settings
        }
        print(settings.renderedAsYAML())
    }
}
