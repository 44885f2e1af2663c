/// A configuration value that cannot be used; names the key so the user can fix it.
///
/// Commands that load the configuration exit with `EX_CONFIG` (78) on this error.
struct ConfigurationKeyError: Error, CustomStringConvertible, Equatable {
    /// The key as written in the configuration file, e.g. `directories.inbox`.
    var key: String
    /// What is wrong with its value.
    var reason: String

    /// `sysexits.h` EX_CONFIG.
    static let exitCode: Int32 = 78

    var description: String { "configuration key '\(key)': \(reason)" }
}
