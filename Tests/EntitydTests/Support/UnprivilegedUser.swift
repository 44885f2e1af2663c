import Foundation
import Glibc

/// Runs the daemon as `nobody` (uid/gid 65534). Tests run as root in CI, where permission
/// bits do not stop reads; a file the daemon must not be able to read needs a daemon
/// without root's privileges.
enum UnprivilegedUser {
    static let uid: uid_t = 65534
    static let gid: gid_t = 65534

    /// The `setpriv` prefix that drops to nobody, or why that is impossible here (not root,
    /// no setpriv, or the built binary or its resources are out of nobody's reach).
    static func launcher() -> Result<[String], SkipReason> {
        guard getuid() == 0 else { return .failure(SkipReason("not running as root")) }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return .failure(SkipReason("no \(setpriv)")) }
        let prefix = [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--"]
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: setpriv)
        probe.arguments = Array(prefix.dropFirst()) + [EntitydBinary.url.path, "extract", "-"]
        let input = Pipe()
        probe.standardInput = input
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return .failure(SkipReason("setpriv failed: \(error)")) }
        input.fileHandleForWriting.write(Data("Lima".utf8))
        try? input.fileHandleForWriting.close()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            return .failure(SkipReason("nobody cannot run \(EntitydBinary.url.path) (a parent directory closed to others?)"))
        }
        return .success(prefix)
    }

    /// Hands a directory tree to nobody, so that the daemon running as nobody can use it.
    static func own(_ path: String) {
        let tree = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
        for relative in [""] + tree { _ = chown(relative.isEmpty ? path : path + "/" + relative, uid, gid) }
    }
}
