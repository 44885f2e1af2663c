import Foundation

/// The real journald for tests: started by `scripts/ensure-journald` when no journal socket
/// exists, and read back with `journalctl -o json`.
enum Journal {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `scripts/ensure-journald` once per process (it is idempotent across processes).
    static let available: Result<Void, TestFailure> = {
        let script = repositoryRoot.appendingPathComponent("scripts/ensure-journald").path
        do {
            let (status, output) = try run(script, [])
            return status == 0 ? .success(()) : .failure(TestFailure("ensure-journald: \(output)"))
        } catch {
            return .failure(TestFailure("ensure-journald: \(error)"))
        }
    }()

    /// The records matching `field=value`, waiting (generously) until at least `count` are there:
    /// journald stores datagrams asynchronously.
    static func records(
        matching field: String, _ value: String, count: Int = 1, arguments: [String] = []
    ) throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let (status, output) = try run("/usr/bin/journalctl", ["-o", "json", "--no-pager"] + arguments + ["\(field)=\(value)"])
            guard status == 0 || status == 1 else { throw TestFailure("journalctl exited \(status): \(output)") }
            let records = output.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
            if records.count >= count || ContinuousClock.now > deadline { return records }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// A process's exit status and its stdout+stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
