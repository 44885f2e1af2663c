import Foundation
import Glibc
import Testing

/// The outbox fills up or turns read-only, inotify drops events: nothing is quarantined or
/// lost, the condition is logged once, and the daemon resumes by itself. Needs root.
@Suite(.serialized) struct ResourceFaultTests {
    static func dropArticles(_ state: StateDirectory, _ count: Int, prefix: String) {
        for index in 0..<count { state.drop("\(prefix)-\(index).txt", "Report \(index): the IMF met in Washington with Kristalina Georgieva.") }
    }

    static func occurrences(of text: String, in log: String) -> Int {
        log.components(separatedBy: text).count - 1
    }

    /// Every one of `count` inputs has exactly one result and is archived; nothing failed.
    static func expectAllProcessedOnce(_ state: StateDirectory, _ count: Int, prefix: String) {
        let expected = (0..<count).map { "\(prefix)-\($0).txt" }.sorted()
        #expect(state.resultSourceNames() == expected)
        #expect(state.names("archive") == expected)
        #expect(state.names("failed").isEmpty)
        #expect(state.names("inbox").isEmpty)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func aFullOutboxMakesTheDaemonWaitLogOnceAndResumeWhenSpaceReturns() throws {
        if let reason = Mounts.unavailable { print("skipped: a tiny tmpfs outbox needs root: \(reason)"); return }
        let state = StateDirectory()
        let outbox = state.path + "/outbox"
        mkdir(outbox, 0o755)
        try Mounts.tmpfs(outbox, size: "256k")
        defer { Mounts.unmount(outbox) }
        // Fill the file system to the last block.
        let filler = outbox + "/.filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0x20, count: 4096)
        while write(fd, block, block.count) > 0 {}
        close(fd)
        let daemon = try DaemonProcess(stateDirectory: state.path)
        Self.dropArticles(state, 40, prefix: "full")
        try Wait.until("the full outbox is reported") { daemon.log.contains("cannot write results") }
        // Give the workers time to retry several times (backoff 0.25, 0.5, 1 s …): the
        // report must not repeat. (A slower machine retries less; it never passes wrongly.)
        Thread.sleep(forTimeInterval: 3)
        #expect(Self.occurrences(of: "cannot write results", in: daemon.log) == 1)
        #expect(state.names("failed").isEmpty, "good input was quarantined because the outbox was full")
        #expect(state.names("archive").isEmpty)
        #expect(state.names("inbox").count + state.filesInProcessing().count == 40, "an input went missing")
        #expect(state.names("outbox") == [".filler"], "a partial result appeared")
        unlink(filler)
        try Wait.until("all 40 are processed once space returns", timeout: 300) { state.names("archive").count == 40 }
        #expect(Self.occurrences(of: "writing works again", in: daemon.log) == 1)
        #expect(try daemon.terminate() == 0)
        Self.expectAllProcessedOnce(state, 40, prefix: "full")
    }

    @Test func aReadOnlyOutboxMakesTheDaemonWaitAndResumeWhenWritableAgain() throws {
        if let reason = Mounts.unavailable { print("skipped: a read-only bind mount needs root: \(reason)"); return }
        let state = StateDirectory()
        let outbox = state.path + "/outbox"
        mkdir(outbox, 0o755)
        try Mounts.makeReadOnly(outbox)
        defer { Mounts.unmount(outbox) }
        let daemon = try DaemonProcess(stateDirectory: state.path)
        Self.dropArticles(state, 30, prefix: "ro")
        try Wait.until("the read-only outbox is reported") { daemon.log.contains("cannot write results") }
        Thread.sleep(forTimeInterval: 2)  // retries happen meanwhile; see the full-outbox test
        #expect(Self.occurrences(of: "cannot write results", in: daemon.log) == 1)
        #expect(state.names("failed").isEmpty, "good input was quarantined because the outbox was read-only")
        #expect(state.names("inbox").count + state.filesInProcessing().count == 30, "an input went missing")
        try Mounts.makeWritable(outbox)
        try Wait.until("all 30 are processed once writable", timeout: 300) { state.names("archive").count == 30 }
        #expect(try daemon.terminate() == 0)
        Self.expectAllProcessedOnce(state, 30, prefix: "ro")
    }

    @Test func anInotifyQueueOverflowLosesNoFile() throws {
        if getuid() != 0 { print("skipped: lowering fs.inotify.max_queued_events needs root"); return }
        let setting = "/proc/sys/fs/inotify/max_queued_events"
        let original = try String(contentsOfFile: setting, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = StateDirectory()
        let daemon: DaemonProcess
        do {
            // The limit is taken when the daemon creates its inotify instance, at start.
            try "16\n".write(toFile: setting, atomically: false, encoding: .utf8)
            defer { try? (original + "\n").write(toFile: setting, atomically: false, encoding: .utf8) }
            daemon = try DaemonProcess(stateDirectory: state.path)
        }
        // Stopped, the daemon cannot read events: more than 16 must overflow the queue.
        daemon.signal(SIGSTOP)
        Self.dropArticles(state, 300, prefix: "flood")
        daemon.signal(SIGCONT)
        try Wait.until("all 300 are processed", timeout: 300) { state.names("archive").count == 300 }
        #expect(try daemon.terminate() == 0)
        Self.expectAllProcessedOnce(state, 300, prefix: "flood")
    }
}
