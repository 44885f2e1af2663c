import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Talks to the service manager over `NOTIFY_SOCKET` (the `Type=notify` protocol, `sd_notify(3)`).
public struct SystemdNotifier: Sendable {
    /// How often to send `WATCHDOG=1`: half of `WATCHDOG_USEC`, or nil when no watchdog is
    /// configured for this process (`WATCHDOG_PID` names another process, or is unset with no USEC).
    public let watchdogInterval: Duration?

    /// A notifier when `NOTIFY_SOCKET` is set (running under systemd as `Type=notify`), nil otherwise.
    public static func fromEnvironment() -> SystemdNotifier? {
        guard let socket = getenv("NOTIFY_SOCKET"), socket.pointee != 0 else { return nil }
        return SystemdNotifier(watchdogInterval: Self.watchdogIntervalFromEnvironment())
    }

    init(watchdogInterval: Duration?) {
        self.watchdogInterval = watchdogInterval
    }

    /// `READY=1`: start-up is complete (also ends a reload).
    public func ready() throws(SystemdError) {
        try send("READY=1")
    }

    /// `STATUS=<text>`, shown by `systemctl status`; line breaks become spaces to keep one field.
    public func status(_ text: String) throws(SystemdError) {
        let oneLine = text.map { $0.isNewline ? " " : String($0) }.joined()
        try send("STATUS=" + oneLine)
    }

    /// `WATCHDOG=1`: the keep-alive ping; send it every `watchdogInterval`.
    public func watchdog() throws(SystemdError) {
        try send("WATCHDOG=1")
    }

    /// `RELOADING=1` with `MONOTONIC_USEC` (which `Type=notify-reload` requires); follow with `ready()`.
    public func reloading() throws(SystemdError) {
        try send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// `STOPPING=1`: shutdown has begun.
    public func stopping() throws(SystemdError) {
        try send("STOPPING=1")
    }

    /// Sends raw newline-separated `KEY=value` assignments.
    public func send(_ state: String) throws(SystemdError) {
        let result = sd_notify(0, state)
        if result < 0 { throw SystemdError(operation: "sd_notify", code: result) }
    }

    /// sd_watchdog_enabled honours `WATCHDOG_PID` (the ping interval is meant for that process only).
    static func watchdogIntervalFromEnvironment() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds / 2))
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
