import Foundation
import Glibc
import Testing

/// The daemon's side of the systemd notify protocol, read from a NOTIFY_SOCKET this test binds.
@Suite struct NotifyTests {
    let state = StateDirectory()

    private func start(_ socket: NotifySocket, watchdogMicroseconds: Int? = nil) throws -> DaemonProcess {
        var environment = ["NOTIFY_SOCKET": socket.path]
        if let watchdogMicroseconds { environment["WATCHDOG_USEC"] = String(watchdogMicroseconds) }
        return try DaemonProcess(stateDirectory: state.path, environment: environment)
    }

    @Test func readyThenStatusCountsTheBacklogAndLaterFiles() throws {
        state.drop("backlog.txt", "Angela Merkel visited Paris on Tuesday.")
        let socket = try NotifySocket()
        let daemon = try start(socket)
        let ready = try socket.wait(for: "READY=1") { $0 == "READY=1" }
        let status = try socket.wait(for: "STATUS= counting the backlog file", after: ready.index) {
            $0.hasPrefix("STATUS=") && $0.contains("processed 1")
        }
        #expect(status.message.contains("failed 0") && status.message.contains("queued"), "\(status.message)")
        state.drop("second.txt", "Boris Johnson spoke in London.")
        try socket.wait(for: "STATUS= counting two files") { $0.hasPrefix("STATUS=") && $0.contains("processed 2") }
        #expect(!socket.messages.contains { $0.hasPrefix("WATCHDOG=") }, "no WATCHDOG_USEC, no pings")
        #expect(try daemon.terminate() == 0)
    }

    @Test func watchdogPingsRepeatWhenWatchdogUsecIsSet() throws {
        let socket = try NotifySocket()
        let daemon = try start(socket, watchdogMicroseconds: 400_000)
        let first = try socket.wait(for: "WATCHDOG=1") { $0 == "WATCHDOG=1" }
        let second = try socket.wait(for: "a second WATCHDOG=1", after: first.index + 1) { $0 == "WATCHDOG=1" }
        try socket.wait(for: "a third WATCHDOG=1", after: second.index + 1) { $0 == "WATCHDOG=1" }
        #expect(try daemon.terminate() == 0)
    }

    @Test func sighupSendsReloadingWithMonotonicTimeThenReadyAndKeepsWorking() throws {
        let socket = try NotifySocket()
        let daemon = try start(socket)
        let ready = try socket.wait(for: "READY=1") { $0 == "READY=1" }
        daemon.signal(SIGHUP)
        let reloading = try socket.wait(for: "RELOADING=1", after: ready.index + 1) { $0.hasPrefix("RELOADING=1") }
        let lines = reloading.message.split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("MONOTONIC_USEC=") && UInt64(lines[1].dropFirst(15)) != nil)
        try socket.wait(for: "READY=1 after the reload", after: reloading.index + 1) { $0 == "READY=1" }
        state.drop("after-reload.txt", "Emmanuel Macron met Olaf Scholz in Berlin.")
        try Wait.until("the file dropped after the reload is processed") {
            state.names("outbox").contains("after-reload.txt.json")
        }
        #expect(try daemon.terminate() == 0)
    }

    @Test func sigtermSendsStoppingAndExitsZero() throws {
        let socket = try NotifySocket()
        let daemon = try start(socket)
        let ready = try socket.wait(for: "READY=1") { $0 == "READY=1" }
        #expect(try daemon.terminate() == 0)
        try socket.wait(for: "STOPPING=1", after: ready.index + 1) { $0 == "STOPPING=1" }
    }
}
