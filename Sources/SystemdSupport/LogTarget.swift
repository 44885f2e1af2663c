#if canImport(Glibc)
import Glibc
#endif

/// Where log records go: the systemd journal, stderr, or the journal only under systemd.
public enum LogTarget: String, Sendable, Hashable, CaseIterable {
    /// Native journal records over `sd_journal_sendv` (stderr when the journal is unreachable).
    case journal
    /// One line per record on stderr.
    case console
    /// `journal` when stderr is systemd's journal stream (`JOURNAL_STREAM`), `console` otherwise.
    case auto

    /// The concrete target: `auto` becomes `journal` or `console` by looking at stderr.
    public func resolved(environment: [String: String]) -> LogTarget {
        guard self == .auto else { return self }
        return Self.stderrIsJournalStream(environment["JOURNAL_STREAM"]) ? .journal : .console
    }

    /// systemd sets `JOURNAL_STREAM=<device>:<inode>` of the stream it connected to stdout/stderr;
    /// it counts only if our stderr is still that stream (not redirected by a wrapper).
    static func stderrIsJournalStream(_ value: String?) -> Bool {
        guard let value else { return false }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return false
        }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
