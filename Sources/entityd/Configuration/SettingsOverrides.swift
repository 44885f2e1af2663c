/// Values given on the command line; they win over environment, file and defaults.
struct SettingsOverrides: Sendable, Hashable {
    /// `--config FILE`; when `nil`, `ENTITYD_CONFIG` or `/etc/entityd/entityd.yaml` (if present).
    var configFile: String?
    /// `--state-dir DIR`.
    var stateDirectory: String?
    /// `--log-target journal|console|auto`.
    var logTarget: String?
    /// `--log-level trace|debug|info|notice|warning|error|critical`.
    var logLevel: String?

    init(configFile: String? = nil, stateDirectory: String? = nil, logTarget: String? = nil, logLevel: String? = nil) {
        self.configFile = configFile
        self.stateDirectory = stateDirectory
        self.logTarget = logTarget
        self.logLevel = logLevel
    }
}
