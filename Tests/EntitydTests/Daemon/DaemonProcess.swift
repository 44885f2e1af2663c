import Foundation
import Glibc

/// A running `entityd run --state-dir … --log-target console`, its log in a file.
final class DaemonProcess {
    let process = Process()
    let logPath: String

    /// Starts the daemon on `stateDirectory`; waits until it reports ready. `launcher` is a
    /// command that runs it (e.g. `setpriv … --` to drop privileges; it must exec the binary).
    init(stateDirectory: String, environment: [String: String] = [:], waitForReady: Bool = true, launcher: [String] = []) throws {
        logPath = stateDirectory + "/../daemon-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let arguments = ["run", "--state-dir", stateDirectory, "--log-target", "console", "--log-level", "debug"]
        process.executableURL = URL(fileURLWithPath: launcher.first ?? EntitydBinary.url.path)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [EntitydBinary.url.path] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("ENTITYD_") || key == "NOTIFY_SOCKET" || key == "JOURNAL_STREAM" {
            env.removeValue(forKey: key)
        }
        env.merge(environment) { _, new in new }
        process.environment = env
        let log = FileHandle(forWritingAtPath: logPath)!
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if waitForReady {
            try Wait.until("the daemon reports ready", timeout: 120) { self.log.contains("entityd is ready") || !self.process.isRunning }
            guard process.isRunning else { throw DaemonTestError("the daemon exited at start:\n\(log)") }
        }
    }

    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// SIGTERM and the exit status (waiting as long as needed).
    func terminate() throws -> Int32 {
        signal(SIGTERM)
        return try waitForExit()
    }

    /// SIGKILL, as a crash would.
    func crash() throws {
        signal(SIGKILL)
        _ = try waitForExit()
    }

    func waitForExit(timeout: Double = 120) throws -> Int32 {
        try Wait.until("the daemon exits", timeout: timeout) { !self.process.isRunning }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Waiting for a condition with a generous limit; the poll interval decides nothing.
enum Wait {
    static func until(_ what: String, timeout: Double = 120, _ condition: () -> Bool) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !condition() {
            guard Date() < deadline else { throw DaemonTestError("timed out after \(timeout) s waiting until \(what)") }
            usleep(20_000)
        }
    }
}

struct DaemonTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
