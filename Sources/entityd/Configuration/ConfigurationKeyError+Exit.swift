import ArgumentParser
import Foundation

extension ConfigurationKeyError {
    /// Runs `body`; a configuration error is reported on stderr and becomes exit status 78,
    /// the same way for every command that loads the configuration.
    static func exitingOnFailure<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ConfigurationKeyError {
            FileHandle.standardError.write(Data("entityd: \(error)\n".utf8))
            throw ExitCode(exitCode)
        }
    }
}
