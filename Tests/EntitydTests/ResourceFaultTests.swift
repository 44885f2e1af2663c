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
        let filler = outbox + "/.filler"
        Self.fill(filler)
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

    @Test func aStopWhileTheOutboxIsFullPutsEveryFileBackAndARestartFinishesThem() throws {
        if let reason = Mounts.unavailable { print("skipped: a tiny tmpfs outbox needs root: \(reason)"); return }
        let state = StateDirectory()
        let outbox = state.path + "/outbox"
        mkdir(outbox, 0o755)
        try Mounts.tmpfs(outbox, size: "128k")
        defer { Mounts.unmount(outbox) }
        let filler = outbox + "/.filler"
        Self.fill(filler)
        let daemon = try DaemonProcess(stateDirectory: state.path)
        Self.dropArticles(state, 20, prefix: "stop")
        try Wait.until("the full outbox is reported") { daemon.log.contains("cannot write results") }
        #expect(try daemon.terminate() == 0)
        #expect(state.names("inbox").count == 20, "files waiting for the outbox were not returned to the inbox")
        #expect(state.names("processing").isEmpty)
        #expect(state.names("failed").isEmpty)
        unlink(filler)
        let restarted = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("all 20 are processed after the restart") { state.names("archive").count == 20 }
        #expect(try restarted.terminate() == 0)
        Self.expectAllProcessedOnce(state, 20, prefix: "stop")
    }

    /// Writes `path` until its file system is full.
    static func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0x20, count: 4096)
        while write(fd, block, block.count) > 0 {}
        close(fd)
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
        #expect(daemon.log.contains("inotify queue overflowed"), "no overflow happened: the test proved nothing")
        #expect(try daemon.terminate() == 0)
        Self.expectAllProcessedOnce(state, 300, prefix: "flood")
    }

    @Test func aClaimThatFailedIsRetriedWithoutANewEvent() throws {
        if getuid() != 0 { print("skipped: an immutable inbox (chattr +i) needs root"); return }
        let state = StateDirectory()
        let inbox = state.path + "/inbox"
        let daemon = try DaemonProcess(stateDirectory: state.path)
        guard (try? Self.chattr("+i", inbox)) != nil else {
            print("skipped: this file system has no immutable attribute")
            return
        }
        try Self.chattr("-i", inbox)
        // The event arrives while the inbox refuses every rename out of it (EPERM).
        daemon.signal(SIGSTOP)
        state.drop("stuck.txt", "The Bundestag met in Berlin.")
        try Self.chattr("+i", inbox)
        defer { try? Self.chattr("-i", inbox) }
        daemon.signal(SIGCONT)
        try Wait.until("the failed claim is reported") { daemon.log.contains("cannot claim files from the inbox") }
        #expect(state.names("inbox") == ["stuck.txt"])
        try Self.chattr("-i", inbox)
        // No event announces the file again: only a retry finds it (as with files that
        // other machines drop into a shared inbox, which inotify never reports).
        try Wait.until("the file is claimed and processed after all") { state.names("archive") == ["stuck.txt"] }
        #expect(try daemon.terminate() == 0)
        #expect(state.resultSourceNames() == ["stuck.txt"])
    }

    static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DaemonTestError("chattr \(flag) \(path) failed") }
    }
}
