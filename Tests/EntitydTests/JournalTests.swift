import Foundation
import Glibc
import Testing

/// Per-article journal records of the daemon, read back from the real journald.
@Suite struct JournalTests {
    let state = StateDirectory()

    /// `entityd run --log-target journal`, ready once READY=1 arrives on a test-bound socket.
    private func startLoggingToJournal(_ launcher: [String] = []) throws -> (Process, Pipe, NotifySocket) {
        let socket = try NotifySocket()
        let process = Process()
        let command = launcher + [EntitydBinary.url.path, "run", "--state-dir", state.path, "--log-target", "journal"]
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("ENTITYD_") && $0.key != "JOURNAL_STREAM" && !$0.key.hasPrefix("WATCHDOG_")
        }
        environment["NOTIFY_SOCKET"] = socket.path
        process.environment = environment
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try socket.wait(for: "READY=1") { $0 == "READY=1" || !process.isRunning }
        try #require(process.isRunning, "the daemon exited at start")
        return (process, stderr, socket)
    }

    private func stop(_ process: Process, _ stderr: Pipe) throws -> String {
        kill(process.processIdentifier, SIGTERM)
        let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output
    }

    @Test func processedArticleHasOneRecordWithItsFields() throws {
        try JournalReader.available.get()
        let (daemon, stderr, _) = try startLoggingToJournal()
        let name = "journal-\(UUID().uuidString).txt"
        state.drop(name, "Chancellor Olaf Scholz met President Joe Biden in Washington on Friday.")
        let records = try JournalReader.records(["ENTITYD_FILE=\(name)", "ENTITYD_OUTCOME=processed"])
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record["_PID"] as? String == String(daemon.processIdentifier))
        #expect(record["SYSLOG_IDENTIFIER"] as? String == "entityd")
        #expect(record["PRIORITY"] as? String == "6")
        #expect((record["ENTITYD_ENTITIES"] as? String).flatMap(Int.init) != nil)
        #expect((record["ENTITYD_ELAPSED_MS"] as? String).flatMap(Double.init) != nil)
        #expect((record["MESSAGE"] as? String)?.contains(name) == true)
        #expect(record["CODE_FILE"] != nil && record["CODE_LINE"] != nil && record["CODE_FUNC"] != nil)
        let leftover = try stop(daemon, stderr)
        #expect(!leftover.contains("journal_error"), "records fell back to stderr: \(leftover)")
    }

    @Test func failedArticleIsAnErrorOrWarningWithItsReason() throws {
        try JournalReader.available.get()
        let (daemon, stderr, _) = try startLoggingToJournal()
        let name = "journal-\(UUID().uuidString).txt"
        state.drop(name, Data([0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02]) + Data(repeating: 0, count: 64))
        let record = try #require(try JournalReader.records(["ENTITYD_FILE=\(name)", "ENTITYD_OUTCOME=failed"]).first)
        #expect(["3", "4"].contains(record["PRIORITY"] as? String))
        #expect((record["ENTITYD_ERROR"] as? String)?.isEmpty == false)
        #expect(state.names("failed").contains(name))
        _ = try stop(daemon, stderr)
    }

    /// With the journal socket hidden (a private mount namespace with an empty tmpfs over
    /// /run/systemd/journal), the daemon's records arrive on stderr instead of vanishing.
    @Test(.enabled(if: getuid() == 0, "needs root to mount in a private namespace"))
    func unreachableJournalFallsBackToStderr() throws {
        let hide = ["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                    "mount -t tmpfs tmpfs /run/systemd/journal && exec \"$0\" \"$@\""]
        let (daemon, stderr, _) = try startLoggingToJournal(hide)
        let name = "fallback-\(UUID().uuidString).txt"
        state.drop(name, "Pope Francis travelled to Lisbon.")
        try Wait.until("the article is processed") { state.names("outbox").contains(name + ".json") }
        let output = try stop(daemon, stderr)
        let line = try #require(output.split(separator: "\n").first { $0.contains("ENTITYD_FILE=\(name)") }, "\(output)")
        #expect(line.contains("ENTITYD_OUTCOME=processed"))
        #expect(line.contains("journal_error="))
        #expect(output.contains("entityd is ready"))
    }
}
