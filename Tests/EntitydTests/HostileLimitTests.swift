import Foundation
import Glibc
import Testing

/// The configured limits hold against inputs made to break them, and a file the daemon may
/// not read is quarantined, not retried forever nor read anyway.
@Suite(.serialized) struct HostileLimitTests {
    @Test func aFileLargerThanTheSizeLimitIsQuarantinedUnread() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path, environment: ["ENTITYD_MAX_FILE_BYTES": "4096"])
        state.drop("large.txt", String(repeating: "Paris is in France. ", count: 400))
        state.drop("limit.txt", String(repeating: "x", count: 4095) + "\n")
        let settled = try state.waitForSettlements(of: ["large.txt", "limit.txt"])
        #expect(settled["large.txt"]?.errorCode == "too_large")
        #expect(settled["limit.txt"]?.isProcessed == true)
        #expect(try daemon.terminate() == 0)
    }

    @Test func noArticleTakesLongerThanTheFileTimeLimit() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path, environment: ["ENTITYD_FILE_TIME_LIMIT_SECONDS": "0.05"])
        // Many short sentences: the extractor checks its deadline between them.
        let sentences = (0..<60_000).map { "Minister \(["Anna", "Boris", "Carl"][$0 % 3]) Smith met NATO in Riga on May \($0 % 28 + 1)." }
        state.drop("huge.txt", sentences.joined(separator: " "))
        let settled = try state.waitForSettlements(of: ["huge.txt"])
        guard case .quarantined(let record) = try #require(settled["huge.txt"]) else {
            Issue.record("a 60,000-sentence article was processed within 0.05 s")
            return
        }
        #expect(record["step"] as? String == "extract")
        #expect(record["code"] as? String == "time_limit", "\(record)")
        #expect((record["error"] as? String)?.contains("longer than") == true, "\(record)")
        state.drop("after.txt", "Vilnius")
        try Wait.until("a normal file is processed right after") { state.settlements()["after.txt"]?.first?.isProcessed == true }
        #expect(try daemon.terminate() == 0)
    }

    @Test func aFileTheDaemonMayNotReadIsQuarantinedWithoutBeingRead() throws {
        let launcher: [String]
        switch UnprivilegedUser.launcher() {
        case .success(let prefix): launcher = prefix
        case .failure(let reason):
            print("skipped: a file without read permission needs a daemon without root privileges: \(reason)")
            return
        }
        let state = StateDirectory()
        mkdir(state.path + "/inbox", 0o755)
        UnprivilegedUser.own(state.root)
        let daemon = try DaemonProcess(stateDirectory: state.path, launcher: launcher)
        // Owned by root, mode 0000: the daemon (nobody) can move it but not open it.
        let staged = state.root + "/closed.txt"
        _ = FileManager.default.createFile(atPath: staged, contents: Data("Secret memo from Ankara.".utf8), attributes: [.posixPermissions: 0])
        let watch = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        defer { close(watch) }
        #expect(inotify_add_watch(watch, staged, UInt32(IN_ACCESS)) >= 0)
        #expect(rename(staged, state.path + "/inbox/closed.txt") == 0)
        state.drop("open.txt", "Ankara")
        let settled = try state.waitForSettlements(of: ["closed.txt", "open.txt"])
        #expect(settled["closed.txt"]?.errorCode == "permission_denied", "\(String(describing: settled["closed.txt"]))")
        #expect(settled["open.txt"]?.isProcessed == true)
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(read(watch, &buffer, buffer.count) < 0, "the unreadable file's contents were read")
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }
}
