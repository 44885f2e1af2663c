import Testing
@testable import SystemdSupport
#if canImport(Glibc)
import Glibc
#endif

/// The notify protocol against a datagram socket this test binds as `NOTIFY_SOCKET`.
/// Serialized: the variables live in the shared process environment.
@Suite(.serialized)
struct SystemdNotifierTests {
    @Test func noNotifierWithoutNotifySocket() {
        withEnvironment(["NOTIFY_SOCKET": nil]) {
            #expect(SystemdNotifier.fromEnvironment() == nil)
        }
    }

    @Test func readySendsReadyOne() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            try #require(SystemdNotifier.fromEnvironment()).ready()
        }
        #expect(socket.receive() == "READY=1")
    }

    @Test func statusSendsOneLineStatus() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            try #require(SystemdNotifier.fromEnvironment()).status("processed 3, failed 1\nqueued 2")
        }
        #expect(socket.receive() == "STATUS=processed 3, failed 1 queued 2")
    }

    @Test func watchdogAndStoppingSendTheirFlags() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            let notifier = try #require(SystemdNotifier.fromEnvironment())
            try notifier.watchdog()
            try notifier.stopping()
        }
        #expect(socket.receive() == "WATCHDOG=1")
        #expect(socket.receive() == "STOPPING=1")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let socket = try NotifySocket()
        let before = SystemdNotifier.monotonicMicroseconds()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            try #require(SystemdNotifier.fromEnvironment()).reloading()
        }
        let after = SystemdNotifier.monotonicMicroseconds()
        let lines = try #require(socket.receive()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last?.split(separator: "=").last.flatMap { UInt64($0) })
        #expect(lines.count == 2 && lines[1].hasPrefix("MONOTONIC_USEC="))
        #expect((before...after).contains(stamp))
    }

    @Test func sendingToAMissingSocketThrowsWithErrno() throws {
        let socket = try NotifySocket()
        let gone = socket.path + ".gone"
        let error = withEnvironment(["NOTIFY_SOCKET": gone]) {
            #expect(throws: SystemdError.self) { try SystemdNotifier.fromEnvironment()?.ready() }
        }
        #expect(error?.code == ENOENT)
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsecForThisProcess() throws {
        let socket = try NotifySocket()
        let interval = withEnvironment([
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "3000000", "WATCHDOG_PID": String(getpid()),
        ]) { SystemdNotifier.fromEnvironment()?.watchdogInterval }
        #expect(interval == .milliseconds(1500))
    }

    @Test func watchdogIntervalWithoutPidStillApplies() throws {
        let socket = try NotifySocket()
        let interval = withEnvironment([
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "20000000", "WATCHDOG_PID": nil,
        ]) { SystemdNotifier.fromEnvironment()?.watchdogInterval }
        #expect(interval == .seconds(10))
    }

    @Test func watchdogMeantForAnotherProcessIsIgnored() throws {
        let socket = try NotifySocket()
        let interval = withEnvironment([
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "3000000", "WATCHDOG_PID": String(getpid() + 1),
        ]) { SystemdNotifier.fromEnvironment()?.watchdogInterval }
        #expect(interval == nil)
    }

    @Test func noWatchdogWithoutWatchdogUsec() throws {
        let socket = try NotifySocket()
        let notifier = withEnvironment(["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            SystemdNotifier.fromEnvironment()
        }
        #expect(notifier != nil)
        #expect(notifier?.watchdogInterval == nil)
    }
}
