import Ingestion
import SystemdSupport
import Logging

/// The effective configuration of one `entityd` process.
///
/// Built by `SettingsLoader` from, in order of precedence: command-line flags,
/// `ENTITYD_*` environment variables, the configuration file, built-in defaults.
/// Keys and defaults are documented in `Config/entityd.yaml` and the README.
struct EntitydSettings: Sendable {
    /// The configuration file that was read, if any.
    var configFile: String?
    /// `directories.state`: parent of the five working directories.
    var stateDirectory: String
    /// Directories, workers, limits, durability: what the ingestion pipeline uses.
    var ingestion: IngestionConfiguration
    /// `log.level`.
    var logLevel: Logger.Level
    /// `log.target`.
    var logTarget: LogTarget
    /// `model`: a model file to use instead of the bundled one.
    var modelPath: String?
    /// `statistical_model`: false runs without the recognizer (dictionaries, aliases, gazetteer
    /// and patterns only): faster, fewer names found.
    var statisticalModel: Bool = true
    /// `dictionaries`: user dictionary files (name, type, aliases per line).
    var dictionaries: [String]
}
