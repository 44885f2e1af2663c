#if canImport(Glibc)
import Glibc
#endif

/// Sets environment variables for the duration of `body` only and restores them after:
/// libsystemd reads `NOTIFY_SOCKET` and `WATCHDOG_*` from the process environment.
func withEnvironment<T>(_ values: [String: String?], _ body: () throws -> T) rethrows -> T {
    var saved: [String: String?] = [:]
    for (name, value) in values {
        saved[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try body()
}
