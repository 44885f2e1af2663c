import Foundation
import Glibc

/// Mounts for resource-fault tests (root only): a tiny tmpfs, a read-only bind mount.
enum Mounts {
    /// Why mounting is impossible here, or nil when the test can go ahead.
    static var unavailable: SkipReason? {
        getuid() == 0 ? nil : SkipReason("not running as root")
    }

    /// Mounts a tmpfs of `size` (e.g. "128k") on `path`.
    static func tmpfs(_ path: String, size: String) throws {
        try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", path])
    }

    /// Makes `path` read-only with a bind mount of itself (`chmod` does not stop root).
    static func makeReadOnly(_ path: String) throws {
        try run("/bin/mount", ["--bind", path, path])
        try run("/bin/mount", ["-o", "remount,bind,ro", path])
    }

    /// Makes a read-only bind mount writable again.
    static func makeWritable(_ path: String) throws {
        try run("/bin/mount", ["-o", "remount,bind,rw", path])
    }

    /// Unmounts `path` (lazily, so that a leftover user cannot keep it mounted).
    static func unmount(_ path: String) {
        try? run("/bin/umount", ["-l", path])
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DaemonTestError("\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
