import Foundation
import Logging
import Testing
@testable import SystemdSupport
#if canImport(Glibc)
import Glibc
#endif

/// When the journal cannot take a record, the record goes to stderr (here: a pipe standing in
/// for fd 2), never nowhere. The journal is made unreachable for real, in a private mount
/// namespace of one thread (see `PrivateJournalDirectory`).
@Suite(.enabled(if: getuid() == 0, "needs root to unshare a mount namespace"))
struct JournalFallbackTests {
    @Test func missingJournalSocketFallsBackToAStderrLine() throws {
        let line = try fallbackLine { }
        #expect(line.contains("warning entityd.test: journal gone\\nsecond line"))
        #expect(line.contains("entityd_file=a.txt"))
        #expect(line.contains("journal_error=\"stat /run/systemd/journal/socket failed"))
        #expect(line.hasSuffix("\n") && line.filter { $0 == "\n" }.count == 1)
    }

    @Test func refusingJournalSocketFallsBackToAStderrLine() throws {
        // A socket file nobody listens on: what a crashed journald leaves behind.
        let line = try fallbackLine {
            let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in "/run/systemd/journal/socket".utf8.enumerated() { raw[index] = byte }
            }
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            close(descriptor)
        }
        #expect(line.contains("warning entityd.test: journal gone\\nsecond line"))
        #expect(line.contains("journal_error=\"sd_journal_sendv failed: Connection refused"))
    }

    /// Logs one warning through a JournalLogHandler whose fallback is a pipe, after `prepare`
    /// has shaped the thread's private `/run/systemd/journal`; returns what reached the pipe.
    private func fallbackLine(prepare: @escaping @Sendable () -> Void) throws -> String {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        try PrivateJournalDirectory.run {
            prepare()
            let handler = JournalLogHandler(
                label: "entityd.test", syslogIdentifier: "entityd", metadataProvider: nil,
                fallbackDescriptor: writeEnd)
            let logger = Logger(label: "entityd.test") { _ in handler }
            logger.warning("journal gone\nsecond line", metadata: ["entityd_file": "a.txt"])
            close(writeEnd)
        }
        return String(decoding: FileHandle(fileDescriptor: readEnd).readDataToEndOfFile(), as: UTF8.self)
    }
}
