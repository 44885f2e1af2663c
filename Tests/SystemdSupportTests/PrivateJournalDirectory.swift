import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs code on a thread of its own that sees an empty tmpfs over `/run/systemd/journal`:
/// the thread unshares its mount namespace (CLONE_NEWNS needs only an unshared fs_struct, so
/// one thread of a multithreaded process may do it), makes every mount private so nothing
/// propagates to the host, and mounts the tmpfs. For this thread only, the journal is gone.
/// Needs root (CAP_SYS_ADMIN).
enum PrivateJournalDirectory {
    private static let cloneNewNS: Int32 = 0x0002_0000
    private typealias Unshare = @convention(c) (Int32) -> Int32

    static func run(_ body: @escaping @Sendable () -> Void) throws {
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            if let problem = isolate() {
                failure.withLock { $0 = problem }
                return
            }
            body()
        }
        thread.start()
        done.wait()
        if let problem = failure.withLock({ $0 }) { throw TestFailure(problem) }
    }

    /// nil on success, the failed step otherwise; stops before mounting if `/` cannot be made private.
    private static func isolate() -> String? {
        // unshare(2) is not exported by the Glibc module (it needs _GNU_SOURCE).
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "unshare") else { return "dlsym unshare" }
        let unshare = unsafeBitCast(symbol, to: Unshare.self)
        guard unshare(cloneNewNS) == 0 else { return "unshare(CLONE_NEWNS): errno \(errno)" }
        guard mount(nil, "/", nil, UInt(MS_REC | MS_PRIVATE), nil) == 0 else {
            return "mount --make-rprivate /: errno \(errno)"
        }
        guard mount("tmpfs", "/run/systemd/journal", "tmpfs", 0, "mode=0755") == 0 else {
            return "mount tmpfs on /run/systemd/journal: errno \(errno)"
        }
        return nil
    }
}
