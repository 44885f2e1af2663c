import Foundation
import Glibc

/// A release `entityd run` on a state directory of its own, with its resident memory readable.
final class DaemonProcess {
    /// Resident memory from /proc/PID/status, in KiB.
    struct Memory: Codable, Sendable {
        var residentKiB: Int
        var peakResidentKiB: Int
    }

    let process: Process
    /// Monotonic time just before the process was spawned.
    let startedAt: UInt64
    let logPath: String

    /// Starts `executable run --state-dir stateDirectory --log-target console`, logging to `logPath`.
    init(executable: String, stateDirectory: String, durableWrites: Bool, notifySocket: String?, logPath: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", "--state-dir", stateDirectory, "--log-target", "console"]
        var environment = ProcessInfo.processInfo.environment
        // The machine's configuration and a service manager's sockets must not leak into the run.
        // ENTITYD_STATISTICAL_MODEL=false is passed on on purpose: it measures the daemon's own
        // cost per article (reading, claiming, writing) with only a cheap extraction in it.
        for key in environment.keys where (key.hasPrefix("ENTITYD_") && key != "ENTITYD_STATISTICAL_MODEL")
            || key == "NOTIFY_SOCKET" || key == "JOURNAL_STREAM" {
            environment.removeValue(forKey: key)
        }
        environment["ENTITYD_DURABLE_WRITES"] = durableWrites ? "true" : "false"
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        process.environment = environment
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
            throw BenchError(code: "log", message: "cannot create \(logPath)")
        }
        self.logPath = logPath
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        startedAt = MonotonicClock.now()
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// VmRSS and VmHWM now, or `nil` once the process is gone.
    func memory() -> Memory? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        guard let resident = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return Memory(residentKiB: resident, peakResidentKiB: peak)
    }

    /// User plus system CPU time the daemon has used so far, in seconds (/proc/PID/stat).
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3, utime 14 and stime 15 (1-based).
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Fails with the end of the daemon's log when it has already exited.
    func checkRunning() throws {
        guard !process.isRunning else { return }
        throw BenchError(code: "daemon-exited", message: "entityd exited with \(process.terminationStatus); log:\n\(logTail())")
    }

    /// SIGTERM, then up to `timeoutSeconds` for a clean exit (SIGKILL after that); returns the exit status.
    @discardableResult
    func stop(timeoutSeconds: Double = 60) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(pid, SIGTERM)
        let deadline = MonotonicClock.now() + UInt64(timeoutSeconds * 1e9)
        while process.isRunning && MonotonicClock.now() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// The last lines the daemon logged, for error messages.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    deinit { stop(timeoutSeconds: 10) }
}
