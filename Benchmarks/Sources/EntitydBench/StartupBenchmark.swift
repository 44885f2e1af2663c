import Foundation
import Glibc

/// Process start → READY=1 of a daemon on an empty state directory, over several starts.
enum StartupBenchmark {
    struct Figures: Codable, Sendable {
        var runs: Int
        var readyMedianMilliseconds: Double
        var readyMinMilliseconds: Double
        var readyMaxMilliseconds: Double
        /// Memory of the idle daemon at READY=1 in the last run.
        var idleMemory: DaemonProcess.Memory?
    }

    static func run(executable: String, workDirectory: String, runs: Int) throws -> Figures {
        var samples: [Double] = []
        var idleMemory: DaemonProcess.Memory?
        for run in 0..<runs {
            let state = try BenchStateDirectory(parent: workDirectory, name: "startup-\(run)")
            defer { state.remove() }
            let notify = try NotifySocket(path: workDirectory + "/startup.notify")
            let daemon = try DaemonProcess(
                executable: executable, stateDirectory: state.root, durableWrites: true,
                notifySocket: notify.path, logPath: workDirectory + "/startup.log")
            let ready = try notify.waitForReady(timeoutMilliseconds: 60_000)
            samples.append(Double(ready - daemon.startedAt) / 1e6)
            idleMemory = daemon.memory()
            let status = daemon.stop()
            guard status == 0 else {
                throw BenchError(code: "startup-exit", message: "SIGTERM exit status \(status); log:\n\(daemon.logTail())")
            }
        }
        let sorted = samples.sorted()
        return Figures(
            runs: runs, readyMedianMilliseconds: sorted[sorted.count / 2],
            readyMinMilliseconds: sorted[0], readyMaxMilliseconds: sorted[sorted.count - 1], idleMemory: idleMemory)
    }
}
